// Quantiles for the calibration tools: plain (numpy's default, linear interpolation between
// order statistics) and weighted (the inverse of the weighted empirical distribution).

/** The p-quantile (0 ≤ p ≤ 1) of values, numpy's "linear" method; NaN for no values. */
export function quantile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/**
 * The weighted p-quantile: the smallest value whose cumulative normalised weight reaches p
 * (ties in value keep their input order). NaN for no values or zero total weight.
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], p: number): number {
  if (values.length !== weights.length) throw new Error(`weightedQuantile: ${values.length} values, ${weights.length} weights`);
  const total = weights.reduce((a, b) => a + b, 0);
  if (!values.length || !(total > 0)) return NaN;
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  let cum = 0;
  for (const i of order) {
    cum += weights[i] / total;
    if (cum >= p - 1e-12) return values[i];
  }
  return values[order[order.length - 1]];
}

/** Weighted mean and standard deviation (normalised weights, no small-sample correction). */
export function weightedMoments(values: readonly number[], weights: readonly number[]): { mean: number; sd: number } {
  const total = weights.reduce((a, b) => a + b, 0);
  let m = 0;
  values.forEach((v, i) => (m += (weights[i] / total) * v));
  let v2 = 0;
  values.forEach((v, i) => (v2 += (weights[i] / total) * (v - m) * (v - m)));
  return { mean: m, sd: Math.sqrt(v2) };
}
