import { gridJobs } from '../../experiment/grid';
import { JobQueue, runLane } from '../../experiment/job-lane';
import type { RunJob } from '../../experiment/run-one';
import type { ExperimentSpec, RunRecord } from '../../experiment/spec';
import type { EnsembleRequest, EnsembleWorkerApi } from './protocol';

/** A worker API as seen through comlink: every method returns a promise. */
export type AsyncApi<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };

/** One ensemble worker as the pool sees it. */
export interface EnsembleEndpoint {
  api: AsyncApi<EnsembleWorkerApi>;
  /** Rejects if the worker dies (fails to load, crashes); comlink alone would wait forever. */
  died: Promise<never>;
  /** Terminates the worker. */
  dispose(): void;
}

/** Most workers a page starts, whatever the core count: each holds a whole engine (~15–30 MB). */
export const MAX_ENSEMBLE_WORKERS = 8;

/**
 * Workers for an ensemble: one per logical core (navigator.hardwareConcurrency; 2 when the
 * browser does not say), at most MAX_ENSEMBLE_WORKERS and never more than there are runs.
 */
export function ensembleWorkerCount(hardwareConcurrency: number | undefined, jobs: number): number {
  const cores = Number.isInteger(hardwareConcurrency) && hardwareConcurrency! > 0 ? hardwareConcurrency! : 2;
  return Math.max(1, Math.min(cores, MAX_ENSEMBLE_WORKERS, jobs));
}

/** How an ensemble ended, with what it has and what the pool measured. */
export interface EnsembleOutcome {
  status: 'done' | 'cancelled' | 'failed';
  /** The resolved experiment (null when the request did not resolve). */
  spec: ExperimentSpec | null;
  /** Finished runs in completion order. */
  records: RunRecord[];
  /** Why it failed (status 'failed'). */
  error: string | null;
  workers: number;
  /**
   * Per run: ms beyond the run's own compute time from when its worker could start it (sent,
   * and the run before it back) until its record was here (messaging, cloning).
   */
  overheadMs: number[];
  wallMs: number;
}

/** Raised inside the pool when cancel() is called. */
class Cancelled extends Error {}

/**
 * A pool of ensemble workers for one experiment: the first worker resolves the arms, every
 * worker then receives the resolved configs, and all pull
 * whole (arm, seed) runs from one queue in the CLI's canonical order (seed-major), each holding
 * one run queued behind the one it runs (src/experiment/job-lane.ts). Results arrive in completion order; cancel() terminates the
 * workers at once (runs in progress are dropped, finished ones kept).
 */
export class EnsemblePool {
  private endpoints: EnsembleEndpoint[] = [];
  private cancelNow: () => void = () => {};
  private readonly cancelled: Promise<never>;
  private stopped = false;

  constructor(private readonly spawn: (index: number) => EnsembleEndpoint, readonly size: number) {
    this.cancelled = new Promise<never>((_, reject) => (this.cancelNow = () => reject(new Cancelled('cancelled'))));
    this.cancelled.catch(() => undefined);
  }

  /** Stops the ensemble now. */
  cancel(): void {
    if (this.stopped) return;
    this.cancelNow();
    this.dispose();
  }

  /**
   * Runs the request's whole (arm × seed) grid. `onPrepared` gets the spec before the first run
   * starts; `onResult` gets each record as it finishes with the count done so far.
   */
  async run(request: EnsembleRequest, onPrepared: (spec: ExperimentSpec) => void, onResult: (rec: RunRecord, done: number, total: number) => void): Promise<EnsembleOutcome> {
    const started = performance.now();
    this.endpoints = Array.from({ length: this.size }, (_, k) => this.spawn(k));
    const outcome: EnsembleOutcome = { status: 'done', spec: null, records: [], error: null, workers: this.size, overheadMs: [], wallMs: 0 };
    const guard = <T>(ep: EnsembleEndpoint, p: Promise<T>): Promise<T> => Promise.race([p, ep.died, this.cancelled]);
    try {
      const first = this.endpoints[0];
      const prepared = await guard(first, first.api.prepare(request));
      if (!prepared.ok) {
        outcome.status = 'failed';
        outcome.error = prepared.message;
        return outcome;
      }
      outcome.spec = prepared.spec;
      onPrepared(prepared.spec);
      const jobs: RunJob[] = gridJobs(prepared.spec.arms.map((a) => a.name), prepared.spec.seeds)
        .map((j) => ({ arm: j.arm, seed: j.seed, trajectoryEvery: prepared.spec.trajectoryEvery }));
      // Workers beyond the number of runs are not needed.
      const used = this.endpoints.slice(0, Math.min(this.endpoints.length, jobs.length));
      for (const ep of this.endpoints.slice(used.length)) ep.dispose();
      outcome.workers = used.length;
      const queue = new JobQueue(jobs, used.length);
      const lane = async (ep: EnsembleEndpoint): Promise<void> => {
        // Every worker, the first included, takes the resolved configs as a structured clone.
        await guard(ep, ep.api.load(prepared.arms));
        await runLane(queue, (job) => guard(ep, ep.api.run(job)), (rec, spanMs) => {
          outcome.overheadMs.push(Math.max(0, spanMs - rec.wallMs));
          outcome.records.push(rec);
          onResult(rec, outcome.records.length, jobs.length);
        });
      };
      await Promise.all(used.map((ep) => lane(ep)));
    } catch (err) {
      outcome.status = err instanceof Cancelled ? 'cancelled' : 'failed';
      if (!(err instanceof Cancelled)) outcome.error = (err as Error)?.message ?? String(err);
    } finally {
      // Lanes still waiting on a terminated worker give up rather than wait forever.
      this.cancelNow();
      this.dispose();
      outcome.wallMs = performance.now() - started;
    }
    return outcome;
  }

  private dispose(): void {
    this.stopped = true;
    for (const ep of this.endpoints) ep.dispose();
    this.endpoints = [];
  }
}
