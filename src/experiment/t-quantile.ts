import { dexp, dlog } from '../core/detmath';

// Student's t quantile, computed deterministically.
//
// No dependency here offers an inverse t distribution, and a lookup table with interpolation is poor between
// small degrees of freedom (Welch's df is fractional, often 2–10, where t moves fast). So the
// quantile is found by bisection on the exact tail probability
//     P(T > t) = ½ · I_{ν/(ν+t²)}(ν/2, ½)
// where I is the regularised incomplete beta function, evaluated by its continued fraction
// (modified Lentz) with a Lanczos log-gamma. Only + - * /, Math.sqrt and the fdlibm ports in
// core/detmath are used, so a report built in a browser and one built by the CLI carry the same
// bits. Accuracy against scipy.stats.t.ppf: ~1e-15 relative for 0.5 ≤ ν ≤ 100, ~1e-14 at ν = 120,
// ~1e-10 at ν = 1e6 (log-gamma cancellation); see tests/experiment-stats.test.ts. Bisection runs
// until the bracket is two adjacent doubles.

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.91893853320467274178;

/** ln Γ(x) for x > 0 (Lanczos, g = 7; ~1e-15 relative for x ≥ 0.5). */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  // Γ(x) = Γ(x+1)/x keeps the Lanczos sum in its accurate range.
  if (x < 0.5) return logGamma(x + 1) - dlog(x);
  const z = x - 1;
  let a = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * dlog(t) - t + dlog(a);
}

const TINY = 1e-300;
const CF_EPS = 1e-16;
const CF_MAX_ITER = 200_000;

/** Continued fraction of I_x(a,b) (Numerical Recipes betacf, modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= CF_MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < CF_EPS) break;
  }
  return h;
}

/**
 * Regularised incomplete beta I_x(a, b), given x and y = 1 − x separately so that a tail near
 * x = 0 or x = 1 keeps its precision.
 */
export function incompleteBeta(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logFront = a * dlog(x) + b * dlog(y) - (logGamma(a) + logGamma(b) - logGamma(a + b));
  const front = dexp(logFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, y)) / b;
}

/** Upper tail P(T > t) of Student's t with ν degrees of freedom, for t ≥ 0. */
export function tUpperTail(t: number, df: number): number {
  const t2 = t * t;
  const denom = df + t2;
  return 0.5 * incompleteBeta(df / denom, t2 / denom, df / 2, 0.5);
}

/** Beyond this many degrees of freedom the quantile is taken at this value (t − z < 3e-7 here). */
export const MAX_DF = 1e7;

const memo = new Map<string, number>();

/**
 * The p-quantile of Student's t with `df` degrees of freedom (df > 0, fractional allowed; 0 < p
 * < 1). NaN for an undefined case (df ≤ 0 or NaN, p outside (0, 1)). Results are memoised:
 * an ensemble asks for the same (p, df) thousands of times.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
  if (p === 0.5) return 0;
  const nu = df > MAX_DF ? MAX_DF : df;
  const key = `${p}|${nu}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const tail = p > 0.5 ? 1 - p : p;
  let lo = 0;
  let hi = 1;
  while (tUpperTail(hi, nu) > tail) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) break;
  }
  // Bisection to adjacent doubles: slower than Newton, but its result depends on nothing but
  // the tail function, so it is the same on every platform.
  for (let k = 0; k < 2200; k++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (tUpperTail(mid, nu) > tail) lo = mid;
    else hi = mid;
  }
  const q = p > 0.5 ? hi : -hi;
  memo.set(key, q);
  return q;
}
