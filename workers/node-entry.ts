// First: installs the Math.random guard (tests) before any engine module is evaluated. // det-ok: comment
import '../src/experiment/worker-guard';
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { EngineHost } from './engine-host';

// Node worker_threads adaptor (built into dist/engine-worker.mjs): the same EngineHost as the
// browser worker, over comlink.
if (!parentPort) throw new Error('node-entry must run in a worker thread');
Comlink.expose(new EngineHost(), nodeEndpoint(parentPort));
