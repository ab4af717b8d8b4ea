import { describe, expect, it } from 'vitest';
import { traceOf } from '../src/app/cargo-trace';

describe('cargo tracing in the page', () => {
  it('says which of a cargo\'s effects are assumptions, with the reason, and which the evidence states', () => {
    const cemip = traceOf('cemip')!;
    const homing = cemip.effects.find((e) => e.id === 'homing')!;
    expect(homing.assumption).toMatch(/implied, not stated/);
    expect(cemip.effects.filter((e) => e.id !== 'homing').every((e) => e.assumption === null)).toBe(true);
    expect(cemip.organs).toEqual(['brain']);
    expect(traceOf('mif')!.effects.every((e) => e.assumption === null)).toBe(true);
    expect(traceOf('no-such-cargo')).toBeNull();
  });
});
