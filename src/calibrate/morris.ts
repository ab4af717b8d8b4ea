import { normalQuantile } from './normal-quantile';
import { Stream } from './random';

// Morris elementary effects, as SALib does them: SALib.sample.morris.sample without optimal
// trajectories (Morris 1991) and SALib.analyze.morris.analyze (mu, mu_star, sigma with
// ddof = 1, and mu_star_conf from a bootstrap of the effects; Campolongo et al. 2007). Designs
// live in the unit cube; param-space.ts maps them onto parameter ranges.

/** The step of a p-level grid: Δ = p / (2(p − 1)). */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/** A Morris design in the unit cube: `trajectories` blocks of k + 1 rows, k columns. */
export interface MorrisDesign {
  /** Number of factors k. */
  factors: number;
  trajectories: number;
  levels: number;
  delta: number;
  /** Rows in order: trajectory-major, k + 1 rows each. */
  rows: number[][];
}

/**
 * SALib's trajectory B* = x* + Δ/2·[(2·B·P*ᵀ − J)·D* + J]: a base point x* drawn from the grid
 * {0, 1/(p−1), …, 1 − Δ}, a random sign d_j per factor and a random order; row 0 puts factor j
 * at x*_j (d_j = +1) or x*_j + Δ (d_j = −1), and row m + 1 moves the m-th factor of the order
 * by d_j·Δ. Each trajectory draws from its own stream, (seed, trajectory index).
 */
export function morrisSample(factors: number, trajectories: number, levels: number, seed: number): MorrisDesign {
  if (!(Number.isInteger(levels) && levels >= 2)) throw new RangeError(`Morris levels must be an integer ≥ 2, got ${levels}`);
  if (!(Number.isInteger(factors) && factors >= 1)) throw new RangeError(`Morris needs at least one factor, got ${factors}`);
  if (!(Number.isInteger(trajectories) && trajectories >= 2)) throw new RangeError(`Morris needs at least 2 trajectories, got ${trajectories}`);
  const delta = morrisDelta(levels);
  const half = Math.floor(levels / 2);
  // numpy.linspace(0, 1 − Δ, p/2)
  const grid = Array.from({ length: half }, (_, i) => (half === 1 ? 0 : (i * (1 - delta)) / (half - 1)));
  const rows: number[][] = [];
  for (let t = 0; t < trajectories; t++) {
    const s = new Stream(seed, `morris/trajectory/${t}`);
    const order = s.permutation(factors);
    const sign = Array.from({ length: factors }, () => (s.uniform() < 0.5 ? -1 : 1));
    const base = Array.from({ length: factors }, () => grid[s.int(grid.length)]);
    const x = base.map((b, j) => (sign[j] > 0 ? b : b + delta));
    rows.push([...x]);
    for (const j of order) {
      x[j] = sign[j] > 0 ? base[j] + delta : base[j];
      rows.push([...x]);
    }
  }
  return { factors, trajectories, levels, delta, rows };
}

/**
 * Elementary effects, k factors × r trajectories: for each step of a trajectory, the factor that
 * changed gets (y at its higher value − y at its lower value) / Δ, Δ on the unit scale, as in
 * SALib's _compute_elementary_effects (which looks only at the sign of each change).
 */
export function elementaryEffects(rows: readonly (readonly number[])[], y: readonly number[], delta: number): number[][] {
  const k = rows[0]?.length ?? 0;
  const size = k + 1;
  if (rows.length !== y.length) throw new Error(`elementaryEffects: ${rows.length} rows but ${y.length} outputs`);
  if (rows.length % size !== 0) throw new Error(`elementaryEffects: ${rows.length} rows is not a whole number of trajectories of ${size}`);
  const r = rows.length / size;
  const ee = Array.from({ length: k }, () => new Array<number>(r).fill(0));
  for (let t = 0; t < r; t++) {
    for (let s = 0; s < k; s++) {
      const a = rows[t * size + s];
      const b = rows[t * size + s + 1];
      for (let j = 0; j < k; j++) {
        const d = b[j] - a[j];
        if (d > 0) ee[j][t] += (y[t * size + s + 1] - y[t * size + s]) / delta;
        else if (d < 0) ee[j][t] += (y[t * size + s] - y[t * size + s + 1]) / delta;
      }
    }
  }
  return ee;
}

/** Morris indices of one factor for one output. */
export interface MorrisIndices {
  mu: number;
  muStar: number;
  sigma: number;
  /** Half-width of the bootstrap interval of mu_star: z(0.5 + conf/2) · sd of resampled mu_star. */
  muStarConf: number;
}

/** How mu_star_conf is estimated. */
export interface MorrisAnalyzeOptions {
  /** Bootstrap resamples (SALib's default: 100). */
  numResamples?: number;
  /** Confidence level (default 0.95). */
  confLevel?: number;
  /** Seed of the bootstrap streams. */
  seed: number;
  /** Names the bootstrap stream (e.g. the output's name), so each output resamples on its own. */
  stream?: string;
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Sample standard deviation (ddof = 1); NaN for fewer than two values. */
export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) * (x - m);
  return Math.sqrt(s / (xs.length - 1));
}

/** mu, mu_star, sigma and mu_star_conf per factor from its elementary effects (SALib's analyze). */
export function morrisAnalyze(ee: readonly (readonly number[])[], opts: MorrisAnalyzeOptions): MorrisIndices[] {
  const resamples = opts.numResamples ?? 100;
  const conf = opts.confLevel ?? 0.95;
  if (!(conf > 0 && conf < 1)) throw new RangeError(`confidence level must be between 0 and 1, got ${conf}`);
  const z = normalQuantile(0.5 + conf / 2);
  return ee.map((e, j) => {
    const abs = e.map(Math.abs);
    const s = new Stream(opts.seed, `morris/bootstrap/${opts.stream ?? ''}/${j}`);
    const boot: number[] = [];
    for (let b = 0; b < resamples; b++) {
      let sum = 0;
      for (let i = 0; i < e.length; i++) sum += abs[s.int(e.length)];
      boot.push(sum / e.length);
    }
    return { mu: mean(e), muStar: mean(abs), sigma: sampleSd(e), muStarConf: z * sampleSd(boot) };
  });
}
