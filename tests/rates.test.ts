import { describe, expect, it } from 'vitest';
import { powInt, saturating } from '../src/core/rates';

// Colonisation's Hill response, as the engine computes it: x^n / (x^n + half^n), the powers by
// powInt (half^n once per tick).
const hill = (x: number, half: number, n: number) => saturating(powInt(x, n), powInt(half, n));

describe('hill: the colonisation response to the soil level', () => {
  it('is x^n / (x^n + half^n), computed exactly by multiplication', () => {
    expect(hill(2, 1, 1)).toBe(2 / 3);
    expect(hill(2, 1, 3)).toBe(8 / 9);
    // The coefficient 3 the engine used before it was a parameter: the same bits, so the
    // golden hashes of engine 0.3.0 hold.
    for (const [x, h] of [[0.154, 0.07374], [0.0371, 0.07374], [1e-3, 2.5]]) expect(hill(x, h, 3)).toBe(saturating(x * x * x, h * h * h));
  });

  it('gives one half at the half level whatever the coefficient, and is steeper the higher it is', () => {
    for (const n of [1, 2, 3, 4]) expect(hill(0.2, 0.2, n)).toBeCloseTo(0.5, 15);
    expect(hill(0.1, 0.2, 1)).toBeGreaterThan(hill(0.1, 0.2, 3));
    expect(hill(0.4, 0.2, 1)).toBeLessThan(hill(0.4, 0.2, 3));
    expect(hill(0, 0.2, 2)).toBe(0);
  });
});
