import { bundlingEnabled, cachedBundle } from '../../bin/bundle-cache.mjs';

// The experiment worker's script: a cached esbuild bundle of workers/experiment-entry.ts
// (see bin/bundle-cache.mjs; a thread starts from it in ~0.05 s instead of ~0.3 s through
// tsx), or, if no bundle can be had, the tsx bootstrap. Node only.

const FALLBACK = new URL('../../workers/experiment-worker.mjs', import.meta.url);

/** URL of the script to start experiment workers from. Memoised per process. */
export function experimentWorkerUrl(): Promise<URL> {
  if (!bundlingEnabled()) return Promise.resolve(FALLBACK);
  return cachedBundle('workers/experiment-entry.ts', 'experiment-worker').catch(() => FALLBACK);
}
