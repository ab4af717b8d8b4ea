import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { EngineApi } from '../src/protocol/engine-api';

/** A Node worker thread running the engine, with its comlink proxy; call `close()` when done. */
export interface NodeEngineWorker {
  api: Comlink.Remote<EngineApi>;
  close(): Promise<void>;
}

/** Starts an engine in a worker_threads worker. */
export function startNodeEngineWorker(): NodeEngineWorker {
  const worker = new Worker(new URL('./node-worker.mjs', import.meta.url));
  const api = Comlink.wrap<EngineApi>(nodeEndpoint(worker));
  return {
    api,
    async close() {
      api[Comlink.releaseProxy]();
      await worker.terminate();
    },
  };
}
