import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { EngineApi } from '../src/protocol/engine-api';
import { distUrl } from './dist-url';

/** A Node worker thread running the engine, with its comlink proxy; call `close()` when done. */
export interface NodeEngineWorker {
  api: Comlink.Remote<EngineApi>;
  close(): Promise<void>;
}

/** Starts an engine in a worker_threads worker (dist/engine-worker.mjs, built by `npm run build:cli`). */
export function startNodeEngineWorker(): NodeEngineWorker {
  const worker = new Worker(distUrl('engine-worker.mjs'));
  const api = Comlink.wrap<EngineApi>(nodeEndpoint(worker));
  return {
    api,
    async close() {
      api[Comlink.releaseProxy]();
      await worker.terminate();
    },
  };
}
