import { experimentHeadline } from './headline';
import { BASELINE } from './grid';
import { isTimeToEvent } from './metric-words';
import { CONFIDENCE, describe, paired, welch, type Describe, type PairedDiff, type WelchDiff } from './stats';
import type { ArmInfo, ExperimentSpec, RunRecord } from './spec';

// summary.json: per arm and metric, the final-tick mean, sd and 95% CI across seeds; per
// non-baseline arm and metric, the effect against the baseline as a Welch difference in means
// and as a paired difference by seed. Built from records in canonical order only, so the file
// is the same bytes however and wherever the runs were done. Pure: usable in a browser too.
//
// Times to an event (`time.*`, −1 while it has not happened) are censored: a run that never
// reached the event is counted as "not reached", never averaged in as −1. Their statistics are
// over the runs that reached it, their paired effects over the seeds where both arms did.

/** The effect of one arm on one metric, relative to the baseline. */
export interface Effect {
  baselineMean: number | null;
  armMean: number | null;
  /** Independent-samples difference arm − baseline with Welch's CI. */
  welch: WelchDiff;
  /** Per-seed difference arm − baseline (common random numbers) with a paired-t CI. */
  paired: PairedDiff;
  /** Difference as a fraction of the baseline mean (null when that mean is 0). */
  relative: number | null;
  /** Seeds where the arm's value is below, equal to and above the baseline's (the paired seeds). */
  direction: { lower: number; same: number; higher: number };
}

/** How many runs of an arm did not reach a time-to-event metric's event, of how many. */
export interface Censoring {
  notReached: number;
  n: number;
}

/** The content of summary.json. */
export interface Summary {
  format: 1;
  scenario: ExperimentSpec['scenario'];
  ticks: number;
  tickHours: number;
  seeds: number[];
  engineVersion: string;
  catalogVersion: string;
  confidence: number;
  method: string;
  arms: ArmInfo[];
  metrics: string[];
  headline: string[];
  /** State hash of every run, by arm then seed (reproduce any run with `exocascade run`). */
  stateHashes: Record<string, Record<string, string>>;
  /** Final-tick statistics by arm, then metric (time-to-event metrics: over the runs that reached it). */
  stats: Record<string, Record<string, Describe>>;
  /** Time-to-event metrics by arm, then metric: the runs that did not reach the event. */
  censored: Record<string, Record<string, Censoring>>;
  /** Effects by non-baseline arm, then metric. */
  effects: Record<string, Record<string, Effect>>;
}

/** How the intervals are computed, in words (goes into summary.json and the report). */
export const METHOD =
  `${Math.round(CONFIDENCE * 100)}% intervals from Student's t: mean ± t·sd/√n (df n−1) per arm; ` +
  "Welch's unequal-variance interval for the difference in means (Welch–Satterthwaite df); " +
  'paired-t interval for the mean per-seed difference (arms share random streams by seed). ' +
  't quantiles by bisection on the regularised incomplete beta function.';

/** Final values of `metric` for `arm`, in seed order. */
export function finalValues(records: readonly RunRecord[], arm: string, metric: string): number[] {
  return records.filter((r) => r.arm === arm).map((r) => r.metrics[metric] ?? NaN);
}

/** Whether a time-to-event value means the event happened (negative: not reached). */
function reached(v: number): boolean {
  return v >= 0;
}

/** Per-seed pairs (arm, baseline) to compare: all of them, or for a time to an event, those where both reached it. */
function pairs(metric: string, a: readonly number[], b: readonly number[]): [number[], number[]] {
  if (!isTimeToEvent(metric)) return [[...a], [...b]];
  const keep = a.map((x, i) => reached(x) && reached(b[i]));
  return [a.filter((_, i) => keep[i]), b.filter((_, i) => keep[i])];
}

/** Seeds below, equal to and above the baseline. */
function direction(a: readonly number[], b: readonly number[]): Effect['direction'] {
  const d = { lower: 0, same: 0, higher: 0 };
  a.forEach((x, i) => {
    if (x < b[i]) d.lower++;
    else if (x > b[i]) d.higher++;
    else d.same++;
  });
  return d;
}

/** Builds the summary from records in canonical order (arms as in the spec, seeds ascending). */
export function buildSummary(spec: ExperimentSpec, records: readonly RunRecord[]): Summary {
  const stats: Summary['stats'] = {};
  const censored: Summary['censored'] = {};
  const effects: Summary['effects'] = {};
  const stateHashes: Summary['stateHashes'] = {};
  for (const arm of spec.arms) {
    stateHashes[arm.name] = {};
    for (const r of records) if (r.arm === arm.name) stateHashes[arm.name][String(r.seed)] = r.stateHash;
    stats[arm.name] = {};
    censored[arm.name] = {};
    for (const m of spec.metricNames) {
      const values = finalValues(records, arm.name, m);
      if (!isTimeToEvent(m)) {
        stats[arm.name][m] = describe(values);
        continue;
      }
      const hit = values.filter(reached);
      stats[arm.name][m] = describe(hit);
      censored[arm.name][m] = { notReached: values.length - hit.length, n: values.length };
    }
  }
  for (const arm of spec.arms) {
    if (arm.name === BASELINE) continue;
    effects[arm.name] = {};
    for (const m of spec.metricNames) {
      const [a, b] = pairs(m, finalValues(records, arm.name, m), finalValues(records, BASELINE, m));
      const armValues = isTimeToEvent(m) ? finalValues(records, arm.name, m).filter(reached) : a;
      const baseValues = isTimeToEvent(m) ? finalValues(records, BASELINE, m).filter(reached) : b;
      const w = welch(armValues, baseValues);
      const baseMean = stats[BASELINE][m].mean;
      effects[arm.name][m] = {
        baselineMean: baseMean,
        armMean: stats[arm.name][m].mean,
        welch: w,
        paired: paired(a, b),
        relative: w.diff !== null && baseMean ? w.diff / Math.abs(baseMean) : null,
        direction: direction(a, b),
      };
    }
  }
  return {
    format: 1,
    scenario: spec.scenario,
    ticks: spec.ticks,
    tickHours: spec.tickHours,
    seeds: spec.seeds,
    engineVersion: spec.engineVersion,
    catalogVersion: spec.catalogVersion,
    confidence: CONFIDENCE,
    method: METHOD,
    arms: spec.arms,
    metrics: spec.metricNames,
    headline: experimentHeadline(spec),
    stateHashes,
    stats,
    censored,
    effects,
  };
}

/** summary.json text: two-space indented; NaN and ±Infinity become null (JSON has neither). */
export function summaryJson(s: Summary): string {
  return `${JSON.stringify(s, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
