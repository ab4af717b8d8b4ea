import { BASELINE } from './grid';
import { experimentHeadline, organGroup } from './headline';
import { isTimeToEvent } from './metric-words';
import { describe, paired } from './stats';
import type { ExperimentSpec, RunRecord } from './spec';

// The numbers behind the report's charts: per arm, metric and sampled tick, the mean across
// seeds and its 95% CI (a band), and for headline metrics the paired difference from baseline
// over time. Values are rounded to 6 significant digits (toPrecision is exactly specified by
// ECMAScript, so this is deterministic) to keep the page small. Pure.

/** Colour of each arm, in arm order: baseline dark grey, then the Okabe–Ito palette. */
export const ARM_COLOURS = ['#3b3b3b', '#e69f00', '#0072b2', '#009e73', '#d55e00', '#cc79a7', '#56b4e9', '#f0e442'];

/** Colour of the k-th arm (cycles after eight arms). */
export function armColour(k: number): string {
  return ARM_COLOURS[k % ARM_COLOURS.length];
}

/** Mean and band of one arm over the sampled ticks (null where undefined). */
export interface Band {
  mean: (number | null)[];
  lo: (number | null)[];
  hi: (number | null)[];
}

/** One chart: a metric and one band per arm (by arm name). */
export interface BandChart {
  metric: string;
  bands: Record<string, Band>;
}

/** All chart data the report embeds. */
export interface ReportData {
  /** Sampled ticks and the same in days (x axis). */
  ticks: number[];
  days: number[];
  arms: { name: string; colour: string }[];
  headline: string[];
  trajectories: BandChart[];
  /** Paired difference arm − baseline over time, for headline metrics (non-baseline arms). */
  differences: BandChart[];
}

const round = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : Number(v.toPrecision(6)));

function band(columns: number[][], toBand: (xs: number[]) => { mean: number | null; ci: [number, number] | null }): Band {
  const out: Band = { mean: [], lo: [], hi: [] };
  for (const xs of columns) {
    const d = toBand(xs);
    out.mean.push(round(d.mean));
    out.lo.push(round(d.ci ? d.ci[0] : null));
    out.hi.push(round(d.ci ? d.ci[1] : null));
  }
  return out;
}

/** Per sampled tick, the values of `metric` across an arm's seeds (seed order). */
function columns(records: readonly RunRecord[], arm: string, metric: string, samples: number): number[][] {
  const cols: number[][] = Array.from({ length: samples }, () => []);
  for (const r of records) {
    if (r.arm !== arm) continue;
    const ys = r.trajectory.values[metric] ?? [];
    for (let j = 0; j < samples; j++) cols[j].push(ys[j] ?? NaN);
  }
  return cols;
}

/** A time to an event is censored: at each tick, only the runs that have reached it (≥ 0) count. */
function reachedOnly(metric: string, cols: number[][]): number[][] {
  return isTimeToEvent(metric) ? cols.map((c) => c.filter((v) => v >= 0)) : cols;
}

/** Per tick, arm − baseline by seed; for a time to an event, only seeds where both have reached it. */
function pairedColumns(metric: string, arm: number[][], base: number[][]): number[][] {
  return arm.map((c, j) => c.flatMap((x, i) => (isTimeToEvent(metric) && !(x >= 0 && base[j][i] >= 0) ? [] : [x - base[j][i]])));
}

/** Builds the chart data from records in canonical order. */
export function buildReportData(spec: ExperimentSpec, records: readonly RunRecord[]): ReportData {
  const ticks = records.length ? records[0].trajectory.ticks : [];
  const n = ticks.length;
  const headline = experimentHeadline(spec);
  const ordered = [...headline, ...spec.metricNames.filter((m) => !headline.includes(m))];
  const trajectories = ordered.map((metric): BandChart => {
    const bands: Record<string, Band> = {};
    for (const arm of spec.arms) bands[arm.name] = band(reachedOnly(metric, columns(records, arm.name, metric, n)), describe);
    return { metric, bands };
  });
  const differences = headline.map((metric): BandChart => {
    const base = columns(records, BASELINE, metric, n);
    const bands: Record<string, Band> = {};
    for (const arm of spec.arms) {
      if (arm.name === BASELINE) continue;
      bands[arm.name] = band(pairedColumns(metric, columns(records, arm.name, metric, n), base), describe);
    }
    return { metric, bands };
  });
  return {
    ticks,
    days: ticks.map((t) => round((t * spec.tickHours) / 24)!),
    arms: spec.arms.map((a, k) => ({ name: a.name, colour: armColour(k) })),
    headline,
    trajectories,
    differences,
  };
}

/** Final-tick mean and CI per organ and arm for the organ chart; null if no per-organ metrics. */
export function organBars(spec: ExperimentSpec, records: readonly RunRecord[]) {
  const group = organGroup(spec.metricNames);
  if (!group) return null;
  const arms = spec.arms.map((a, k) => {
    const stats = group.metrics.map((m) => describe(records.filter((r) => r.arm === a.name).map((r) => r.metrics[m] ?? NaN)));
    return { name: a.name, colour: armColour(k), stats };
  });
  // Paired CIs of the per-organ effects, so the chart can mark organs where an arm differs.
  const effects = spec.arms.filter((a) => a.name !== BASELINE).map((a) =>
    group.metrics.map((m) => {
      const pick = (arm: string) => records.filter((r) => r.arm === arm).map((r) => r.metrics[m] ?? NaN);
      return paired(pick(a.name), pick(BASELINE));
    }),
  );
  return { ...group, arms, effects };
}
