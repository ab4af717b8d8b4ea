import xor128 from 'seedrandom/lib/xor128.js';
import { describe, expect, it } from 'vitest';
import { runWalkKernel } from '../src/bench/walk-kernel';
import { DEG_TO_RAD, dcos, dsin } from '../src/core/detmath';

/**
 * The workload as its doc comment states it, written out plainly: agents updated in id order,
 * and every pair checked (O(n²)) with the torus minimum image. Returns the summed counts over
 * the 2 warm-up ticks plus `ticks`.
 */
function bruteForceChecksum(agents: number, ticks: number, seed: string): number {
  const side = Math.sqrt(agents / 4);
  const rng = xor128(seed, { state: true });
  const xs = new Float64Array(agents);
  const ys = new Float64Array(agents);
  const hs = new Float64Array(agents);
  for (let i = 0; i < agents; i++) {
    xs[i] = rng() * side;
    ys[i] = rng() * side;
    hs[i] = rng() * 2 * Math.PI;
  }
  const wrap = (v: number) => (v < 0 ? v + side : v >= side ? v - side : v);
  const image = (d: number) => (d > side / 2 ? d - side : d < -side / 2 ? d + side : d);
  const maxTurn = 15 * DEG_TO_RAD;
  let checksum = 0;
  for (let t = 0; t < 2 + ticks; t++) {
    for (let i = 0; i < agents; i++) {
      hs[i] += (rng() * 2 - 1) * maxTurn;
      xs[i] = wrap(xs[i] + 0.5 * dcos(hs[i]));
      ys[i] = wrap(ys[i] + 0.5 * dsin(hs[i]));
    }
    for (let i = 0; i < agents; i++) {
      for (let j = 0; j < agents; j++) {
        if (i === j) continue;
        const dx = image(xs[j] - xs[i]);
        const dy = image(ys[j] - ys[i]);
        if (dx * dx + dy * dy <= 1) checksum++;
      }
    }
  }
  return checksum;
}

describe('walk kernel', () => {
  for (const [agents, ticks] of [
    [64, 30], // the smallest torus the kernel accepts: 4 × 4 cells, every cell at a border
    [150, 12], // side √37.5: cells stretched to 1.02, wrap seams inside stretched cells
    [1000, 8],
  ] as const) {
    it(`${agents} agents, ${ticks} ticks: the checksum equals a brute-force recount of the same trajectory`, () => {
      const result = runWalkKernel(agents, ticks, `brute-${agents}`);
      const want = bruteForceChecksum(agents, ticks, `brute-${agents}`);
      expect(result.neighbourChecksum).toBe(want);
      // ~4π neighbours per agent per tick at density 4: the comparison is not vacuous
      expect(want / (agents * (ticks + 2))).toBeGreaterThan(8);
    });
  }

  it('gives the same checksum for the same seed, and a different one for another seed', () => {
    const a = runWalkKernel(2000, 5, 'same');
    const b = runWalkKernel(2000, 5, 'same');
    const c = runWalkKernel(2000, 5, 'other');
    expect(b.neighbourChecksum).toBe(a.neighbourChecksum);
    expect(c.neighbourChecksum).not.toBe(a.neighbourChecksum);
  });

  it('reports the peer-comparable shape: kernel, agents, timed ticks, ns per agent-tick, checksum', () => {
    const r = runWalkKernel(400, 3, 'shape');
    expect(Object.keys(r).sort()).toEqual(['agents', 'kernel', 'neighbourChecksum', 'nsPerAgentTick', 'ticks']);
    expect([r.kernel, r.agents, r.ticks]).toEqual(['walk', 400, 3]);
    expect(r.nsPerAgentTick).toBeGreaterThan(0);
    expect(Number.isInteger(r.neighbourChecksum)).toBe(true);
  });

  it('rejects a torus too small for its 3×3-cell neighbourhood, and non-integer sizes', () => {
    expect(() => runWalkKernel(63, 1, 's')).toThrow(/agents/);
    expect(() => runWalkKernel(1000.5, 1, 's')).toThrow(/agents/);
    expect(() => runWalkKernel(1000, 0, 's')).toThrow(/ticks/);
  });
});
