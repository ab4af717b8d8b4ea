import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { runOne, type RunJob } from '../src/experiment/run-one';
import type { ExperimentWorkerApi } from '../src/experiment/pool';
import type { RunRecord } from '../src/experiment/spec';

// Node worker_threads adaptor for the experiment pool: holds the scenario text once and runs
// whole (arm, seed) jobs, so one message each way per run is all the pool costs.
if (!parentPort) throw new Error('experiment-entry must run in a worker thread');

let scenario: { text: string; file: string } | null = null;

const api: ExperimentWorkerApi = {
  load(text: string, file: string): void {
    scenario = { text, file };
  },
  run(job: RunJob): RunRecord {
    if (!scenario) throw new Error('experiment worker: call load() before run()');
    return runOne(scenario.text, scenario.file, job);
  },
};

Comlink.expose(api, nodeEndpoint(parentPort));
