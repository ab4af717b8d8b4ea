// Deterministic transcendental functions.
//
// Math.sin/cos/exp/log/pow/atan2 are allowed to differ in the last bits between JS engines
// (and between versions of one engine), which would make a browser run and a CLI run of the
// same scenario diverge. These are ports of the fdlibm / musl algorithms that use only
// IEEE-754 operations with exactly specified results (+ - * /, Math.sqrt, Math.abs, integer
// bit twiddling, BigInt), so every engine returns the same bits. Accuracy is that of fdlibm:
// under 1 ulp for exp/log/sin/cos/atan2, a few ulp for pow at the extremes.
//
// Special cases follow ECMAScript's Math.* (which agree with C99 except for pow, see dpow).

// ---------------------------------------------------------------------------------------------
// Bit access. One shared scratch double; word indices are probed, not assumed, so a big-endian
// host still reads the high word (sign, exponent, top of the mantissa) correctly.

const scratchF64 = new Float64Array(1);
const scratchU32 = new Uint32Array(scratchF64.buffer);
scratchF64[0] = 1;
const HI = scratchU32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

function hiWord(x: number): number {
  scratchF64[0] = x;
  return scratchU32[HI];
}

function loWord(x: number): number {
  scratchF64[0] = x;
  return scratchU32[LO];
}

function fromWords(hi: number, lo: number): number {
  scratchU32[HI] = hi;
  scratchU32[LO] = lo;
  return scratchF64[0];
}

/** x with the low 32 mantissa bits cleared: the fdlibm way to split a double into exact halves. */
function clearLow(x: number): number {
  scratchF64[0] = x;
  scratchU32[LO] = 0;
  return scratchF64[0];
}

/** 2^e for integer e in [-1022, 1023], built from bits so no rounding is involved. */
const POW2 = new Float64Array(2046);
for (let e = -1022; e <= 1023; e++) POW2[e + 1022] = fromWords((e + 1023) << 20, 0);

/** x · 2^n without double rounding in the subnormal range (musl scalbn). */
function scalbn(x: number, n: number): number {
  let y = x;
  if (n > 1023) {
    y *= POW2[1023 + 1022];
    n -= 1023;
    if (n > 1023) {
      y *= POW2[1023 + 1022];
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // Scale in two steps that keep the final n below -53, so only the last multiply rounds.
    y *= POW2[-1022 + 1022] * POW2[53 + 1022];
    n += 1022 - 53;
    if (n < -1022) {
      y *= POW2[-1022 + 1022] * POW2[53 + 1022];
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return y * POW2[n + 1022];
}

/** Degrees → radians multiplier (π/180, correctly rounded); exact-arithmetic safe. */
export const DEG_TO_RAD = Math.PI / 180;

// ---------------------------------------------------------------------------------------------
// exp

const LN2_HI = 6.93147180369123816490e-1; // 0x3FE62E42 FEE00000: k·LN2_HI is exact for |k| < 2^11
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const INV_LN2 = 1.44269504088896338700e0; // 0x3FF71547 652B82FE
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

/** e^x (dimensionless); deterministic port of fdlibm exp, < 1 ulp. */
export function dexp(x: number): number {
  const hx0 = hiWord(x);
  const sign = hx0 >>> 31;
  const hx = hx0 & 0x7fffffff;
  if (hx >= 0x4086232b) {
    // |x| >= 708.39 or NaN
    if (x !== x) return x;
    if (x > 709.782712893383973096) return Infinity;
    if (x < -745.13321910194110842) return 0;
  }
  let k = 0;
  let hi = 0;
  let lo = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2: reduce to r = x - k·ln2 with |r| <= ln2/2, r kept as hi - lo.
    if (hx >= 0x3ff0a2b2) k = (INV_LN2 * x + (sign ? -0.5 : 0.5)) | 0;
    else k = 1 - sign - sign;
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
    x = hi - lo;
  } else if (hx > 0x3e300000) {
    // |x| > 2^-28
    hi = x;
  } else {
    return 1 + x;
  }
  const xx = x * x;
  const c = x - xx * (P1 + xx * (P2 + xx * (P3 + xx * (P4 + xx * P5))));
  const y = 1 + ((x * c) / (2 - c) - lo + hi);
  return k === 0 ? y : scalbn(y, k);
}

// ---------------------------------------------------------------------------------------------
// log

const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm (dimensionless); deterministic port of fdlibm log, < 1 ulp. */
export function dlog(x: number): number {
  scratchF64[0] = x;
  let hx = scratchU32[HI];
  let k = 0;
  if (hx < 0x00100000 || hx >>> 31 !== 0) {
    if (((hx & 0x7fffffff) | scratchU32[LO]) === 0) return -Infinity; // log(±0)
    if (hx >>> 31 !== 0) return NaN; // log(negative), log(-NaN)
    // Subnormal: scale up so the reduction below sees a normal number.
    k -= 54;
    x *= POW2[54 + 1022];
    hx = hiWord(x);
  } else if (hx >= 0x7ff00000) {
    return x; // +Infinity or NaN
  } else if (hx === 0x3ff00000 && scratchU32[LO] === 0) {
    return 0;
  }
  // Reduce x into [sqrt(2)/2, sqrt(2)) by moving whole powers of two into k.
  hx += 0x3ff00000 - 0x3fe6a09e;
  k += (hx >>> 20) - 0x3ff;
  hx = (hx & 0x000fffff) + 0x3fe6a09e;
  x = fromWords(hx, loWord(x));
  const f = x - 1;
  const hfsq = 0.5 * f * f;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  const dk = k;
  return s * (hfsq + r) + dk * LN2_LO - hfsq + f + dk * LN2_HI;
}

// ---------------------------------------------------------------------------------------------
// sin, cos: argument reduction x = n·π/2 + (y0 + y1), then a polynomial kernel on [-π/4, π/4].

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

/** sin(x + y) for |x| <~ π/4, y the tail of the reduced argument. */
function kernelSin(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * x;
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

/** cos(x + y) for |x| <= π/4. */
function kernelCos(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  const v = 1 - hz;
  return v + (1 - v - hz + (z * r - x * y));
}

const TOINT = 6755399441055744; // 1.5·2^52: adding and subtracting it rounds to an integer
const PIO4 = 7.85398163397448278999e-1;
const INV_PIO2 = 6.36619772367581382433e-1; // 0x3FE45F30 6DC9C883
const PIO2_1 = 1.57079632673412561417e0; // 0x3FF921FB 54400000: first 33 bits of π/2
const PIO2_1T = 6.07710050650619224932e-11; // π/2 - PIO2_1
const PIO2_2 = 6.07710050630396597660e-11; // next 33 bits
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.02226624871116645580e-21; // next 33 bits
const PIO2_3T = 8.47842766036889956997e-32;

const MEDIUM_LIMIT = fromWords(0x413921fb, 0); // ≈ 2^20·π/2: Cody-Waite is exact enough below
const TWO_POW_M16 = POW2[-16 + 1022];
const TWO_POW_M49 = POW2[-49 + 1022];

// Result of the last reduction, head and tail. A typed array rather than two module-level
// `let`s: V8 compiles stores to module variables as context writes, which doubled dsin's cost.
const reduced = new Float64Array(2);

/**
 * Reduces finite x by multiples of π/2 into reduced[0] + reduced[1] (|head| <~ π/4); returns n (any sign).
 *
 * musl's medium case for every |x| below 2^20·π/2: n = rint(x·2/π), then n·π/2 is subtracted
 * in up to three 33-bit pieces, a further piece being used whenever the result has lost 16
 * (then 49) bits to cancellation. musl's extra fast paths for |x| < 9π/4 are left out on
 * purpose: with headings spread over all quadrants their branches mispredict, and this path
 * is just as accurate. Cancellation is detected by magnitude instead of exponent bits, a test
 * that fires whenever musl's does (and in a few more cases), so accuracy is never lower.
 */
function remPio2(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < MEDIUM_LIMIT)) return remPio2Large(x, x < 0);
  let fn = x * INV_PIO2 + TOINT - TOINT;
  let n = fn | 0;
  let r = x - fn * PIO2_1;
  let w = fn * PIO2_1T;
  if (r - w < -PIO4) {
    n--;
    fn--;
    r = x - fn * PIO2_1;
    w = fn * PIO2_1T;
  } else if (r - w > PIO4) {
    n++;
    fn++;
    r = x - fn * PIO2_1;
    w = fn * PIO2_1T;
  }
  let head = r - w;
  if (Math.abs(head) < ax * TWO_POW_M16) {
    let t = r;
    w = fn * PIO2_2;
    r = t - w;
    w = fn * PIO2_2T - (t - r - w);
    head = r - w;
    if (Math.abs(head) < ax * TWO_POW_M49) {
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - (t - r - w);
      head = r - w;
    }
  }
  reduced[0] = head;
  reduced[1] = r - head - w;
  return n;
}

// Huge arguments (|x| >= 2^20·π/2 ≈ 1.6e6) need 2/π to ~1200 bits (Payne-Hanek). Instead of
// fdlibm's table and float juggling, the reduction is done exactly in BigInt fixed point, with
// π generated once by Machin's formula: exact integer arithmetic, identical on every engine.
const TWO_OVER_PI_BITS = 1200n; // enough for x up to 2^1024 with > 140 bits below the point
let twoOverPiFixed = 0n; // floor(2/π · 2^TWO_OVER_PI_BITS)
let pio2Fixed = 0n; // floor(π/2 · 2^128)
const TWO_POW_M256 = POW2[-256 + 1022];

function arctanInverseFixed(k: bigint, one: bigint): bigint {
  const k2 = k * k;
  let power = one / k;
  let sum = power;
  for (let d = 3n, negative = true; ; d += 2n, negative = !negative) {
    power /= k2;
    const term = power / d;
    if (term === 0n) return sum;
    sum = negative ? sum - term : sum + term;
  }
}

function remPio2Large(x: number, negative: boolean): number {
  if (twoOverPiFixed === 0n) {
    const bits = TWO_OVER_PI_BITS + 64n; // 64 guard bits absorb the series' truncation error
    const one = 1n << bits;
    const pi = 4n * (4n * arctanInverseFixed(5n, one) - arctanInverseFixed(239n, one));
    twoOverPiFixed = (2n << (TWO_OVER_PI_BITS + bits)) / pi;
    pio2Fixed = pi >> (bits - 127n);
  }
  const ax = Math.abs(x);
  const hx = hiWord(ax);
  // ax = mantissa · 2^exponent exactly, mantissa a 53-bit integer (ax is normal here).
  const mantissa = BigInt(((hx & 0xfffff) | 0x100000) * 4294967296 + loWord(ax));
  const shift = TWO_OVER_PI_BITS - BigInt((hx >>> 20) - 1075);
  const product = mantissa * twoOverPiFixed; // ax·2/π scaled by 2^shift
  let quadrant = product >> shift;
  let fraction = (product >> (shift - 128n)) & ((1n << 128n) - 1n); // 128-bit fraction
  if (fraction >= 1n << 127n) {
    fraction -= 1n << 128n; // round to nearest quadrant so |remainder| <= π/4
    quadrant += 1n;
  }
  const remainder = fraction * pio2Fixed; // radians · 2^256
  const head = Number(remainder); // ES rounds BigInt → Number to nearest, deterministically
  const tail = Number(remainder - BigInt(head));
  const n = Number(quadrant & 3n);
  reduced[0] = (negative ? -head : head) * TWO_POW_M256;
  reduced[1] = (negative ? -tail : tail) * TWO_POW_M256;
  return negative ? -n : n;
}

// sin and cos of n·π/2 + y as (coefficient of kernelSin(y)) and (coefficient of kernelCos(y)),
// indexed by n mod 4. Both kernels are evaluated and combined arithmetically: a product with 0
// or ±1 is exact, and it costs less than the mispredicted branch a random quadrant causes.
const SIN_BY_SIN = new Float64Array([1, 0, -1, 0]);
const SIN_BY_COS = new Float64Array([0, 1, 0, -1]);
const COS_BY_SIN = new Float64Array([0, -1, 0, 1]);
const COS_BY_COS = new Float64Array([1, 0, -1, 0]);
const SIN_TINY = POW2[-26 + 1022]; // below this sin x == x to double precision
const COS_TINY = fromWords(0x3e46a09e, 0); // ≈ 2^-27·sqrt(2): below this cos x == 1

/** sin(x), x in radians; deterministic (fdlibm kernels, musl reduction), < 1 ulp for all finite x. */
export function dsin(x: number): number {
  const ax = Math.abs(x);
  if (!(ax >= SIN_TINY)) return x; // also returns NaN and ±0 unchanged
  if (ax === Infinity) return NaN;
  const q = remPio2(x) & 3;
  const head = reduced[0];
  const tail = reduced[1];
  const s = kernelSin(head, tail);
  const c = kernelCos(head, tail);
  return SIN_BY_SIN[q] * s + SIN_BY_COS[q] * c;
}

/** cos(x), x in radians; deterministic (fdlibm kernels, musl reduction), < 1 ulp for all finite x. */
export function dcos(x: number): number {
  const ax = Math.abs(x);
  if (ax < COS_TINY) return 1;
  if (!(ax < Infinity)) return NaN; // ±Infinity, NaN
  const q = remPio2(x) & 3;
  const head = reduced[0];
  const tail = reduced[1];
  const s = kernelSin(head, tail);
  const c = kernelCos(head, tail);
  return COS_BY_SIN[q] * s + COS_BY_COS[q] * c;
}

/**
 * Writes dsin(x) to out[offset] and dcos(x) to out[offset + 1] (x in radians), bit-identical to
 * calling both, for half the work: one reduction, one pair of kernels.
 */
export function dsincos(x: number, out: Float64Array, offset: number): void {
  const ax = Math.abs(x);
  if (!(ax >= SIN_TINY && ax < Infinity)) {
    // Rare (tiny, ±0, infinite, NaN): the single functions own those special cases.
    out[offset] = dsin(x);
    out[offset + 1] = dcos(x);
    return;
  }
  const q = remPio2(x) & 3;
  const head = reduced[0];
  const tail = reduced[1];
  const s = kernelSin(head, tail);
  const c = kernelCos(head, tail);
  out[offset] = SIN_BY_SIN[q] * s + SIN_BY_COS[q] * c;
  out[offset + 1] = COS_BY_SIN[q] * s + COS_BY_COS[q] * c;
}

// ---------------------------------------------------------------------------------------------
// atan, atan2

const ATAN_HI = [
  4.63647609000806093515e-1, 7.85398163397448278999e-1, 9.82793723247329054082e-1,
  1.57079632679489655800e0,
];
const ATAN_LO = [
  2.26987774529616870924e-17, 3.06161699786838301793e-17, 1.39033110312309984516e-17,
  6.12323399573676603587e-17,
];
const AT0 = 3.33333333333329318027e-1;
const AT1 = -1.99999999998764832476e-1;
const AT2 = 1.42857142725034663711e-1;
const AT3 = -1.11111104054623557880e-1;
const AT4 = 9.09088713343650656196e-2;
const AT5 = -7.69187620504482999495e-2;
const AT6 = 6.66107313738753120669e-2;
const AT7 = -5.83357013379057348645e-2;
const AT8 = 4.97687799461593236017e-2;
const AT9 = -3.65315727442169155270e-2;
const AT10 = 1.62858201153657823623e-2;

/** atan(x) in radians, (-π/2, π/2); fdlibm atan, < 1 ulp. Used by datan2. */
function datan(x: number): number {
  const hx = hiWord(x);
  const negative = hx >>> 31 !== 0;
  const ix = hx & 0x7fffffff;
  if (ix >= 0x44100000) {
    // |x| >= 2^66
    if (x !== x) return x;
    return negative ? -ATAN_HI[3] : ATAN_HI[3];
  }
  let id: number;
  if (ix < 0x3fdc0000) {
    // |x| < 0.4375
    if (ix < 0x3e400000) return x; // |x| < 2^-27
    id = -1;
  } else {
    x = Math.abs(x);
    if (ix < 0x3ff30000) {
      if (ix < 0x3fe60000) {
        id = 0;
        x = (2 * x - 1) / (2 + x);
      } else {
        id = 1;
        x = (x - 1) / (x + 1);
      }
    } else if (ix < 0x40038000) {
      id = 2;
      x = (x - 1.5) / (1 + 1.5 * x);
    } else {
      id = 3;
      x = -1 / x;
    }
  }
  const z = x * x;
  const w = z * z;
  // Odd and even halves of the series, evaluated separately for a shorter dependency chain.
  const s1 = z * (AT0 + w * (AT2 + w * (AT4 + w * (AT6 + w * (AT8 + w * AT10)))));
  const s2 = w * (AT1 + w * (AT3 + w * (AT5 + w * (AT7 + w * AT9))));
  if (id < 0) return x - x * (s1 + s2);
  const r = ATAN_HI[id] - (x * (s1 + s2) - ATAN_LO[id] - x);
  return negative ? -r : r;
}

const PI = 3.1415926535897931160e0;
const PI_LO = 1.2246467991473531772e-16;

/** Angle of the vector (x, y) in radians, in [-π, π]; fdlibm atan2, < 1 ulp. */
export function datan2(y: number, x: number): number {
  if (x !== x || y !== y) return NaN;
  scratchF64[0] = x;
  const hxs = scratchU32[HI];
  const lx = scratchU32[LO];
  scratchF64[0] = y;
  const hys = scratchU32[HI];
  const ly = scratchU32[LO];
  if (hxs === 0x3ff00000 && lx === 0) return datan(y); // x == 1
  const m = ((hys >>> 31) & 1) | ((hxs >>> 30) & 2); // 2·sign(x) + sign(y)
  const ix = hxs & 0x7fffffff;
  const iy = hys & 0x7fffffff;
  if ((iy | ly) === 0) {
    // y == ±0
    if (m < 2) return y;
    return m === 2 ? PI : -PI;
  }
  if ((ix | lx) === 0) return m & 1 ? -PI / 2 : PI / 2; // x == ±0
  if (ix === 0x7ff00000) {
    if (iy === 0x7ff00000) {
      if (m === 0) return PI / 4;
      if (m === 1) return -PI / 4;
      if (m === 2) return (3 * PI) / 4;
      return (-3 * PI) / 4;
    }
    if (m === 0) return 0;
    if (m === 1) return -0;
    if (m === 2) return PI;
    return -PI;
  }
  if (ix + (64 << 20) < iy || iy === 0x7ff00000) return m & 1 ? -PI / 2 : PI / 2; // |y/x| > 2^64
  // |y/x| < 2^-64 with x < 0: the angle is ±π; skip the division to avoid a spurious underflow.
  const z = m & 2 && iy + (64 << 20) < ix ? 0 : datan(Math.abs(y / x));
  if (m === 0) return z;
  if (m === 1) return -z;
  if (m === 2) return PI - (z - PI_LO);
  return z - PI_LO - PI;
}

// ---------------------------------------------------------------------------------------------
// pow: log2(x) in extra precision (t1 + t2), times y in extra precision, then 2^(·).

const TWO53 = 9007199254740992;
const HUGE = 1e300;
const TINY = 1e-300;
const L1 = 5.99999999999994648725e-1;
const L2 = 4.28571428578550184252e-1;
const L3 = 3.33333329818377432918e-1;
const L4 = 2.72728123808534006489e-1;
const L5 = 2.30660745775561754067e-1;
const L6 = 2.06975017800338417784e-1;
const LG2_FULL = 6.93147180559945286227e-1; // 0x3FE62E42 FEFA39EF
const LG2_H = 6.93147182464599609375e-1; // 0x3FE62E43 00000000
const LG2_L = -1.90465429995776804525e-9; // 0xBE205C61 0CA86C39
const OVT = 8.0085662595372944372e-17; // -(1024 - log2(overflow + 0.5 ulp))
const CP = 9.61796693925975554329e-1; // 2/(3·ln2)
const CP_H = 9.61796700954437255859e-1; // CP rounded to 24 bits
const CP_L = -7.02846165095275826516e-9; // CP - CP_H
const IVLN2 = 1.44269504088896338700e0;
const IVLN2_H = 1.44269502162933349609e0; // 1/ln2 rounded to 24 bits
const IVLN2_L = 1.92596299112661746887e-8;
const DP_H1 = 5.84962487220764160156e-1; // log2(1.5) high part
const DP_L1 = 1.35003920212974897128e-8; // log2(1.5) low part

/**
 * x^y (dimensionless); deterministic port of fdlibm pow (error < 1 ulp in practice). Special
 * cases follow ECMAScript, not C99: dpow(1, NaN) and dpow(±1, ±Infinity) are NaN.
 */
export function dpow(x: number, y: number): number {
  scratchF64[0] = x;
  const hx = scratchU32[HI] | 0;
  const lx = scratchU32[LO];
  scratchF64[0] = y;
  const hy = scratchU32[HI] | 0;
  const ly = scratchU32[LO];
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  if ((iy | ly) === 0) return 1; // x^±0 is 1, even for NaN x
  if (x !== x || y !== y) return NaN;
  if (hx === 0x3ff00000 && lx === 0) return iy === 0x7ff00000 ? NaN : 1;

  // For x < 0: is y an odd integer (1), an even integer (2) or not an integer (0)?
  let yIsInt = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) yIsInt = 2; // |y| >= 2^53: even
    else if (iy >= 0x3ff00000) {
      const e = (iy >> 20) - 0x3ff;
      if (e > 20) {
        const j = ly >>> (52 - e);
        if (j << (52 - e) >>> 0 === ly) yIsInt = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - e);
        if (j << (20 - e) === iy) yIsInt = 2 - (j & 1);
      }
    }
  }

  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y = ±Infinity
      if (((ix - 0x3ff00000) | lx) === 0) return NaN; // (-1)^±Infinity (ECMAScript)
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0;
      return hy >= 0 ? 0 : -y;
    }
    if (iy === 0x3ff00000) return hy >= 0 ? x : 1 / x; // y = ±1
    if (hy === 0x40000000) return x * x; // y = 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y = 0.5, x >= +0
  }

  const ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    // x = ±0, ±Infinity, ±1
    let z = hy < 0 ? 1 / ax : ax;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yIsInt) === 0) z = NaN; // (-1)^non-integer
      else if (yIsInt === 1) z = -z;
    }
    return z;
  }

  let s = 1; // sign of the result
  if (hx < 0) {
    if (yIsInt === 0) return NaN; // negative^non-integer
    if (yIsInt === 1) s = -1;
  }

  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: overflow or underflow whatever x is (x != ±1 here)
      if (ix <= 0x3fefffff) return hy < 0 ? HUGE * HUGE : TINY * TINY;
      if (ix >= 0x3ff00000) return hy > 0 ? HUGE * HUGE : TINY * TINY;
    }
    if (ix < 0x3fefffff) return hy < 0 ? s * HUGE * HUGE : s * TINY * TINY;
    if (ix > 0x3ff00000) return hy > 0 ? s * HUGE * HUGE : s * TINY * TINY;
    // |1 - x| <= 2^-20: log(x) ≈ t - t²/2 + t³/3 - t⁴/4 is enough.
    const t = ax - 1;
    const w = t * t * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = clearLow(u + v);
    t2 = v - (t1 - u);
  } else {
    let n = 0;
    let axn = ax;
    if (ix < 0x00100000) {
      // subnormal x
      axn *= TWO53;
      n -= 53;
      ix = hiWord(axn);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    ix = j | 0x3ff00000;
    let k: number;
    if (j <= 0x3988e) k = 0; // |x| < sqrt(3/2)
    else if (j < 0xbb67a) k = 1; // |x| < sqrt(3)
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    axn = fromWords(ix, loWord(axn));
    const bp = k === 0 ? 1 : 1.5;
    const dpH = k === 0 ? 0 : DP_H1;
    const dpL = k === 0 ? 0 : DP_L1;

    // ss = s_h + s_l = (x - bp)/(x + bp) in extra precision
    let u = axn - bp;
    let v = 1 / (axn + bp);
    const ss = u * v;
    const sH = clearLow(ss);
    let tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
    let tL = axn - (tH - bp);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax) via the series in ss
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = clearLow(3 + s2 + r);
    tL = r - (tH - 3 - s2);
    u = sH * tH;
    v = sL * tH + tL * ss;
    const pH = clearLow(u + v);
    const pL = v - (pH - u);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + dpL;
    // log2(ax) = n + dpH + zH + zL
    const t = n;
    t1 = clearLow(zH + zL + dpH + t);
    t2 = zL - (t1 - t - dpH - zH);
  }

  // (y1 + y2)·(t1 + t2) with y1 the high half of y
  const y1 = clearLow(y);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  scratchF64[0] = z;
  let j = scratchU32[HI] | 0;
  const i = scratchU32[LO] | 0;
  if (j >= 0x40900000) {
    // z >= 1024
    if (((j - 0x40900000) | i) !== 0) return s * HUGE * HUGE;
    if (pL + OVT > z - pH) return s * HUGE * HUGE;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z <= -1075
    if (((j - (0xc090cc00 | 0)) | i) !== 0) return s * TINY * TINY;
    if (pL <= z - pH) return s * TINY * TINY;
  }

  // 2^(pH + pL): split off the integer n, then exp of the remainder times ln2.
  const iz = j & 0x7fffffff;
  let k = (iz >> 20) - 0x3ff;
  let n = 0;
  if (iz > 0x3fe00000) {
    // |z| > 0.5: n = nearest integer to z
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    const t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  let t = clearLow(pL + pH);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2_FULL + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  t = z * z;
  const tt = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const r = (z * tt) / (tt - 2) - (w + z * w);
  z = 1 - (r - z);
  j = (hiWord(z) + (n << 20)) | 0;
  if (j >> 20 <= 0) z = scalbn(z, n); // subnormal result
  else {
    scratchF64[0] = z;
    scratchU32[HI] = j;
    z = scratchF64[0];
  }
  return s * z;
}
