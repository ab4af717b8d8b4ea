/** Hash of what a bundle depends on: project path, tool and bundled package versions, sources. */
export function sourceHash(): string;
/** URL of the cached bundle of `entry` (relative to the project root), built if stale. */
export function cachedBundle(entry: string, name: string): Promise<URL>;
/** True unless EXOCASCADE_BUNDLE=0 asks every entry to run through tsx instead. */
export function bundlingEnabled(): boolean;
