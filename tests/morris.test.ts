import { describe, expect, it } from 'vitest';
import { elementaryEffects, morrisAnalyze, morrisDelta, morrisSample, sampleSd } from '../src/calibrate/morris';
import { normalQuantile } from '../src/calibrate/normal-quantile';

// The anchor is SALib (github.com/SALib/SALib): its tests/test_analyze_morris.py checks the
// analysis against Saltelli et al. (2008), Global Sensitivity Analysis: The Primer, exercises 4
// and 5. The fixtures below are those tests' inputs and expected numbers.

/** Exercise 4 (p. 138): 2 factors, 6 trajectories of 3 points, 4 levels. */
const EX4_X = [
  [0, 1 / 3], [0, 1], [2 / 3, 1],
  [0, 1 / 3], [2 / 3, 1 / 3], [2 / 3, 1],
  [2 / 3, 0], [2 / 3, 2 / 3], [0, 2 / 3],
  [1 / 3, 1], [1, 1], [1, 1 / 3],
  [1 / 3, 1], [1 / 3, 1 / 3], [1, 1 / 3],
  [1 / 3, 2 / 3], [1 / 3, 0], [1, 0],
];
const EX4_Y = [0.97, 0.71, 2.39, 0.97, 2.30, 2.39, 1.87, 2.40, 0.87, 2.15, 1.71, 1.54, 2.15, 2.17, 1.54, 2.20, 1.87, 1.0];

/** Exercise 5 (pp. 140–145), trajectory t1 of table 3.10: 15 factors, one trajectory of 16 points. */
const EX5_X = [
  [1.64, -1.64, -1.64, 0.39, -0.39, 0.39, -1.64, -1.64, -0.39, -0.39, 1.64, 1.64, -0.39, 0.39, 1.64],
  [1.64, -1.64, -1.64, 0.39, -0.39, -1.64, -1.64, -1.64, -0.39, -0.39, 1.64, 1.64, -0.39, 0.39, 1.64],
  [1.64, -1.64, -1.64, 0.39, -0.39, -1.64, -1.64, -1.64, 1.64, -0.39, 1.64, 1.64, -0.39, 0.39, 1.64],
  [1.64, -1.64, -1.64, 0.39, -0.39, -1.64, -1.64, 0.39, 1.64, -0.39, 1.64, 1.64, -0.39, 0.39, 1.64],
  [1.64, -1.64, -1.64, -1.64, -0.39, -1.64, -1.64, 0.39, 1.64, -0.39, 1.64, 1.64, -0.39, 0.39, 1.64],
  [1.64, -1.64, -1.64, -1.64, -0.39, -1.64, -1.64, 0.39, 1.64, -0.39, 1.64, -0.39, -0.39, 0.39, 1.64],
  [1.64, -1.64, -1.64, -1.64, -0.39, -1.64, -1.64, 0.39, 1.64, -0.39, 1.64, -0.39, -0.39, -1.64, 1.64],
  [1.64, 0.39, -1.64, -1.64, -0.39, -1.64, -1.64, 0.39, 1.64, -0.39, 1.64, -0.39, -0.39, -1.64, 1.64],
  [1.64, 0.39, -1.64, -1.64, -0.39, -1.64, -1.64, 0.39, 1.64, -0.39, 1.64, -0.39, -0.39, -1.64, -0.39],
  [1.64, 0.39, -1.64, -1.64, -0.39, -1.64, -1.64, 0.39, 1.64, 1.64, 1.64, -0.39, -0.39, -1.64, -0.39],
  [1.64, 0.39, -1.64, -1.64, 1.64, -1.64, -1.64, 0.39, 1.64, 1.64, 1.64, -0.39, -0.39, -1.64, -0.39],
  [1.64, 0.39, -1.64, -1.64, 1.64, -1.64, -1.64, 0.39, 1.64, 1.64, -0.39, -0.39, -0.39, -1.64, -0.39],
  [1.64, 0.39, -1.64, -1.64, 1.64, -1.64, 0.39, 0.39, 1.64, 1.64, -0.39, -0.39, -0.39, -1.64, -0.39],
  [1.64, 0.39, 0.39, -1.64, 1.64, -1.64, 0.39, 0.39, 1.64, 1.64, -0.39, -0.39, -0.39, -1.64, -0.39],
  [-0.39, 0.39, 0.39, -1.64, 1.64, -1.64, 0.39, 0.39, 1.64, 1.64, -0.39, -0.39, -0.39, -1.64, -0.39],
  [-0.39, 0.39, 0.39, -1.64, 1.64, -1.64, 0.39, 0.39, 1.64, 1.64, -0.39, -0.39, 1.64, -1.64, -0.39],
];
const EX5_Y = [24.9, 22.72, 21.04, 16.01, 10.4, 10.04, 8.6, 13.39, 4.69, 8.02, 9.98, 3.75, 1.33, 2.59, 6.37, 9.99];

describe('Morris analysis matches SALib', () => {
  it('gives SALib\'s elementary effects for exercise 5 (table 3.12, column t1)', () => {
    const ee = elementaryEffects(EX5_X, EX5_Y, 2 / 3).map((row) => row[0]);
    const desired = [-5.67, 7.18, 1.89, 8.42, 2.93, 3.28, -3.62, -7.55, -2.51, 5.0, 9.34, 0.54, 5.43, 2.15, 13.05];
    ee.forEach((v, j) => expect(Math.abs(v - desired[j])).toBeLessThan(0.1));
  });

  it('gives SALib\'s mu, mu_star and sigma for exercise 4', () => {
    const ee = elementaryEffects(EX4_X, EX4_Y, morrisDelta(4));
    // SALib's test_compute_elementary_effects_small (atol 1 there; here within the book's rounding)
    const expected = [[2.52, 2.01, 2.30, -0.66, -0.93, -1.30], [-0.39, 0.13, 0.80, 0.25, -0.02, 0.51]];
    ee.forEach((row, j) => row.forEach((v, t) => expect(Math.abs(v - expected[j][t])).toBeLessThan(0.05)));
    const si = morrisAnalyze(ee, { seed: 1, numResamples: 1000 });
    // SALib test_analysis_of_morris_results: mu rtol 1e-1, mu_star and sigma rtol 1e-2
    expect(Math.abs(si[0].mu / 0.66 - 1)).toBeLessThan(1e-1);
    expect(Math.abs(si[1].mu / 0.21 - 1)).toBeLessThan(1e-1);
    expect(Math.abs(si[0].muStar / 1.62 - 1)).toBeLessThan(1e-2);
    expect(Math.abs(si[1].muStar / 0.35 - 1)).toBeLessThan(1e-2);
    expect(Math.abs(si[0].sigma / 1.79 - 1)).toBeLessThan(1e-2);
    expect(Math.abs(si[1].sigma / 0.41 - 1)).toBeLessThan(1e-2);
  });

  it('scales the bootstrap sd of mu_star by the normal quantile, as SALib (≈ 0.5 for its fixture)', () => {
    const ee = [[2.52, 2.01, 2.30, 0.66, 0.93, 1.3]];
    const [si] = morrisAnalyze(ee, { seed: 7, numResamples: 1000 });
    expect(Math.abs(si.muStarConf - 0.5)).toBeLessThan(0.1);
    // the exact bootstrap bound: z·sd(|e|, ddof 0)/√n is what resampling estimates
    const abs = ee[0];
    const m = abs.reduce((a, b) => a + b) / abs.length;
    const sd0 = Math.sqrt(abs.reduce((a, b) => a + (b - m) * (b - m), 0) / abs.length);
    expect(Math.abs(si.muStarConf / (1.959963984540054 * sd0 / Math.sqrt(abs.length)) - 1)).toBeLessThan(0.1);
  });

  it('is deterministic for a seed and resamples differently for another', () => {
    const ee = elementaryEffects(EX4_X, EX4_Y, 2 / 3);
    const a = morrisAnalyze(ee, { seed: 3 });
    expect(morrisAnalyze(ee, { seed: 3 })).toEqual(a);
    expect(morrisAnalyze(ee, { seed: 4 })[0].muStarConf).not.toBe(a[0].muStarConf);
  });

  it('uses scipy\'s normal quantile', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
    expect(normalQuantile(0.1)).toBeCloseTo(-1.2815515655446004, 14);
  });

  it('computes sigma with ddof = 1', () => {
    expect(sampleSd([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3), 14);
  });
});

describe('Morris sampling has SALib\'s structure', () => {
  const k = 7;
  const r = 40;
  for (const levels of [4, 6]) {
    const d = morrisSample(k, r, levels, 11);
    const delta = levels / (2 * (levels - 1));
    it(`moves exactly one factor by ±Δ = p/(2(p−1)) per step, each factor once per trajectory (p = ${levels})`, () => {
      expect(d.rows.length).toBe(r * (k + 1));
      expect(d.delta).toBeCloseTo(delta, 15);
      for (let t = 0; t < r; t++) {
        const moved: number[] = [];
        for (let s = 0; s < k; s++) {
          const a = d.rows[t * (k + 1) + s];
          const b = d.rows[t * (k + 1) + s + 1];
          const changed = a.map((v, j) => (Math.abs(b[j] - v) > 1e-12 ? j : -1)).filter((j) => j >= 0);
          expect(changed.length).toBe(1);
          expect(Math.abs(Math.abs(b[changed[0]] - a[changed[0]]) - delta)).toBeLessThan(1e-12);
          moved.push(changed[0]);
        }
        expect([...moved].sort((x, y) => x - y)).toEqual(Array.from({ length: k }, (_, j) => j));
      }
    });
    it(`keeps every point on the p-level grid inside [0, 1] (p = ${levels})`, () => {
      for (const row of d.rows) {
        for (const v of row) {
          expect(v).toBeGreaterThanOrEqual(-1e-12);
          expect(v).toBeLessThanOrEqual(1 + 1e-12);
          expect(Math.abs(v * (levels - 1) - Math.round(v * (levels - 1)))).toBeLessThan(1e-9);
        }
      }
    });
  }

  it('draws base points from {0, …, 1 − Δ}, signs and orders evenly (p = 4)', () => {
    const d = morrisSample(5, 2000, 4, 5);
    let up = 0;
    let firstMoves = new Array(5).fill(0);
    for (let t = 0; t < 2000; t++) {
      const a = d.rows[t * 6];
      const b = d.rows[t * 6 + 1];
      const j = a.findIndex((v, i) => v !== b[i]);
      firstMoves[j]++;
      if (b[j] > a[j]) up++;
    }
    expect(up / 2000).toBeGreaterThan(0.46);
    expect(up / 2000).toBeLessThan(0.54);
    firstMoves = firstMoves.map((c) => c / 2000);
    for (const f of firstMoves) expect(Math.abs(f - 0.2)).toBeLessThan(0.04);
  });

  it('recovers the slopes of a linear model exactly (mu = mu_star = slope, sigma = 0)', () => {
    const slopes = [3, -2, 0, 0.5];
    const d = morrisSample(4, 10, 4, 2);
    const y = d.rows.map((x) => x.reduce((s, v, j) => s + slopes[j] * v, 1));
    const si = morrisAnalyze(elementaryEffects(d.rows, y, d.delta), { seed: 1 });
    si.forEach((s, j) => {
      expect(s.mu).toBeCloseTo(slopes[j], 10);
      expect(s.muStar).toBeCloseTo(Math.abs(slopes[j]), 10);
      expect(s.sigma).toBeLessThan(1e-9);
    });
  });
});
