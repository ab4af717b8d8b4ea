import * as Comlink from 'comlink';
import type { EnsembleEndpoint } from './pool';
import type { EnsembleWorkerApi } from './protocol';

/** Starts one browser ensemble worker (workers/ensemble.worker.ts) behind comlink. */
export function browserEndpoint(index: number): EnsembleEndpoint {
  const worker = new Worker(new URL('../../../workers/ensemble.worker.ts', import.meta.url), { type: 'module', name: `exocascade-ensemble-${index + 1}` });
  const api = Comlink.wrap<EnsembleWorkerApi>(worker);
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(`ensemble worker ${index + 1} failed: ${e.message || 'could not start'}`)));
  });
  died.catch(() => undefined); // observed through Promise.race in the pool
  return {
    api: {
      prepare: (req) => api.prepare(req),
      load: (arms) => api.load(arms),
      run: (job) => api.run(job),
    },
    died,
    // Terminating is enough (and idempotent); releasing the proxy would post to a dead worker.
    dispose: () => worker.terminate(),
  };
}
