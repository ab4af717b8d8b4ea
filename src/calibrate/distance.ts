import { quantile } from './quantile';
import { Stream } from './random';
import { DERIVED_METRICS, type Observable, type Target } from './targets';

// Observables of an ensemble (one preset, final metrics of each seed) and the distance of each
// target from them: 0 when the target is met, otherwise a normalised hinge — how far outside,
// in units of the target's scale. The rules are spelled out in docs/calibration.md.

/** Final metric values of one run, by name. */
export type MetricRow = Readonly<Record<string, number>>;

/** A metric's value in a row (a derived metric sums its parts; a missing metric is NaN). */
export function metricValue(row: MetricRow, name: string): number {
  const parts = DERIVED_METRICS[name];
  if (parts) return parts.reduce((s, p) => s + (row[p] ?? NaN), 0);
  return row[name] ?? NaN;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The observable over the seeds' rows: one value, or one per listed organ for shares.
 * metric: the mean over seeds; ratio: mean(numerator) / mean(denominator) (NaN when both are 0);
 * shares pooled by metastases: Σ_seeds metastases.<organ> / Σ_seeds Σ_among metastases, by seeds:
 * seeds with ≥ 1 metastasis in the organ / Σ_among of that count (0 when nothing metastasised);
 * fraction: share of seeds where the (summed) metric is ≥ atLeast and ≤ atMost.
 */
export function observe(o: Observable, rows: readonly MetricRow[], baseline: readonly MetricRow[] = []): number[] {
  if (!rows.length) return o.type === 'shares' ? o.organs.map(() => NaN) : [NaN];
  switch (o.type) {
    case 'change': {
      const a = mean(rows.map((r) => metricValue(r, o.metric)));
      const b = mean(baseline.map((r) => metricValue(r, o.metric)));
      return [baseline.length === 0 || b === 0 ? NaN : (a - b) / Math.abs(b)];
    }
    case 'metric':
      return [mean(rows.map((r) => metricValue(r, o.metric)))];
    case 'ratio': {
      const a = mean(rows.map((r) => metricValue(r, o.numerator)));
      const b = mean(rows.map((r) => metricValue(r, o.denominator)));
      return [b === 0 ? (a === 0 ? NaN : a > 0 ? Infinity : -Infinity) : a / b];
    }
    case 'shares': {
      const per = (g: string) => (o.pool === 'metastases'
        ? rows.reduce((s, r) => s + metricValue(r, `metastases.${g}`), 0)
        : rows.reduce((s, r) => s + (metricValue(r, `metastases.${g}`) >= 1 ? 1 : 0), 0));
      const total = o.among.reduce((s, g) => s + per(g), 0);
      return o.organs.map((g) => (total > 0 ? per(g) / total : 0));
    }
    case 'fraction': {
      const hit = rows.filter((r) => {
        const v = o.metrics.reduce((s, m) => s + metricValue(r, m), 0);
        return (o.atLeast === null || v >= o.atLeast) && (o.atMost === null || v <= o.atMost);
      }).length;
      return [hit / rows.length];
    }
  }
}

/** Whether the observable is a proportion (shares, fractions) or a relative change: its natural scale is 1. */
function proportion(o: Observable): boolean {
  return o.type === 'shares' || o.type === 'fraction' || o.type === 'change';
}

/**
 * The target's distance from observed values: 0 when met, else a hinge in units of the scale.
 * interval: (min − v)/s below, (v − max)/s above; s = the target's scale, else 1 for proportions
 * and |violated bound| (1 if that bound is 0) otherwise. value: max(0, |v − value| − tolerance)/s,
 * s = scale or tolerance. ordering (v₁ ≥ v₂ ≥ … by margin m): mean over neighbours of
 * max(0, vₖ₊₁ + m − vₖ)/s, s = scale or 1. An undefined value (NaN) counts as distance 1.
 */
export function targetDistance(t: Target, values: readonly number[]): number {
  if (values.some((v) => Number.isNaN(v))) return 1;
  if (t.kind === 'ordering') {
    const s = t.scale ?? 1;
    let sum = 0;
    for (let k = 0; k + 1 < values.length; k++) sum += Math.max(0, values[k + 1] + t.margin - values[k]) / s;
    return sum / (values.length - 1);
  }
  const v = values[0];
  if (t.kind === 'value') {
    const s = t.scale ?? t.tolerance!;
    return Math.max(0, Math.abs(v - t.value!) - t.tolerance!) / s;
  }
  const boundScale = (b: number) => t.scale ?? (proportion(t.observable) ? 1 : Math.abs(b) || 1);
  if (t.min !== null && v < t.min) return Math.min(Number.MAX_VALUE, (t.min - v) / boundScale(t.min));
  if (t.max !== null && v > t.max) return Math.min(Number.MAX_VALUE, (v - t.max) / boundScale(t.max));
  return 0;
}

/** Weighted mean of per-target distances: Σ wᵢ dᵢ / Σ wᵢ. */
export function totalDistance(targets: readonly Target[], distances: readonly number[]): number {
  let num = 0;
  let den = 0;
  targets.forEach((t, i) => {
    num += t.weight * distances[i];
    den += t.weight;
  });
  return num / den;
}

/** A target checked against an ensemble, with a bootstrap band over seeds. */
export interface TargetCheck {
  id: string;
  preset: string;
  /** Observed value(s) (one per organ for an ordering). */
  values: number[];
  /** 2.5% and 97.5% bootstrap percentiles of each value (resampling seeds). */
  band: [number, number][];
  distance: number;
  met: boolean;
  /** Share of bootstrap resamples in which the target is met. */
  metShare: number;
}

/** Bootstrap resamples of a target check (seeds drawn with replacement). */
export const BOOTSTRAP_RESAMPLES = 1000;

/**
 * Checks a target on its preset's rows (seed order): the value(s), the distance, and a 95%
 * percentile band from resampling seeds with replacement (stream named by the target id).
 */
export function checkTarget(t: Target, rows: readonly MetricRow[], seed: number, resamples = BOOTSTRAP_RESAMPLES, baseline: readonly MetricRow[] = []): TargetCheck {
  const values = observe(t.observable, rows, baseline);
  const distance = targetDistance(t, values);
  const s = new Stream(seed, `bootstrap/${t.id}`);
  const boots: number[][] = values.map(() => []);
  let met = 0;
  for (let b = 0; b < resamples; b++) {
    // Seeds are resampled in pairs: a what-if run and the baseline run of the same seed.
    const picks = rows.map(() => s.int(rows.length));
    const v = observe(t.observable, picks.map((k) => rows[k]), baseline.length ? picks.map((k) => baseline[k]) : baseline);
    v.forEach((x, k) => boots[k].push(x));
    if (targetDistance(t, v) === 0) met++;
  }
  const band = boots.map((xs): [number, number] => {
    const finite = xs.filter((x) => !Number.isNaN(x));
    return [quantile(finite, 0.025), quantile(finite, 0.975)];
  });
  return { id: t.id, preset: t.preset, values, band, distance, met: distance === 0, metShare: resamples ? met / resamples : NaN };
}
