import xor128 from 'seedrandom/lib/xor128.js';
import { dcos, dlog } from '../core/detmath';

// Seeded streams for the calibration tools (Morris designs, bootstrap, ABC-SMC proposals).
// Each stream is named, so a draw depends only on (seed, name) — never on how work was split
// between threads or batches, or on what ran before a resume.

/** A named, seeded uniform stream (seedrandom's xor128, as the engine's streams). */
export class Stream {
  private readonly prng: () => number;

  constructor(seed: number, name: string) {
    this.prng = xor128(`${seed}/calibrate/${name}`, { state: true });
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.prng();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.prng() * n);
  }

  /** Standard normal deviate (Box–Muller on the deterministic log and cos). */
  normal(): number {
    const u = 1 - this.prng();
    const v = this.prng();
    return Math.sqrt(-2 * dlog(u)) * dcos(6.283185307179586 * v);
  }

  /** A uniformly random permutation of 0..n−1 (Fisher–Yates). */
  permutation(n: number): number[] {
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [p[i], p[j]] = [p[j], p[i]];
    }
    return p;
  }
}
