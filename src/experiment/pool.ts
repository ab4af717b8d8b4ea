import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { JobQueue, runLane } from './job-lane';
import { primeForArms } from './jit-primer';
import { runOne, type ArmConfig, type RunJob } from './run-one';
import { experimentWorkerUrl } from './worker-bundle';
import type { RunRecord } from './spec';

// A small worker_threads pool for experiment runs. Threads are spawned first thing, so their
// start-up (engine modules) overlaps the main thread's own preparation; each then receives
// the resolved arm configs once and pulls whole runs from a shared queue — one structured-clone
// message each way per run. Results reach `onResult` in completion order; the caller orders
// them. Node only.

/** What an experiment worker exposes over comlink (workers/experiment-entry.ts). */
export interface ExperimentWorkerApi {
  /**
   * Keeps the resolved arm configs for the runs that follow, then warms the JIT if the runs
   * are long enough (jit-primer.ts); returns whether it did.
   */
  load(arms: Record<string, ArmConfig>): boolean;
  /** Runs one job to completion. */
  run(job: RunJob): RunRecord;
}

/** What the pool measured (wall-clock, for benchmarks and the final summary). */
export interface PoolStats {
  workers: number;
  /** Per worker used: milliseconds from spawn until it had the arm configs (and was primed). */
  startupMs: number[];
  /** Workers that ran the JIT primer before their first job (in-process: 1 if this thread did). */
  primed: number;
  /** Jobs sent to a thread while it still had another to finish (0 in-process). */
  queuedAhead: number;
}

/** Resolves `--workers auto` (one per core) or a given count, never more than there are jobs. */
export function resolveWorkerCount(requested: number | 'auto', jobs: number): number {
  const want = requested === 'auto' ? availableParallelism() : requested;
  return Math.max(0, Math.min(want, jobs));
}

interface Handle {
  worker: Worker;
  api: Comlink.Remote<ExperimentWorkerApi>;
  spawnedAt: number;
  closed: boolean;
  /** Rejects when the thread dies (crash, out of memory): comlink would otherwise wait forever. */
  died: Promise<never>;
}

function spawn(script: URL, spawnedAt: number): Handle {
  const worker = new Worker(script);
  const api = Comlink.wrap<ExperimentWorkerApi>(nodeEndpoint(worker));
  const died = new Promise<never>((_, reject) => {
    worker.once('error', (err) => reject(err));
    worker.once('exit', (code) => reject(new Error(`experiment worker exited with code ${code}`)));
  });
  died.catch(() => undefined); // observed through Promise.race below; avoid an unhandled rejection
  return { worker, api, spawnedAt, closed: false, died };
}

async function close(h: Handle): Promise<void> {
  if (h.closed) return;
  h.closed = true;
  h.api[Comlink.releaseProxy]();
  h.worker.removeAllListeners('exit');
  await h.worker.terminate();
}

/**
 * Runs jobs one after another in this thread (`--workers 0`): no spawn, handy for tests. Long
 * runs are primed first, as a worker's are, so this thread's JIT starts from the same place.
 */
export async function runInProcess(jobs: readonly RunJob[], arms: Record<string, ArmConfig>, onResult: (rec: RunRecord) => void): Promise<PoolStats> {
  const primed = jobs.length > 0 && primeForArms(arms) ? 1 : 0;
  for (const job of jobs) {
    onResult(runOne(arms[job.arm], job));
    // Let signal handlers and stream writes run between runs.
    await new Promise((r) => setImmediate(r));
  }
  return { workers: 0, startupMs: [], primed, queuedAhead: 0 };
}

/** A set of experiment worker threads; `close()` must be called (run() does it). */
export class ExperimentPool {
  private constructor(private readonly handles: Handle[]) {}

  /**
   * Spawns `size` threads as soon as the worker script is ready (a cached bundle, see
   * worker-bundle.ts); they load the engine while the caller prepares the jobs.
   */
  static async spawn(size: number): Promise<ExperimentPool> {
    const started = performance.now(); // det-ok: pool timing only
    const script = await experimentWorkerUrl();
    // With a worker on every core, V8's parallel scavenger has no idle core for its helper
    // threads: each young-generation collection in one worker woke helpers that preempted the
    // other workers (a 2-worker default experiment: ~1,300 forced context switches, 1,100
    // helper wake-ups; ~400 and ~300 with this). Scavenging on the worker's own thread costs
    // it next to nothing. The flag is process-wide and read at each scavenge, so setting it
    // now is safe; broader GC flags (single-threaded GC) are not, once the heap is running.
    if (size >= availableParallelism()) setFlagsFromString('--no-parallel-scavenge');
    return new ExperimentPool(Array.from({ length: size }, () => spawn(script, started)));
  }

  /** Threads spawned. */
  get size(): number {
    return this.handles.length;
  }

  /**
   * Runs every job on the pool, calling `onResult` as each finishes, then closes the pool.
   * Threads beyond the number of jobs are closed unused. The first failure stops the pool
   * (no further jobs start) and is rethrown; results delivered before it are kept by the
   * caller, so a resumed experiment does not redo them.
   */
  async run(jobs: readonly RunJob[], arms: Record<string, ArmConfig>, onResult: (rec: RunRecord) => void): Promise<PoolStats> {
    return this.runJobs(jobs, arms, onResult, false);
  }

  /**
   * Like run(), but every thread stays open for the next batch (a calibration's generations):
   * call close() after the last. Each batch sends its own arm configs.
   */
  async runBatch(jobs: readonly RunJob[], arms: Record<string, ArmConfig>, onResult: (rec: RunRecord) => void): Promise<PoolStats> {
    return this.runJobs(jobs, arms, onResult, true);
  }

  private async runJobs(jobs: readonly RunJob[], arms: Record<string, ArmConfig>, onResult: (rec: RunRecord) => void, keepOpen: boolean): Promise<PoolStats> {
    const used = this.handles.slice(0, Math.min(this.handles.length, jobs.length));
    const closingUnused = keepOpen ? Promise.resolve([]) : Promise.all(this.handles.slice(used.length).map(close));
    const startupMs: number[] = [];
    let primed = 0;
    let queuedAhead = 0;
    let failed = false;
    const queue = new JobQueue(jobs, used.length);
    // A lane sends the arm configs and its first job at once, without waiting for the reply to
    // the first (the thread works through its messages in order), then keeps a job queued
    // behind the running one (job-lane.ts).
    const lane = async (h: Handle): Promise<void> => {
      const loaded = Promise.race([h.api.load(arms), h.died]).then((didPrime) => {
        startupMs.push(performance.now() - h.spawnedAt); // det-ok: pool timing only
        if (didPrime) primed++;
      });
      loaded.catch(() => undefined); // a failed load fails the first run too; rethrown below
      queuedAhead += await runLane(queue, (job) => Promise.race([h.api.run(job), h.died]), onResult, () => failed);
      await loaded;
    };
    try {
      await Promise.all(used.map((h) => lane(h).catch((err: unknown) => {
        failed = true;
        throw err;
      })));
    } finally {
      if (keepOpen && failed) await this.close();
      else if (!keepOpen) await Promise.all([closingUnused, ...used.map(close)]);
    }
    return { workers: used.length, startupMs, primed, queuedAhead };
  }

  /** Closes every thread without running anything (e.g. when preparation failed). */
  async close(): Promise<void> {
    await Promise.all(this.handles.map(close));
  }
}
