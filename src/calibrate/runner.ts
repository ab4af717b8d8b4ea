import { ExperimentPool, resolveWorkerCount, runInProcess } from '../experiment/pool';
import { Progress, type ProgressSink } from '../experiment/progress';
import type { ArmConfig, RunJob } from '../experiment/run-one';
import type { RunRecord } from '../experiment/spec';

// Runs batches of (arm, seed) jobs for the calibration tools on the experiment worker pool —
// kept open across batches, so a calibration's generations do not pay for new threads — or in
// this thread (--workers 0). Results arrive in completion order; callers key them by arm and
// seed, so nothing depends on how the work was spread.

/** A pool of experiment workers (or this thread) that runs batch after batch; close() at the end. */
export class BatchRunner {
  private constructor(private readonly pool: ExperimentPool | null, readonly workers: number, private readonly progress: ProgressSink | null) {}

  /** Spawns `workers` threads ('auto': one per core; 0: run in this thread). */
  static async start(workers: number | 'auto', progress: ProgressSink | null): Promise<BatchRunner> {
    const n = resolveWorkerCount(workers, Number.MAX_SAFE_INTEGER);
    return new BatchRunner(n > 0 ? await ExperimentPool.spawn(n) : null, n, progress);
  }

  /**
   * Runs every job (trajectories trimmed to the first and last tick: only final metrics are
   * needed), calling onResult as each finishes, with a progress bar labelled `note`.
   */
  async run(arms: Record<string, ArmConfig>, jobs: readonly { arm: string; seed: number }[], onResult: (rec: RunRecord) => void, note: string): Promise<void> {
    if (!jobs.length) return;
    const runJobs: RunJob[] = jobs.map((j) => ({ arm: j.arm, seed: j.seed, trajectoryEvery: Math.max(1, arms[j.arm].config.ticks) }));
    const bar = new Progress(this.progress, runJobs.length, `${this.workers ? `${this.workers} worker${this.workers === 1 ? '' : 's'}` : 'in-process'}${note ? `  ${note}` : ''}`);
    const each = (rec: RunRecord) => {
      onResult(rec);
      bar.step();
    };
    try {
      if (this.pool) await this.pool.runBatch(runJobs, arms, each);
      else await runInProcess(runJobs, arms, each);
    } finally {
      bar.finish();
    }
  }

  /** Closes the worker threads. */
  async close(): Promise<void> {
    await this.pool?.close();
  }
}
