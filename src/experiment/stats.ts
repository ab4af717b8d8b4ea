import { tQuantile } from './t-quantile';

// Descriptive statistics and effect sizes of an ensemble, with t-quantile.ts for the critical
// values. Every function is pure and order-deterministic (sums run in the order the caller
// passes values, seed order), so a report is the same bytes however the runs were scheduled. Undefined quantities (an sd from one value, a CI from a zero standard error with
// no degrees of freedom) are null, which is also what JSON can carry.

/** Confidence level of every interval in the experiment outputs. */
export const CONFIDENCE = 0.95;

/** A closed interval [low, high]; null when it is undefined (too few values). */
export type Interval = [number, number] | null;

/** Mean, sample sd and t-based confidence interval of the mean of one sample. */
export interface Describe {
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1 denominator); null for n < 2. */
  sd: number | null;
  ci: Interval;
}

/** Difference of two independent means with Welch's unequal-variance CI. */
export interface WelchDiff {
  /** mean(a) − mean(b). */
  diff: number | null;
  /** Standard error of the difference. */
  se: number | null;
  /** Welch–Satterthwaite degrees of freedom (null when both variances are 0). */
  df: number | null;
  ci: Interval;
}

/** Mean of paired differences a[i] − b[i] with a paired-t CI. */
export interface PairedDiff {
  n: number;
  mean: number | null;
  sd: number | null;
  df: number | null;
  ci: Interval;
}

const t975 = (df: number): number => tQuantile(1 - (1 - CONFIDENCE) / 2, df);

/** Arithmetic mean (left-to-right sum over the count); only for a non-empty sample. */
function mean(xs: readonly number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Sample standard deviation (n − 1 denominator) around the mean; only for n ≥ 2. */
function sampleSd(xs: readonly number[]): number {
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) * (x - m);
  return Math.sqrt(ss / (xs.length - 1));
}

/** Mean, sd and 95% CI of the mean (mean ± t(0.975, n−1)·sd/√n). */
export function describe(xs: readonly number[]): Describe {
  const n = xs.length;
  if (n === 0) return { n, mean: null, sd: null, ci: null };
  const m = mean(xs);
  if (n < 2) return { n, mean: m, sd: null, ci: null };
  const sd = sampleSd(xs);
  const half = t975(n - 1) * (sd / Math.sqrt(n));
  return { n, mean: m, sd, ci: [m - half, m + half] };
}

/**
 * Welch's difference in means, a − b: se = √(sa²/na + sb²/nb), df by Welch–Satterthwaite,
 * CI = diff ± t(0.975, df)·se. When both samples are constant the difference is exact and the
 * CI collapses to it.
 */
export function welch(a: readonly number[], b: readonly number[]): WelchDiff {
  if (a.length < 2 || b.length < 2) {
    const diff = a.length && b.length ? mean(a) - mean(b) : null;
    return { diff, se: null, df: null, ci: null };
  }
  // x*x rather than x ** 2: ** may round differently across JS engines (DESIGN §7).
  const sa = sampleSd(a);
  const sb = sampleSd(b);
  const va = (sa * sa) / a.length;
  const vb = (sb * sb) / b.length;
  const diff = mean(a) - mean(b);
  const se2 = va + vb;
  if (se2 === 0) return { diff, se: 0, df: null, ci: [diff, diff] };
  const df = (se2 * se2) / ((va * va) / (a.length - 1) + (vb * vb) / (b.length - 1));
  const se = Math.sqrt(se2);
  const half = t975(df) * se;
  return { diff, se, df, ci: [diff - half, diff + half] };
}

/**
 * Paired difference a[i] − b[i] (same seed in both arms, so common random numbers cancel
 * shared noise): mean ± t(0.975, n−1)·sd/√n. A zero sd (an arm identical to its baseline)
 * gives the exact CI [mean, mean].
 */
export function paired(a: readonly number[], b: readonly number[]): PairedDiff {
  if (a.length !== b.length) throw new Error(`paired samples differ in length: ${a.length} vs ${b.length}`);
  const d = a.map((x, i) => x - b[i]);
  const s = describe(d);
  if (s.n < 2) return { n: s.n, mean: s.mean, sd: null, df: null, ci: null };
  const ci: Interval = s.sd === 0 ? [s.mean!, s.mean!] : s.ci;
  return { n: s.n, mean: s.mean, sd: s.sd, df: s.n - 1, ci };
}

/** Whether an interval lies wholly on one side of zero (the effect's sign is resolved). */
export function excludesZero(ci: Interval): boolean {
  return ci !== null && (ci[0] > 0 || ci[1] < 0);
}
