import { describe, expect, it } from 'vitest';
import { DEG_TO_RAD, datan2, dcos, dexp, dlog, dpow, dsin, dsincos } from '../src/core/detmath';

// Math.* is used here only as a reference: it is accurate to about 1 ulp in V8, which is all a
// relative-error bound of 1e-14 needs.

/** Uniform [0, 1) from a 32-bit LCG (Numerical Recipes constants); exact integer arithmetic. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const SAMPLES = 100_000;
const MIN_NORMAL = 2.2250738585072014e-308;

/** |got - want| / |want|; 0 when both are the same value (including NaN, ±Infinity). */
function relativeError(got: number, want: number): number {
  if (Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want))) return 0;
  if (!Number.isFinite(want) || want === 0) return Infinity;
  return Math.abs((got - want) / want);
}

/** Largest relative error of f against ref over SAMPLES draws of gen. */
function maxRelativeError(
  f: (...args: number[]) => number,
  ref: (...args: number[]) => number,
  gen: (u: () => number) => number[],
  seed: number,
): number {
  const u = lcg(seed);
  let worst = 0;
  for (let k = 0; k < SAMPLES; k++) {
    const args = gen(u);
    const want = ref(...args);
    // Subnormal results carry fewer than 53 bits, so relative error is meaningless there.
    if (Number.isFinite(want) && want !== 0 && Math.abs(want) < MIN_NORMAL) continue;
    const err = relativeError(f(...args), want);
    if (err > worst) worst = err;
  }
  return worst;
}

const logUniform = (u: () => number, lo: number, hi: number) => Math.exp(lo + (hi - lo) * u());
const signed = (u: () => number, range: number) => (u() * 2 - 1) * range;

describe('detmath accuracy against Math.* (100k inputs per range, relative error <= 1e-14)', () => {
  const cases: [string, () => number][] = [
    ['dexp on [-700, 700]', () => maxRelativeError(dexp, Math.exp, (u) => [signed(u, 700)], 1)],
    ['dexp on [-1, 1]', () => maxRelativeError(dexp, Math.exp, (u) => [signed(u, 1)], 2)],
    ['dexp near underflow [-708, -700]', () => maxRelativeError(dexp, Math.exp, (u) => [-700 - 8 * u()], 3)],
    ['dlog over 1e-300 .. 1e300', () => maxRelativeError(dlog, Math.log, (u) => [logUniform(u, -690, 690)], 4)],
    ['dlog on [0.5, 2]', () => maxRelativeError(dlog, Math.log, (u) => [0.5 + 1.5 * u()], 5)],
    ['dlog on subnormals', () => maxRelativeError(dlog, Math.log, (u) => [u() * MIN_NORMAL], 6)],
    ['dsin on [-10, 10]', () => maxRelativeError(dsin, Math.sin, (u) => [signed(u, 10)], 7)],
    ['dcos on [-10, 10]', () => maxRelativeError(dcos, Math.cos, (u) => [signed(u, 10)], 8)],
    ['dsin on [-1e6, 1e6]', () => maxRelativeError(dsin, Math.sin, (u) => [signed(u, 1e6)], 9)],
    ['dcos on [-1e6, 1e6]', () => maxRelativeError(dcos, Math.cos, (u) => [signed(u, 1e6)], 10)],
    ['dsin over 1e6 .. 1e300', () => maxRelativeError(dsin, Math.sin, (u) => [logUniform(u, 14, 690)], 11)],
    ['dcos over 1e6 .. 1e300', () => maxRelativeError(dcos, Math.cos, (u) => [-logUniform(u, 14, 690)], 12)],
    ['datan2 on [-100, 100]²', () => maxRelativeError(datan2, Math.atan2, (u) => [signed(u, 100), signed(u, 100)], 13)],
    [
      'datan2 over wide magnitudes',
      () =>
        maxRelativeError(
          datan2,
          Math.atan2,
          (u) => [signed(u, 1) * logUniform(u, -300, 300), signed(u, 1) * logUniform(u, -300, 300)],
          14,
        ),
    ],
    ['dpow on (0, 1000] × [-100, 100]', () => maxRelativeError(dpow, Math.pow, (u) => [1000 * u(), signed(u, 100)], 15)],
    ['dpow near 1 with large exponents', () => maxRelativeError(dpow, Math.pow, (u) => [0.9 + 0.2 * u(), signed(u, 3000)], 16)],
    [
      'dpow of negative bases to integer exponents',
      () => maxRelativeError(dpow, Math.pow, (u) => [-10 * u(), Math.floor(signed(u, 60))], 17),
    ],
    [
      'dpow over wide bases to fractional exponents',
      () => maxRelativeError(dpow, Math.pow, (u) => [logUniform(u, -690, 690), signed(u, 1)], 18),
    ],
  ];
  for (const [name, run] of cases) {
    it(`${name}: max relative error <= 1e-14`, () => {
      const worst = run();
      expect(worst).toBeLessThanOrEqual(1e-14);
    });
  }

  it('dsincos returns exactly dsin and dcos', () => {
    const u = lcg(19);
    const out = new Float64Array(2);
    let mismatches = 0;
    for (let k = 0; k < SAMPLES; k++) {
      const x = k % 3 === 0 ? signed(u, 1e-7) : k % 3 === 1 ? signed(u, 100) : signed(u, 1e12);
      dsincos(x, out, 0);
      if (!Object.is(out[0], dsin(x)) || !Object.is(out[1], dcos(x))) mismatches++;
    }
    for (const x of [0, -0, 1e-300, Infinity, -Infinity, NaN, 2e-8]) {
      dsincos(x, out, 0);
      if (!Object.is(out[0], dsin(x)) || !Object.is(out[1], dcos(x))) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

describe('detmath identities', () => {
  it('dsin² + dcos² is 1 within 1e-15 on [-1e4, 1e4]', () => {
    const u = lcg(21);
    let worst = 0;
    for (let k = 0; k < SAMPLES; k++) {
      const x = signed(u, 1e4);
      const s = dsin(x);
      const c = dcos(x);
      worst = Math.max(worst, Math.abs(s * s + c * c - 1));
    }
    expect(worst).toBeLessThanOrEqual(1e-15);
  });

  it('dlog(dexp(x)) is x within 1e-15·max(1, |x|) on [-700, 700]', () => {
    const u = lcg(22);
    let worst = 0;
    for (let k = 0; k < SAMPLES; k++) {
      const x = signed(u, 700);
      worst = Math.max(worst, Math.abs(dlog(dexp(x)) - x) / Math.max(1, Math.abs(x)));
    }
    expect(worst).toBeLessThanOrEqual(1e-15);
  });

  it('datan2(dsin t, dcos t) is t within 1e-15 on (-π, π)', () => {
    const u = lcg(23);
    let worst = 0;
    for (let k = 0; k < SAMPLES; k++) {
      const t = signed(u, 3.14159);
      worst = Math.max(worst, Math.abs(datan2(dsin(t), dcos(t)) - t));
    }
    expect(worst).toBeLessThanOrEqual(1e-15);
  });

  it('dpow(x, n) equals repeated multiplication for small integer n within 1e-15', () => {
    const u = lcg(24);
    let worst = 0;
    for (let k = 0; k < 20_000; k++) {
      const x = 0.5 + 1.5 * u();
      let product = 1;
      for (let n = 1; n <= 8; n++) {
        product *= x;
        worst = Math.max(worst, relativeError(dpow(x, n), product));
      }
    }
    expect(worst).toBeLessThanOrEqual(1e-15);
  });

  it('DEG_TO_RAD is π/180 and turns 180° into π', () => {
    expect(DEG_TO_RAD).toBe(Math.PI / 180);
    expect(180 * DEG_TO_RAD).toBe(Math.PI);
  });
});

describe('detmath special values', () => {
  const same = (got: number, want: number) => expect(Object.is(got, want) ? want : got).toBe(want);

  it('dexp: zeros, infinities, NaN, overflow and underflow thresholds', () => {
    same(dexp(0), 1);
    same(dexp(-0), 1);
    same(dexp(Infinity), Infinity);
    same(dexp(-Infinity), 0);
    same(dexp(NaN), NaN);
    same(dexp(709.78), Math.exp(709.78));
    same(dexp(710), Infinity);
    same(dexp(-745.2), 0);
    same(dexp(-745), 5e-324);
    // fdlibm's exp(1) is famously 1 ulp above Math.E (error 0.67 ulp); Java's StrictMath agrees.
    same(dexp(1), 2.7182818284590455);
    same(dexp(1e-300), 1);
  });

  it('dlog: zeros, negatives, infinities, NaN, 1, e and the smallest subnormal', () => {
    same(dlog(1), 0);
    same(dlog(0), -Infinity);
    same(dlog(-0), -Infinity);
    same(dlog(-1), NaN);
    same(dlog(-Infinity), NaN);
    same(dlog(Infinity), Infinity);
    same(dlog(NaN), NaN);
    same(dlog(Math.E), 1);
    same(dlog(5e-324), -744.4400719213812);
    same(dlog(Number.MAX_VALUE), 709.782712893384);
  });

  it('dsin and dcos: signed zeros, infinities, NaN, tiny arguments', () => {
    same(dsin(0), 0);
    same(dsin(-0), -0);
    same(dsin(1e-300), 1e-300);
    same(dsin(-5e-324), -5e-324);
    same(dsin(Infinity), NaN);
    same(dsin(-Infinity), NaN);
    same(dsin(NaN), NaN);
    same(dcos(0), 1);
    same(dcos(-0), 1);
    same(dcos(1e-300), 1);
    same(dcos(Infinity), NaN);
    same(dcos(NaN), NaN);
  });

  it('dsin of a huge argument matches the known value of sin(1e22)', () => {
    // Reducing 1e22 needs ~140 bits of 2/π. Reference: 60-digit decimal arithmetic, rounded to
    // nearest (sin = -0.85220084976718880177…, cos = 0.52321478539513894549…).
    same(dsin(1e22), -0.8522008497671888);
    same(dcos(1e22), 0.523214785395139);
  });

  it('datan2 matches Math.atan2 exactly whenever an argument is ±0, ±Infinity or NaN', () => {
    const specials = [0, -0, Infinity, -Infinity, NaN];
    const ordinary = [1, -1, 2.5, -1e300, 5e-324, -5e-324];
    let compared = 0;
    for (const y of [...specials, ...ordinary]) {
      for (const x of [...specials, ...ordinary]) {
        if (!specials.some((v) => Object.is(v, x) || Object.is(v, y))) continue;
        same(datan2(y, x), Math.atan2(y, x));
        compared++;
      }
    }
    expect(compared).toBe(11 * 11 - 6 * 6);
  });

  it('dpow matches Math.pow exactly on ECMAScript special cases', () => {
    const xs = [0, -0, 1, -1, Infinity, -Infinity, NaN, 0.5, -0.5, 2, -2, 5e-324, -3];
    const ys = [0, -0, 1, -1, 2, -2, 3, -3, 0.5, -0.5, 2.5, Infinity, -Infinity, NaN, 1e20, -1e20, 1e300];
    let compared = 0;
    for (const x of xs) {
      for (const y of ys) {
        same(dpow(x, y), Math.pow(x, y));
        compared++;
      }
    }
    expect(compared).toBe(xs.length * ys.length);
    // The two places ECMAScript departs from C99 pow:
    same(dpow(1, NaN), NaN);
    same(dpow(-1, Infinity), NaN);
  });
});

describe('detmath golden outputs', () => {
  /** FNV-1a (32-bit) over the little-endian bytes of every output's bit pattern. */
  function goldenHash(): string {
    const u = lcg(0x5eed);
    const view = new DataView(new ArrayBuffer(8));
    let h = 0x811c9dc5;
    const mix = (v: number) => {
      view.setFloat64(0, v, true);
      for (let b = 0; b < 8; b++) h = Math.imul(h ^ view.getUint8(b), 16777619) >>> 0;
    };
    for (let k = 0; k < 1000; k++) {
      // Inputs from exact arithmetic only, so they are the same on every engine.
      const a = (u() * 2 - 1) * 40;
      const b = u() * 1000 + 1e-3;
      const c = (u() * 2 - 1) * 10;
      const big = (u() * 2 - 1) * 1e6;
      mix(dexp(a));
      mix(dlog(b));
      mix(dsin(a));
      mix(dcos(a));
      mix(dsin(big));
      mix(dcos(big));
      mix(dsin(big * 1e12)); // the BigInt reduction path
      mix(datan2(c, a));
      mix(dpow(b, c));
    }
    return h.toString(16).padStart(8, '0');
  }

  it('1000 fixed inputs hash to the committed value (the functions never change silently)', () => {
    expect(goldenHash()).toBe('5342aa31');
  });
});
