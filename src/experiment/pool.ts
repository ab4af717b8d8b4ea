import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { distUrl } from '../../workers/dist-url';
import { budgetFactor, budgetFor, checkRunBudget } from './budget';
import { JobQueue, runLane } from './job-lane';
import { runOne, type ArmConfig, type RunJob } from './run-one';
import type { RunRecord } from './spec';

// A small worker_threads pool for experiment runs. Threads are spawned first thing, so their
// start-up (engine modules) overlaps the main thread's own preparation; each then receives
// the resolved arm configs once and pulls whole runs from a shared queue — one structured-clone
// message each way per run. Results reach `onResult` in completion order; the caller orders
// them. Node only.

/** What an experiment worker exposes over comlink (workers/experiment-entry.ts). */
export interface ExperimentWorkerApi {
  /** Keeps the resolved arm configs for the runs that follow. */
  load(arms: Record<string, ArmConfig>): void;
  /** Runs one job to completion. */
  run(job: RunJob): RunRecord;
}

/** How the runs were done (for the final summary). */
export interface PoolStats {
  /** Worker threads used (0: in this process). */
  workers: number;
}

/**
 * Resolves `--workers auto` (one per core) or a given count: never more than there are cores
 * (threads beyond them only contend) or jobs.
 */
export function resolveWorkerCount(requested: number | 'auto', jobs: number): number {
  const cores = availableParallelism();
  const want = requested === 'auto' ? cores : Math.min(requested, cores);
  return Math.max(0, Math.min(want, jobs));
}

/**
 * The budget gate every batch of runs passes (experiments, claims, screens, calibrations):
 * each arm the jobs use is estimated and refused (BudgetError) when over the budget in force,
 * before any of them starts; the jobs come back carrying the agent budget for RunGuard.
 */
export function guardJobs(jobs: readonly RunJob[], arms: Record<string, ArmConfig>): RunJob[] {
  const factor = budgetFactor();
  for (const name of new Set(jobs.map((j) => j.arm))) {
    const arm = arms[name];
    if (arm) checkRunBudget(arm.config, `${arm.config.name}, arm ${name}`, {}, factor);
  }
  const maxAgents = budgetFor(factor).agents;
  return jobs.map((j) => ({ ...j, maxAgents }));
}

interface Handle {
  worker: Worker;
  api: Comlink.Remote<ExperimentWorkerApi>;
  closed: boolean;
  /** Rejects when the thread dies (crash, out of memory): comlink would otherwise wait forever. */
  died: Promise<never>;
}

/** The experiment worker's script, built by `npm run build:cli` (workers/experiment-entry.ts). */
const WORKER_SCRIPT = distUrl('experiment-worker.mjs');

function spawn(): Handle {
  const worker = new Worker(WORKER_SCRIPT);
  const api = Comlink.wrap<ExperimentWorkerApi>(nodeEndpoint(worker));
  const died = new Promise<never>((_, reject) => {
    worker.once('error', (err) => reject(err));
    worker.once('exit', (code) => reject(new Error(`experiment worker exited with code ${code}`)));
  });
  died.catch(() => undefined); // observed through Promise.race below; avoid an unhandled rejection
  return { worker, api, closed: false, died };
}

async function close(h: Handle): Promise<void> {
  if (h.closed) return;
  h.closed = true;
  h.api[Comlink.releaseProxy]();
  h.worker.removeAllListeners('exit');
  await h.worker.terminate();
}

/** Runs jobs one after another in this thread (`--workers 0`): no spawn, handy for tests. */
export async function runInProcess(jobs: readonly RunJob[], arms: Record<string, ArmConfig>, onResult: (rec: RunRecord) => void): Promise<PoolStats> {
  for (const job of guardJobs(jobs, arms)) {
    onResult(runOne(arms[job.arm], job));
    // Let signal handlers and stream writes run between runs.
    await new Promise((r) => setImmediate(r));
  }
  return { workers: 0 };
}

/** A set of experiment worker threads; `close()` must be called (run() does it). */
export class ExperimentPool {
  private constructor(private readonly handles: Handle[]) {}

  /** Spawns `size` threads; they load the engine while the caller prepares the jobs. */
  static spawn(size: number): ExperimentPool {
    // With a worker on every core, V8's parallel scavenger has no idle core for its helper
    // threads: each young-generation collection in one worker woke helpers that preempted the
    // other workers (a 2-worker default experiment: ~1,300 forced context switches, 1,100
    // helper wake-ups; ~400 and ~300 with this). Scavenging on the worker's own thread costs
    // it next to nothing. The flag is process-wide and read at each scavenge, so setting it
    // now is safe; broader GC flags (single-threaded GC) are not, once the heap is running.
    if (size >= availableParallelism()) setFlagsFromString('--no-parallel-scavenge');
    return new ExperimentPool(Array.from({ length: size }, () => spawn()));
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

  private async runJobs(given: readonly RunJob[], arms: Record<string, ArmConfig>, onResult: (rec: RunRecord) => void, keepOpen: boolean): Promise<PoolStats> {
    let jobs: RunJob[];
    try {
      jobs = guardJobs(given, arms);
    } catch (err) {
      if (!keepOpen) await this.close();
      throw err;
    }
    const used = this.handles.slice(0, Math.min(this.handles.length, jobs.length));
    const closingUnused = keepOpen ? Promise.resolve([]) : Promise.all(this.handles.slice(used.length).map(close));
    let failed = false;
    const queue = new JobQueue(jobs, used.length);
    // A lane sends the arm configs and its first job at once, without waiting for the reply to
    // the first (the thread works through its messages in order), then keeps a job queued
    // behind the running one (job-lane.ts).
    const lane = async (h: Handle): Promise<void> => {
      const loaded = Promise.race([h.api.load(arms), h.died]);
      loaded.catch(() => undefined); // a failed load fails the first run too; rethrown below
      await runLane(queue, (job) => Promise.race([h.api.run(job), h.died]), onResult, () => failed);
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
    return { workers: used.length };
  }

  /** Closes every thread without running anything (e.g. when preparation failed). */
  async close(): Promise<void> {
    await Promise.all(this.handles.map(close));
  }
}
