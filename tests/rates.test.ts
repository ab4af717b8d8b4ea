import { describe, expect, it } from 'vitest';
import { dexp } from '../src/core/detmath';
import { eventWithin, powInt, saturating, waitingHours } from '../src/core/rates';
import { RngStream } from '../src/core/rng';

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

// eventWithin skips the logarithm when cheap bounds on −ln(1 − u) decide; it must give the very
// decision `waitingHours(rate, u) < hours` gives (the engine's trajectories and golden hashes
// rest on it), also for draws a few ulps either side of the boundary 1 − e^(−rate·hours).
describe('eventWithin: whether the first event comes within the hours', () => {
  const exact = (rate: number, hours: number, u: number) => waitingHours(rate, u) < hours;
  const cases: [number, number][] = [[0.17, 2], [0.069, 0.5], [3.2, 2], [1e-6, 2], [0.5, 48], [40, 0.05], [0.2, 0], [0.2, -0.3], [0, 2]];

  it('agrees with the waiting time on 200,000 seeded draws per case', () => {
    const rng = new RngStream(7, 'event-within');
    let events = 0;
    let disagreements = 0;
    for (const [rate, hours] of cases) {
      for (let k = 0; k < 200_000; k++) {
        const u = rng.uniform();
        const got = eventWithin(rate, hours, u);
        if (got !== exact(rate, hours, u)) disagreements++;
        if (got) events++;
      }
    }
    expect(disagreements).toBe(0);
    // Not vacuous: both answers occur (about 1 − e^(−rate·hours) of the draws are events).
    expect(events).toBeGreaterThan(200_000);
    expect(events).toBeLessThan(9 * 200_000 - 200_000);
  });

  it('agrees at the boundary, where only the logarithm can decide', () => {
    let checked = 0;
    for (const [rate, hours] of cases) {
      if (!(rate > 0) || !(hours > 0)) continue;
      const edge = 1 - dexp(-rate * hours);
      for (let d = -40; d <= 40; d++) {
        const u = edge + d * 2 ** -52;
        if (!(u >= 0 && u < 1)) continue;
        expect(eventWithin(rate, hours, u), `rate ${rate} hours ${hours} u ${u}`).toBe(exact(rate, hours, u));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(400);
  });

  it('is false for no hazard or no time and true for a zero draw in positive time', () => {
    expect(eventWithin(0, 2, 0)).toBe(false);
    expect(eventWithin(0.2, 0, 0.5)).toBe(false);
    expect(eventWithin(0.2, 2, 0)).toBe(true);
    expect(eventWithin(0.2, 2, 0.5)).toBe(exact(0.2, 2, 0.5));
  });
});
