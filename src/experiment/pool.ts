import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { runOne, type RunJob } from './run-one';
import type { RunRecord } from './spec';

// A small worker_threads pool for experiment runs. Each worker loads the scenario text once and
// then pulls whole runs from a shared queue, so the cost per run is one structured-clone
// message each way; results reach `onResult` in completion order and the caller orders them.
// Node only.

/** What an experiment worker exposes over comlink (workers/experiment-entry.ts). */
export interface ExperimentWorkerApi {
  /** Keeps the scenario text for the runs that follow. */
  load(text: string, file: string): void;
  /** Runs one job to completion. */
  run(job: RunJob): RunRecord;
}

/** How to run a batch of jobs. */
export interface PoolOptions {
  /** Worker threads to use; 0 runs every job in this thread (no spawn, handy for tests). */
  workers: number;
  scenarioText: string;
  file: string;
  /** Called once per finished run, in completion order. */
  onResult: (rec: RunRecord) => void;
}

/** What the pool measured (wall-clock, for benchmarks and the final summary). */
export interface PoolStats {
  workers: number;
  /** Per worker: milliseconds from spawn until it had loaded the scenario. */
  startupMs: number[];
}

/** Resolves `--workers auto` (one per core, no more than there are jobs) or a given count. */
export function resolveWorkerCount(requested: number | 'auto', jobs: number): number {
  const want = requested === 'auto' ? availableParallelism() : requested;
  return Math.max(0, Math.min(want, jobs));
}

interface Handle {
  worker: Worker;
  api: Comlink.Remote<ExperimentWorkerApi>;
  /** Rejects when the thread dies (crash, out of memory): comlink would otherwise wait forever. */
  died: Promise<never>;
}

function spawn(): Handle {
  const worker = new Worker(new URL('../../workers/experiment-worker.mjs', import.meta.url));
  const api = Comlink.wrap<ExperimentWorkerApi>(nodeEndpoint(worker));
  const died = new Promise<never>((_, reject) => {
    worker.once('error', (err) => reject(err));
    worker.once('exit', (code) => reject(new Error(`experiment worker exited with code ${code}`)));
  });
  died.catch(() => undefined); // observed through Promise.race below; avoid an unhandled rejection
  return { worker, api, died };
}

async function close(h: Handle): Promise<void> {
  h.api[Comlink.releaseProxy]();
  h.worker.removeAllListeners('exit');
  await h.worker.terminate();
}

/**
 * Runs every job, `opts.workers` at a time, calling `onResult` as each finishes. The first
 * failure stops the pool (remaining jobs are not started) and is rethrown; finished results
 * have already been delivered, so a resumed experiment keeps them.
 */
export async function runJobs(jobs: readonly RunJob[], opts: PoolOptions): Promise<PoolStats> {
  if (opts.workers <= 0 || jobs.length === 0) {
    for (const job of jobs) {
      opts.onResult(runOne(opts.scenarioText, opts.file, job));
      // Let signal handlers and stream writes run between runs.
      await new Promise((r) => setImmediate(r));
    }
    return { workers: 0, startupMs: [] };
  }
  const size = Math.min(opts.workers, jobs.length);
  const handles: Handle[] = [];
  const startupMs: number[] = [];
  let next = 0;
  let failed = false;

  const lane = async (): Promise<void> => {
    const t0 = performance.now(); // det-ok: pool timing only
    const h = spawn();
    handles.push(h);
    await Promise.race([h.api.load(opts.scenarioText, opts.file), h.died]);
    startupMs.push(performance.now() - t0); // det-ok: pool timing only
    while (!failed && next < jobs.length) {
      const job = jobs[next++];
      const rec = await Promise.race([h.api.run(job), h.died]);
      opts.onResult(rec);
    }
  };

  try {
    const lanes = Array.from({ length: size }, () =>
      lane().catch((err: unknown) => {
        failed = true;
        throw err;
      }),
    );
    await Promise.all(lanes);
  } finally {
    await Promise.all(handles.map(close));
  }
  return { workers: size, startupMs };
}
