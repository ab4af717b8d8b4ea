import type { SeriesStore } from '../series-store';

// Which metrics compare mode charts as B − A, and the differences themselves. The prefixes are
// the one place compare mode names metrics; names the engine does not produce are skipped, so
// the view follows METRIC_NAMES as it grows.

/** Prefixes (or whole names) of the metrics compare mode charts, in display order. */
export const COMPARE_PREFIXES = ['metastases.total', 'niche.', 'ctc.killed.', 'tcells.exhausted'] as const;

/** Metrics on a 0..1-ish scale: charted on their own (right-hand) axis. */
const FRACTION = /^niche\.|fraction|permeability|education/;

/** Whether a metric lives on a 0..1 scale (gets the fraction axis). */
export function isFraction(name: string): boolean {
  return FRACTION.test(name);
}

/** The compared metrics among `names`: grouped by COMPARE_PREFIXES order, each group in `names` order. */
export function compareMetrics(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const prefix of COMPARE_PREFIXES) {
    for (const n of names) if ((n === prefix || (prefix.endsWith('.') && n.startsWith(prefix))) && !out.includes(n)) out.push(n);
  }
  return out;
}

/**
 * B − A of one metric for ticks 0 .. min(lengths) − 1, into `out` when it is long enough (the
 * returned array is then a view of it). Both stores hold the same ticks in lockstep; a store
 * that is ahead is cut to the common length rather than compared against a missing tick.
 */
export function difference(a: SeriesStore, b: SeriesStore, metric: string, out?: Float64Array): Float64Array {
  const n = Math.min(a.length, b.length);
  const ka = a.indexOf(metric);
  const kb = b.indexOf(metric);
  const d = out && out.length >= n ? out.subarray(0, n) : new Float64Array(n);
  if (ka < 0 || kb < 0) return d.fill(NaN);
  for (let t = 0; t < n; t++) d[t] = b.at(kb, t) - a.at(ka, t);
  return d;
}
