import type seedrandom from 'seedrandom';
import xor128 from 'seedrandom/lib/xor128.js';
import { dcos, dlog, dsin, dexp } from './detmath';

/** Saved state of one xor128 stream (four 32-bit words); plain data, safe to JSON-encode. */
export interface RngState {
  x: number;
  y: number;
  z: number;
  w: number;
}

const TWO_PI = 6.283185307179586;

/**
 * One seeded random stream. Every module owns exactly one, derived from (run seed, module id),
 * so adding a module never shifts another module's draws, and an experiment arm with seed s
 * sees the same streams as the baseline with seed s (common random numbers).
 */
export class RngStream {
  /** The stream's name, `<seed>/<streamId>`; it is the seedrandom seed string. */
  readonly key: string;
  private prng: seedrandom.StatefulPRNG<seedrandom.State.Xor128>;

  constructor(seed: number, streamId: string, state?: RngState) {
    this.key = `${seed}/${streamId}`;
    this.prng = state
      ? xor128('', { state: { ...state } })
      : xor128(this.key, { state: true });
  }

  /** Uniform draw in [0, 1) with 32 random bits. */
  uniform(): number {
    return this.prng();
  }

  /** Uniform draw in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.prng();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.prng() * n);
  }

  /** True with probability p (p ≤ 0 never, p ≥ 1 always). */
  chance(p: number): boolean {
    return this.prng() < p;
  }

  /** Standard normal deviate (Box–Muller on deterministic maths; one value per call). */
  normal(): number {
    const u = 1 - this.prng(); // (0, 1]: log never sees 0
    const v = this.prng();
    return Math.sqrt(-2 * dlog(u)) * dcos(TWO_PI * v);
  }

  /** A uniformly random direction as [cos, sin] written into out; returns out. */
  direction(out: Float64Array): Float64Array {
    const a = TWO_PI * this.prng();
    out[0] = dcos(a);
    out[1] = dsin(a);
    return out;
  }

  /**
   * Poisson count with mean `mean` (Knuth for small means, normal approximation above 30,
   * which is plenty for release counts of agents).
   */
  poisson(mean: number): number {
    return this.poissonWithLimit(mean, poissonLimit(mean));
  }

  /**
   * The same draw as poisson(mean), given poissonLimit(mean): for a caller drawing many counts
   * with one mean, which then computes the deterministic exp once instead of once per draw.
   */
  poissonWithLimit(mean: number, limit: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) {
      const k = Math.round(mean + Math.sqrt(mean) * this.normal());
      return k < 0 ? 0 : k;
    }
    let k = 0;
    let p = this.prng();
    while (p > limit) {
      k++;
      p *= this.prng();
    }
    return k;
  }

  /** Current state, for snapshots. */
  state(): RngState {
    const s = this.prng.state();
    return { x: s.x, y: s.y, z: s.z, w: s.w };
  }
}

/** exp(−mean), the bound RngStream.poisson draws against for a mean in (0, 30]; 0 otherwise (unused). */
export function poissonLimit(mean: number): number {
  return mean > 0 && mean <= 30 ? dexp(-mean) : 0;
}

/** The set of streams of one run, one per module id, created on first use. */
export class RngStreams {
  /** Run seed (an integer; 0 is a valid seed and is never replaced). */
  readonly seed: number;
  private streams = new Map<string, RngStream>();

  constructor(seed: number, saved?: Record<string, RngState>) {
    this.seed = seed;
    if (saved) {
      for (const id of Object.keys(saved).sort()) this.streams.set(id, new RngStream(seed, id, saved[id]));
    }
  }

  /** The stream for `streamId` (created deterministically from seed and id). */
  get(streamId: string): RngStream {
    let s = this.streams.get(streamId);
    if (!s) {
      s = new RngStream(this.seed, streamId);
      this.streams.set(streamId, s);
    }
    return s;
  }

  /** Every stream's state, keyed by id in sorted order. */
  states(): Record<string, RngState> {
    const out: Record<string, RngState> = {};
    for (const id of [...this.streams.keys()].sort()) out[id] = this.streams.get(id)!.state();
    return out;
  }
}
