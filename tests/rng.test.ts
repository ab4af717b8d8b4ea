import { describe, expect, it } from 'vitest';
import { RngStream, RngStreams, poissonLimit } from '../src/core/rng';
import { dexp } from '../src/core/detmath';

describe('RngStream', () => {
  it('gives the same stream for the same (seed, module id) and different ones otherwise', () => {
    const draws = (s: RngStream) => Array.from({ length: 5 }, () => s.uniform());
    expect(draws(new RngStream(7, 'a'))).toEqual(draws(new RngStream(7, 'a')));
    expect(draws(new RngStream(7, 'a'))).not.toEqual(draws(new RngStream(7, 'b')));
    expect(draws(new RngStream(7, 'a'))).not.toEqual(draws(new RngStream(8, 'a')));
    // A restored state continues exactly where the saved stream was.
    const s = new RngStream(3, 'x');
    draws(s);
    const copy = new RngStream(3, 'x', s.state());
    expect(draws(copy)).toEqual(draws(s));
    expect(new RngStreams(3).get('x').state()).toEqual(new RngStream(3, 'x').state());
  });

  it('draws Poisson counts with a given exp(−mean) exactly as without it, over every branch', () => {
    for (const mean of [-1, 0, 1e-9, 0.3, 2.5, 29.99, 30, 30.01, 120]) {
      const a = new RngStream(11, `p${mean}`);
      const b = new RngStream(11, `p${mean}`);
      const limit = poissonLimit(mean);
      const fromA = Array.from({ length: 200 }, () => a.poisson(mean));
      const fromB = Array.from({ length: 200 }, () => b.poissonWithLimit(mean, limit));
      expect(fromB).toEqual(fromA);
      expect(b.state()).toEqual(a.state()); // same number of draws taken
      if (mean > 0) {
        const avg = fromA.reduce((s, k) => s + k, 0) / fromA.length;
        // 200 draws: the mean is within 4 standard errors of the true mean.
        expect(Math.abs(avg - mean)).toBeLessThan(4 * Math.sqrt(mean / 200) + 1e-6);
      } else expect(fromA.every((k) => k === 0)).toBe(true);
    }
    expect(poissonLimit(2)).toBe(dexp(-2));
    expect(poissonLimit(0)).toBe(0);
    expect(poissonLimit(31)).toBe(0);
  });
});
