/** Builds dist/ once (clearing it first), or keeps rebuilding it with `watch`. */
export function buildCli(options?: { watch?: boolean }): Promise<void>;
