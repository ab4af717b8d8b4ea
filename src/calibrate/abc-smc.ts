import { dexp, dlog } from '../core/detmath';
import { cholesky, weightedCovariance } from './linalg';
import { quantile } from './quantile';
import { Stream } from './random';

// ABC-SMC (Toni et al. 2009, J R Soc Interface 6:187) with Beaumont et al.'s (2009,
// Biometrika 96:983) importance weights, on the unit cube (each parameter's range mapped to
// [0, 1], log-scaled ranges in log space; a uniform prior there). Generation 0 samples the
// prior and accepts everything; generation t accepts distances ≤ ε_t, a quantile of generation
// t − 1's distances. Proposals perturb a particle drawn by weight with a Gaussian kernel of
// twice the weighted covariance. Proposal k of generation t draws only from its own stream
// (seed, t, k) and acceptance goes in proposal order, so the result does not depend on how
// proposals are batched, on the worker count, or on a resume.

/** Settings of a run. */
export interface AbcOptions {
  /** Parameters (dimensions of the unit cube). */
  dims: number;
  /** Accepted particles per generation. */
  particles: number;
  /** Generations, counting the prior generation 0. */
  generations: number;
  /** Quantile of the previous generation's distances that becomes ε (0.5: the median). */
  quantile: number;
  seed: number;
  /** Fewest proposals evaluated at once (more when the acceptance rate asks; never changes results). */
  minBatch?: number;
  /** Proposals in one generation after which the run stops (acceptance too low). */
  maxProposals?: number;
}

/** One accepted particle. */
export interface Particle {
  /** Proposal index within its generation. */
  index: number;
  /** Position in the unit cube. */
  u: number[];
  /** Normalised importance weight. */
  weight: number;
  distance: number;
}

/** A completed generation. */
export interface Generation {
  t: number;
  /** Acceptance threshold (Infinity for generation 0). */
  epsilon: number;
  particles: Particle[];
  /** Proposals evaluated up to the N-th acceptance. */
  proposals: number;
  /** Effective sample size 1 / Σ w². */
  ess: number;
}

/** A point to evaluate. */
export interface Proposal {
  t: number;
  index: number;
  u: number[];
}

/** Evaluates proposals (in any order internally) and returns their distances in input order. */
export type Evaluate = (batch: readonly Proposal[]) => Promise<number[]>;

/** What a run produced. */
export interface AbcResult {
  generations: Generation[];
  /** Why it stopped early, or null. */
  stopped: string | null;
}

/** The Gaussian kernel built from a generation: its particles, weights and Cholesky factor. */
interface Kernel {
  prev: Generation;
  chol: number[][];
  cumulative: number[];
}

function kernelOf(prev: Generation): Kernel {
  const cov = weightedCovariance(prev.particles.map((p) => p.u), prev.particles.map((p) => p.weight)).map((row) => row.map((v) => 2 * v));
  let cumulative = 0;
  return { prev, chol: cholesky(cov), cumulative: prev.particles.map((p) => (cumulative += p.weight)) };
}

/** The proposal of generation t with index k (t = 0: from the prior). */
export function propose(t: number, k: number, dims: number, seed: number, kernel: Kernel | null): Proposal {
  const s = new Stream(seed, `abc/g${t}/p${k}`);
  if (!kernel) return { t, index: k, u: Array.from({ length: dims }, () => s.uniform()) };
  for (let attempt = 0; attempt < 100_000; attempt++) {
    const r = s.uniform() * kernel.cumulative[kernel.cumulative.length - 1];
    let j = kernel.cumulative.findIndex((c) => c > r);
    if (j < 0) j = kernel.cumulative.length - 1;
    const n = Array.from({ length: dims }, () => s.normal());
    const base = kernel.prev.particles[j].u;
    const u = base.map((b, i) => {
      let z = 0;
      for (let m = 0; m <= i; m++) z += kernel.chol[i][m] * n[m];
      return b + z;
    });
    if (u.every((x) => x >= 0 && x <= 1)) return { t, index: k, u };
  }
  throw new Error(`ABC-SMC: proposal ${k} of generation ${t} found no point inside the prior's support in 100,000 tries`);
}

/** log Σ_j w_j K(u | u_j): the mixture density of the kernel at u, up to a constant. */
function logMixture(u: readonly number[], kernel: Kernel): number {
  const terms = kernel.prev.particles.map((p) => {
    // Solve L y = u − u_j by forward substitution; the exponent is −|y|²/2.
    const y: number[] = [];
    let q = 0;
    for (let i = 0; i < u.length; i++) {
      let v = u[i] - p.u[i];
      for (let m = 0; m < i; m++) v -= kernel.chol[i][m] * y[m];
      y.push(v / kernel.chol[i][i]);
      q += y[i] * y[i];
    }
    return dlog(p.weight) - q / 2;
  });
  const max = Math.max(...terms);
  return max + dlog(terms.reduce((s, a) => s + dexp(a - max), 0));
}

/** Normalised weights from log weights (stable for very small values). */
function normalise(logW: readonly number[]): number[] {
  const max = Math.max(...logW);
  const w = logW.map((x) => dexp(x - max));
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

/** Where a run starts and what it reports as it goes. */
export interface AbcHooks {
  /** Completed generations to continue from (a resumed run). */
  resume?: Generation[];
  /** Called with each completed generation (e.g. to save it). */
  onGeneration?: (g: Generation) => void | Promise<void>;
  /** Called before each batch is evaluated, with the generation's progress so far. */
  onBatch?: (info: { t: number; epsilon: number; accepted: number; proposed: number }) => void;
}

/**
 * The next tolerance: the quantile of the previous generation's distances, or, when that does
 * not fall below the previous tolerance (a mass of particles tied at one distance — typically
 * parameter sets where nothing happens at all, which every target scores the same), the quantile
 * of the distances strictly below it, so every generation asks for more than the last.
 */
export function nextEpsilon(prev: Generation, q: number): number {
  const distances = prev.particles.map((p) => p.distance);
  const eps = quantile(distances, q);
  // Generation 0's tolerance is Infinity (null once read back from its JSON file).
  const last = typeof prev.epsilon === 'number' ? prev.epsilon : Infinity;
  if (!(eps >= last)) return eps;
  const below = distances.filter((d) => d < last);
  return below.length > 0 ? quantile(below, q) : eps;
}

/** Runs ABC-SMC from `resume` (completed generations, possibly none) to `generations`. */
export async function abcSmc(opts: AbcOptions, evaluate: Evaluate, hooks: AbcHooks = {}): Promise<AbcResult> {
  const n = opts.particles;
  const gens: Generation[] = [...(hooks.resume ?? [])];
  const maxProposals = opts.maxProposals ?? 100 * n;
  for (let t = gens.length; t < opts.generations; t++) {
    const prev = t > 0 ? gens[t - 1] : null;
    const epsilon = prev ? nextEpsilon(prev, opts.quantile) : Infinity;
    const kernel = prev ? kernelOf(prev) : null;
    const accepted: { p: Proposal; d: number }[] = [];
    let next = 0;
    // The expected acceptance rate sizes batches (fewer wasted evaluations); it never changes results.
    let rate = prev ? Math.max(0.05, Math.min(1, opts.quantile)) : 1;
    while (accepted.length < n) {
      if (next >= maxProposals) return { generations: gens, stopped: `generation ${t}: ${next} proposals gave ${accepted.length} of ${n} particles below ε = ${epsilon}; acceptance too low to continue` };
      const want = Math.ceil(((n - accepted.length) / rate) * 1.1);
      // At most one generation's worth of particles per batch (or minBatch): memory stays bounded
      // when acceptance is low, and a long batch still reports progress.
      const size = Math.min(maxProposals - next, Math.max(opts.minBatch ?? 1, Math.min(n, want)));
      const batch = Array.from({ length: size }, (_, i) => propose(t, next + i, opts.dims, opts.seed, kernel));
      hooks.onBatch?.({ t, epsilon, accepted: accepted.length, proposed: next });
      const distances = await evaluate(batch);
      // Acceptance in proposal order: `next` counts the proposals consumed, up to the N-th accepted.
      for (let i = 0; i < batch.length && accepted.length < n; i++) {
        if (distances[i] <= epsilon) accepted.push({ p: batch[i], d: distances[i] });
        next = batch[i].index + 1;
      }
      rate = Math.max(0.01, accepted.length / next);
    }
    const logW = kernel ? accepted.map((a) => -logMixture(a.p.u, kernel)) : accepted.map(() => 0);
    const w = normalise(logW);
    const gen: Generation = {
      t, epsilon, proposals: next, ess: 1 / w.reduce((s, x) => s + x * x, 0),
      particles: accepted.map((a, i) => ({ index: a.p.index, u: a.p.u, weight: w[i], distance: a.d })),
    };
    gens.push(gen);
    await hooks.onGeneration?.(gen);
  }
  return { generations: gens, stopped: null };
}
