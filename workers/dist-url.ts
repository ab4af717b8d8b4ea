/**
 * URL of a script built into dist/ by scripts/build-cli.mjs. Node worker threads always start
 * from these built scripts (plain JavaScript, no TypeScript loader needed); this module itself
 * runs either bundled into dist/ or from the sources in workers/ (vitest, tsx).
 */
export function distUrl(file: string): URL {
  const here = new URL('.', import.meta.url);
  return here.href.endsWith('/dist/') ? new URL(file, here) : new URL(`../dist/${file}`, here);
}
