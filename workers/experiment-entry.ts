// First: installs the Math.random guard (tests) before any engine module is evaluated. // det-ok: comment
import '../src/experiment/worker-guard';
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { runOne, type ArmConfig, type RunJob } from '../src/experiment/run-one';
import type { ExperimentWorkerApi } from '../src/experiment/pool';
import type { RunRecord } from '../src/experiment/spec';

// Node worker_threads adaptor for the experiment pool (built into dist/experiment-worker.mjs):
// receives the resolved arm configs once and runs whole (arm, seed) jobs, so one message each
// way per run is all the pool costs.
if (!parentPort) throw new Error('experiment-entry must run in a worker thread');

let arms: Record<string, ArmConfig> = {};

const api: ExperimentWorkerApi = {
  load(armConfigs: Record<string, ArmConfig>): void {
    arms = armConfigs;
  },
  run(job: RunJob): RunRecord {
    const arm = arms[job.arm];
    if (!arm) throw new Error(`experiment worker: arm "${job.arm}" was not loaded`);
    return runOne(arm, job);
  },
};

Comlink.expose(api, nodeEndpoint(parentPort));
