import { describe, expect, it } from 'vitest';
import { abcSmc, type Evaluate, type Generation, type Proposal } from '../src/calibrate/abc-smc';
import { cholesky, weightedCovariance } from '../src/calibrate/linalg';
import { weightedMoments, weightedQuantile, quantile } from '../src/calibrate/quantile';
import { Stream } from '../src/calibrate/random';

// A simulator with a known posterior: y₁…y₂₀ ~ N(θ, 1), θ uniform on [−5, 5], observed mean
// 1.3. With ε → 0 the posterior of θ is N(1.3, 1/20) (sd 0.224), truncated far out in the
// tails; ABC with a tolerance ε on |ȳ − 1.3| adds about ε²/3 to the variance.
const LO = -5;
const HI = 5;
const OBS = 1.3;
const N_OBS = 20;
const theta = (u: number) => LO + u * (HI - LO);

function toySimulator(calls: { n: number }): Evaluate {
  return async (batch: readonly Proposal[]) => batch.map((p) => {
    calls.n++;
    const s = new Stream(99, `toy/${p.t}/${p.index}`);
    let sum = 0;
    for (let i = 0; i < N_OBS; i++) sum += theta(p.u[0]) + s.normal();
    return Math.abs(sum / N_OBS - OBS);
  });
}

const posterior = (g: Generation) => weightedMoments(g.particles.map((p) => theta(p.u[0])), g.particles.map((p) => p.weight));

describe('ABC-SMC on a Gaussian mean with a known posterior', () => {
  it('recovers the posterior mean and sd of θ', async () => {
    const r = await abcSmc({ dims: 1, particles: 400, generations: 9, quantile: 0.5, seed: 3 }, toySimulator({ n: 0 }));
    expect(r.stopped).toBeNull();
    const last = r.generations[8];
    const { mean, sd } = posterior(last);
    expect(Math.abs(mean - OBS)).toBeLessThan(0.06);
    const expectedSd = Math.sqrt(1 / N_OBS + (last.epsilon * last.epsilon) / 3);
    expect(sd / expectedSd).toBeGreaterThan(0.8);
    expect(sd / expectedSd).toBeLessThan(1.2);
    // the prior sd is 10/√12 ≈ 2.9: the posterior is an order of magnitude narrower
    expect(sd).toBeLessThan(0.3);
    expect(last.epsilon).toBeLessThan(0.1);
  }, 60_000);

  it('shrinks ε from generation to generation as the median of the last distances', async () => {
    const r = await abcSmc({ dims: 1, particles: 100, generations: 5, quantile: 0.5, seed: 1 }, toySimulator({ n: 0 }));
    const g = r.generations;
    expect(g[0].epsilon).toBe(Infinity);
    expect(g[0].proposals).toBe(100);
    for (let t = 1; t < g.length; t++) {
      expect(g[t].epsilon).toBe(quantile(g[t - 1].particles.map((p) => p.distance), 0.5));
      expect(g[t].epsilon).toBeLessThan(g[t - 1].epsilon);
      expect(Math.max(...g[t].particles.map((p) => p.distance))).toBeLessThanOrEqual(g[t].epsilon);
      expect(g[t].particles.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 12);
      expect(g[t].ess).toBeGreaterThan(10);
      expect(g[t].ess).toBeLessThanOrEqual(100 + 1e-9);
    }
  });

  it('keeps shrinking ε past a plateau of tied distances (parameter sets where nothing happens)', async () => {
    // Most of the prior does nothing at all and every such point scores the same distance, 1.
    const plateau: Evaluate = async (batch) => batch.map((p) => (p.u[0] < 0.85 ? 1 : Math.abs(p.u[0] - 0.9)));
    const r = await abcSmc({ dims: 1, particles: 100, generations: 4, quantile: 0.3, seed: 2 }, plateau);
    const g = r.generations;
    // The 30% quantile of generation 0 is the plateau itself, so generation 1 takes ε = 1 …
    expect(g[1].epsilon).toBe(1);
    // … and from then on ε falls below it rather than staying there (the plateau is left behind).
    expect(g[2].epsilon).toBeLessThan(1);
    expect(g[3].epsilon).toBeLessThan(g[2].epsilon);
    expect(Math.max(...g[3].particles.map((p) => p.distance))).toBeLessThan(1);
  });

  it('gives the same particles whatever the batch size, and evaluates fewer proposals with adaptive batches', async () => {
    const a = { n: 0 };
    const b = { n: 0 };
    const r1 = await abcSmc({ dims: 1, particles: 50, generations: 4, quantile: 0.5, seed: 7, minBatch: 1 }, toySimulator(a));
    const r2 = await abcSmc({ dims: 1, particles: 50, generations: 4, quantile: 0.5, seed: 7, minBatch: 64 }, toySimulator(b));
    expect(r2.generations).toEqual(r1.generations);
    expect(b.n).toBeGreaterThanOrEqual(a.n);
  });

  it('resumes from completed generations to the same result, evaluating only what is left', async () => {
    const full = await abcSmc({ dims: 2, particles: 40, generations: 4, quantile: 0.5, seed: 5 }, toySimulator({ n: 0 }));
    const calls = { n: 0 };
    const resumed = await abcSmc({ dims: 2, particles: 40, generations: 4, quantile: 0.5, seed: 5 }, toySimulator(calls), { resume: full.generations.slice(0, 2) });
    expect(resumed.generations).toEqual(full.generations);
    const left = full.generations.slice(2).reduce((s, g) => s + g.proposals, 0);
    expect(calls.n).toBeGreaterThanOrEqual(left);
    expect(calls.n).toBeLessThan(left + 2 * 40 * 2);
  });

  it('stops with a reason when acceptance falls below what the budget allows', async () => {
    // a distance that never goes below the first median for half the space
    const evaluate: Evaluate = async (batch) => batch.map((p) => (p.t === 0 ? p.index % 2 : 1));
    const r = await abcSmc({ dims: 1, particles: 10, generations: 3, quantile: 0.5, seed: 1, maxProposals: 200 }, evaluate);
    expect(r.generations.length).toBe(1);
    expect(r.stopped).toMatch(/generation 1: 200 proposals gave 0 of 10 particles/);
  });
});

describe('weights and kernel', () => {
  it('computes a weighted covariance and its Cholesky factor', () => {
    const pts = [[0, 0], [1, 2], [2, 1], [3, 3]];
    const w = [0.1, 0.2, 0.3, 0.4];
    const c = weightedCovariance(pts, w);
    // means: x 2.0, y 1.9
    expect(c[0][0]).toBeCloseTo(0.1 * 4 + 0.2 * 1 + 0 + 0.4 * 1, 12);
    expect(c[0][1]).toBeCloseTo(0.1 * 2 * 1.9 + 0.2 * -1 * 0.1 + 0 + 0.4 * 1 * 1.1, 12);
    const l = cholesky(c);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(l[i][0] * l[j][0] + l[i][1] * l[j][1]).toBeCloseTo(c[i][j], 12);
  });

  it('factors a singular covariance with a tiny ridge', () => {
    const l = cholesky([[1, 1], [1, 1]]);
    expect(l[0][0]).toBeCloseTo(1, 10);
    expect(l[1][1]).toBeGreaterThan(0);
    expect(l[1][1]).toBeLessThan(1e-4);
  });

  it('takes weighted quantiles as the inverse of the weighted distribution', () => {
    expect(weightedQuantile([3, 1, 2], [0.2, 0.5, 0.3], 0.5)).toBe(1);
    expect(weightedQuantile([3, 1, 2], [0.2, 0.5, 0.3], 0.6)).toBe(2);
    expect(weightedQuantile([3, 1, 2], [0.2, 0.5, 0.3], 0.9)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });
});
