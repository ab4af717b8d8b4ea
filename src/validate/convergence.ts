import { readScenarioText } from '../node/scenario-file';
import type { ProgressSink } from '../experiment/progress';
import type { ArmConfig } from '../experiment/run-one';
import { welch, type Interval } from '../experiment/stats';
import { resolveScenario, scenarioHash } from '../scenario/resolve';
import { runFinals } from './finals';

// The tick length is a resolution: the same scenario over the same simulated time, run with a
// coarse and a fine tick, must give the same outcomes up to noise (issue 12's acceptance). Each
// (preset, tick length) is one arm of an ensemble on the experiment pool; arms at different tick
// lengths draw their random numbers differently, so they are compared as independent samples.

/** The outcomes compared, each a sum of final metrics. */
export const CONVERGENCE_OBSERVABLES: Readonly<Record<string, (m: Record<string, number>) => number>> = {
  'metastases.total': (m) => m['metastases.total'],
  'ctc.intravasated': (m) => m['ctc.intravasated'],
  'niche.*': (m) => sumOf(m, 'niche.'),
  'exosomes.uptake.*': (m) => sumOf(m, 'exosomes.uptake.'),
  'ctc.killed.nk': (m) => m['ctc.killed.nk'],
};

/** Presets the acceptance names. */
export const CONVERGENCE_PRESETS = ['breast', 'pancreatic', 'melanoma'] as const;
/** Within this relative difference of the fine-tick mean, the outcomes agree outright. */
export const CLOSE = 0.1;
/** Otherwise they agree when the 95% CI of the difference includes 0 and it is under this. */
export const NOISE_LIMIT = 0.2;

/** One outcome of one preset at the two tick lengths. */
export interface ConvergenceRow {
  preset: string;
  observable: string;
  coarseMean: number;
  fineMean: number;
  /** (coarse − fine) / |fine| (null when the fine mean is 0). */
  relativeDiff: number | null;
  /** Welch 95% CI of coarse − fine. */
  ci: Interval;
  pass: boolean;
}

/** What to run. */
export interface ConvergenceOptions {
  presets?: readonly string[];
  seeds: number;
  /** Coarse and fine tick lengths, hours. */
  coarseHours?: number;
  fineHours?: number;
  workers: number | 'auto';
  progress: ProgressSink | null;
  scenarioDir?: string;
}

function sumOf(m: Record<string, number>, prefix: string): number {
  let s = 0;
  for (const k of Object.keys(m)) if (k.startsWith(prefix)) s += m[k];
  return s;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The rule: within CLOSE of the fine mean, or a CI covering 0 and a difference under NOISE_LIMIT. */
export function agrees(coarse: readonly number[], fine: readonly number[]): { relativeDiff: number | null; ci: Interval; pass: boolean } {
  const a = mean(coarse);
  const b = mean(fine);
  const { ci } = welch(coarse, fine);
  const relativeDiff = b === 0 ? null : (a - b) / Math.abs(b);
  const rel = relativeDiff === null ? (a === 0 ? 0 : Infinity) : Math.abs(relativeDiff);
  const pass = rel <= CLOSE || (ci !== null && ci[0] <= 0 && ci[1] >= 0 && rel < NOISE_LIMIT);
  return { relativeDiff, ci, pass };
}

/** Seeds per preset and tick length the convergence check runs by default (the 20). */
export const CONVERGENCE_SEEDS = 20;

/**
 * Runs every preset over seeds 1..n at the coarse and the fine tick length for the same
 * simulated time (the preset's run length in hours) and compares the outcomes.
 */
export async function runConvergence(opts: ConvergenceOptions): Promise<ConvergenceRow[]> {
  const presets = opts.presets ?? CONVERGENCE_PRESETS;
  const coarse = opts.coarseHours ?? 2;
  const fine = opts.fineHours ?? 0.5;
  const dir = opts.scenarioDir ?? 'scenarios';
  const arms: Record<string, ArmConfig> = {};
  const armOf = (preset: string, hours: number) => `${preset}@${hours}h`;
  for (const preset of presets) {
    const file = `${dir}/${preset}.json`;
    const data = JSON.parse(readScenarioText(file)) as Record<string, unknown>;
    const base = resolveScenario(data, file);
    const hours = base.ticks * base.tickHours;
    for (const h of [coarse, fine]) {
      const config = resolveScenario({ ...data, tickHours: h, ticks: Math.round(hours / h) }, file);
      arms[armOf(preset, h)] = { config, scenarioHash: scenarioHash(config) };
    }
  }
  const finals = await runFinals(arms, opts.seeds, opts.workers, opts.progress, 'convergence');
  const rows: ConvergenceRow[] = [];
  for (const preset of presets) {
    for (const [name, of] of Object.entries(CONVERGENCE_OBSERVABLES)) {
      const a = finals.get(armOf(preset, coarse))!.map(of);
      const b = finals.get(armOf(preset, fine))!.map(of);
      rows.push({ preset, observable: name, coarseMean: mean(a), fineMean: mean(b), ...agrees(a, b) });
    }
  }
  return rows;
}
