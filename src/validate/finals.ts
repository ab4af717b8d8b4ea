import { BatchRunner } from '../calibrate/runner';
import type { ProgressSink } from '../experiment/progress';
import type { ArmConfig } from '../experiment/run-one';

/**
 * Runs every arm over seeds 1..n on the experiment pool (or in this thread with workers 0) and
 * returns each arm's final metrics in seed order — the ensembles validate's checks compare.
 */
export async function runFinals(
  arms: Record<string, ArmConfig>, seeds: number, workers: number | 'auto', progress: ProgressSink | null, note: string,
): Promise<Map<string, Record<string, number>[]>> {
  const list = Array.from({ length: seeds }, (_, i) => i + 1);
  const finals = new Map<string, Record<string, number>[]>();
  for (const name of Object.keys(arms)) finals.set(name, new Array(seeds));
  const runner = await BatchRunner.start(workers, progress);
  try {
    await runner.run(arms, Object.keys(arms).flatMap((arm) => list.map((seed) => ({ arm, seed }))), (rec) => {
      finals.get(rec.arm)![rec.seed - 1] = rec.metrics;
    }, note);
  } finally {
    await runner.close();
  }
  return finals;
}
