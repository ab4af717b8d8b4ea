import xor128 from 'seedrandom/lib/xor128.js';
import { describe, expect, it } from 'vitest';
import { FieldGrid } from '../src/core/field-grid';

/** A 40 × 30 grid of 20 µm cells at (100, -50) µm with random deposits applied. */
function randomField(seed: string): FieldGrid {
  const f = new FieldGrid(100, -50, 40, 30, 20);
  const rng = xor128(seed, { state: true });
  for (let k = 0; k < 500; k++) f.deposit(100 + rng() * 800, -50 + rng() * 600, rng() * 10);
  f.applyDelta();
  return f;
}

function minValue(f: FieldGrid): number {
  let m = Infinity;
  for (const v of f.values) m = Math.min(m, v);
  return m;
}

/** Per-axis variance of the field's mass distribution, in cells². */
function variances(f: FieldGrid): [number, number] {
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let row = 0; row < f.ny; row++) {
    for (let col = 0; col < f.nx; col++) {
      const v = f.values[row * f.nx + col];
      mass += v;
      mx += v * col;
      my += v * row;
    }
  }
  mx /= mass;
  my /= mass;
  let vx = 0;
  let vy = 0;
  for (let row = 0; row < f.ny; row++) {
    for (let col = 0; col < f.nx; col++) {
      const v = f.values[row * f.nx + col];
      vx += v * (col - mx) * (col - mx);
      vy += v * (row - my) * (row - my);
    }
  }
  return [vx / mass, vy / mass];
}

describe('FieldGrid transport', () => {
  it('conserves total mass to 1e-9 (relative) over 1000 diffusion steps without decay', () => {
    const f = randomField('mass');
    const before = f.total();
    for (let s = 0; s < 1000; s++) f.step(3600, 0, 0.1);
    expect(Math.abs(f.total() - before) / before).toBeLessThanOrEqual(1e-9);
    expect(f.max()).toBeLessThan(10); // it did spread: no cell keeps its deposits
  });

  it('never goes negative, even when D·dt/dx² is far above the stability limit (sub-stepping)', () => {
    const f = randomField('stiff');
    const before = f.total();
    const peak = f.max();
    // D·dt/dx² = 1e5 · 2 / 400 = 500: 2500 substeps of 0.2 each.
    for (let s = 0; s < 5; s++) f.step(1e5, 0, 2);
    expect(minValue(f)).toBeGreaterThanOrEqual(0);
    expect(f.max()).toBeLessThanOrEqual(peak); // an unstable scheme would overshoot
    expect(Math.abs(f.total() - before) / before).toBeLessThanOrEqual(1e-9);
  });

  it('decay over t hours multiplies the mass by exp(-k·t) within 1e-12', () => {
    const f = randomField('decay');
    const before = f.total();
    const k = 0.2;
    const dt = 0.25;
    const steps = 400; // t = 100 h
    for (let s = 0; s < steps; s++) f.step(1800, k, dt);
    const want = Math.exp(-k * dt * steps);
    expect(Math.abs(f.total() / before - want) / want).toBeLessThanOrEqual(1e-12);
  });

  it('spreads a point source symmetrically: mirror and transposed cells are equal bit for bit', () => {
    const n = 21;
    const f = new FieldGrid(0, 0, n, n, 10);
    f.deposit(105, 105, 1000); // the centre cell (10, 10)
    f.applyDelta();
    for (let s = 0; s < 60; s++) f.step(500, 0.05, 0.5);
    let asymmetric = 0;
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        const v = f.values[row * n + col];
        if (v !== f.values[row * n + (n - 1 - col)]) asymmetric++;
        if (v !== f.values[(n - 1 - row) * n + col]) asymmetric++;
        if (v !== f.values[col * n + row]) asymmetric++;
      }
    }
    expect(asymmetric).toBe(0);
    expect(f.values[0]).toBeGreaterThan(0); // the corners were reached, so the test saw spread
  });

  it('a Gaussian spreads with variance growing by 2·D·t per axis (within 5%)', () => {
    const n = 101;
    const dxUm = 10;
    const f = new FieldGrid(0, 0, n, n, dxUm);
    const sigma0 = 4; // cells
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        const r2 = (col - 50) * (col - 50) + (row - 50) * (row - 50);
        f.values[row * n + col] = Math.exp(-r2 / (2 * sigma0 * sigma0));
      }
    }
    const [vx0, vy0] = variances(f);
    const d = 100; // µm²/h
    const hours = 20;
    for (let s = 0; s < 40; s++) f.step(d, 0, hours / 40);
    const [vx, vy] = variances(f);
    const want = (2 * d * hours) / (dxUm * dxUm); // cells²
    expect(Math.abs(vx - vx0 - want) / want).toBeLessThanOrEqual(0.05);
    expect(Math.abs(vy - vy0 - want) / want).toBeLessThanOrEqual(0.05);
  });

  it('leaves the field unchanged for zero diffusion, zero decay or zero time', () => {
    const f = randomField('still');
    const copy = Float64Array.from(f.values);
    f.step(0, 0, 1);
    f.step(3600, 0.3, 0);
    expect(Array.from(f.values)).toEqual(Array.from(copy));
  });

  it('rejects negative or non-finite transport parameters naming the parameter', () => {
    const f = new FieldGrid(0, 0, 4, 4, 10);
    expect(() => f.step(-1, 0, 1)).toThrow(/diffusionUm2PerHour/);
    expect(() => f.step(1, NaN, 1)).toThrow(/decayPerHour/);
    expect(() => f.step(1, 0, Infinity)).toThrow(/dtHours/);
  });
});

describe('FieldGrid deposits', () => {
  it('gives bit-identical values whatever order the same deposits arrive in', () => {
    const rng = xor128('orders', { state: true });
    const deposits: [number, number, number][] = [];
    // Many deposits into few cells with amounts of very different magnitude: plain float
    // summation in two orders would differ in the last bits here.
    for (let k = 0; k < 5000; k++) deposits.push([rng() * 40, rng() * 40, rng() * 10 ** (rng() * 8 - 4)]);
    const reversed = [...deposits].reverse();
    const shuffled = [...deposits].sort((a, b) => a[2] - b[2]);
    const results = [deposits, reversed, shuffled].map((list) => {
      const f = new FieldGrid(0, 0, 4, 4, 10);
      for (const [x, y, amount] of list) f.deposit(x, y, amount);
      f.applyDelta();
      f.step(30, 0.1, 1);
      return Array.from(f.values);
    });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    let naiveDiffers = false; // the same sums done naively do depend on order
    const naive = (list: [number, number, number][]) => list.reduce((s, d) => s + d[2], 0);
    naiveDiffers = naive(deposits) !== naive(reversed) || naive(deposits) !== naive(shuffled);
    expect(naiveDiffers).toBe(true);
  });

  it('holds deposits in delta until applyDelta, then clears delta', () => {
    const f = new FieldGrid(0, 0, 3, 3, 10);
    f.deposit(15, 15, 2.5);
    f.depositCell(0, 1);
    expect([f.sample(15, 15), f.total()]).toEqual([0, 0]);
    f.applyDelta();
    expect([f.sample(15, 15), f.values[0], f.total()]).toEqual([2.5, 1, 3.5]);
    expect(f.delta.every((d) => d === 0)).toBe(true);
  });

  it('rounds deposits to the quantum (2^-32 by default) and sums them exactly', () => {
    const f = new FieldGrid(0, 0, 1, 1, 10);
    for (let k = 0; k < 10; k++) f.depositCell(0, 0.1);
    f.applyDelta();
    expect(Math.abs(f.values[0] - 1)).toBeLessThanOrEqual(10 * 2 ** -33);
    const coarse = new FieldGrid(0, 0, 1, 1, 10, 0.25);
    coarse.depositCell(0, 0.3);
    coarse.applyDelta();
    expect(coarse.values[0]).toBe(0.25);
  });

  it('clamps a cell driven below zero by uptake to zero', () => {
    const f = new FieldGrid(0, 0, 2, 1, 10);
    f.values.fill(1);
    f.depositCell(0, -3);
    f.depositCell(1, -0.25);
    f.applyDelta();
    expect(Array.from(f.values)).toEqual([0, 0.75]);
  });

  it('maps points to cells, clamping points outside the grid (and NaN) to border cells', () => {
    const f = new FieldGrid(-100, 200, 5, 4, 25);
    expect(f.cellIndexOf(-100, 200)).toBe(0);
    expect(f.cellIndexOf(-75, 225)).toBe(1 * 5 + 1); // a point on a cell edge belongs to the upper cell
    expect(f.cellIndexOf(24.9, 299.9)).toBe(3 * 5 + 4);
    expect(f.cellIndexOf(-1e9, 1e9)).toBe(3 * 5 + 0);
    expect(f.cellIndexOf(NaN, 210)).toBe(0);
  });

  it('rejects out-of-range cells, non-finite amounts and a non-power-of-two quantum', () => {
    const f = new FieldGrid(0, 0, 2, 2, 10);
    expect(() => f.depositCell(4, 1)).toThrow(/cell/);
    expect(() => f.depositCell(1.5, 1)).toThrow(/cell/);
    expect(() => f.depositCell(0, NaN)).toThrow(/exact range/);
    expect(() => f.deposit(0, 0, Infinity)).toThrow(/exact range/);
    expect(() => new FieldGrid(0, 0, 2, 2, 10, 0.3)).toThrow(/depositQuantum/);
    expect(() => new FieldGrid(0, 0, 0, 2, 10)).toThrow(/nx/);
  });
});
