// A coarse scalar field (ECM density, VEGF, TGF-β, niche signal) over one tissue region.
//
// Agents never write `values` directly: they deposit into `delta`, which is folded in once per
// tick by applyDelta. That gives two guarantees the engine relies on:
//  - every agent in a tick reads the same field, whatever order agents are visited in;
//  - the sum of a tick's deposits does not depend on their order either. Float addition is not
//    associative ((a + b) + c can differ from (c + b) + a in the last bit), so deposits are
//    rounded to a multiple of `depositQuantum` and accumulated as exact integers; integer sums
//    are order-free while they stay below 2^53 quanta per cell.
//
// Transport is explicit 5-point diffusion with zero-flux (reflecting) borders, sub-stepped so
// each substep has D·dt/dx² <= 0.2 (stable, and every new value is a non-negative combination
// of old ones), followed by exponential decay computed with the deterministic dexp.

import { dexp } from './detmath';

/** Largest stable diffusion number per substep; 0.25 is the 2D limit, 0.2 keeps a margin. */
const MAX_SUBSTEP_DIFFUSION_NUMBER = 0.2;
/** Integers up to this magnitude are exact in a double. */
const EXACT_INTEGER_LIMIT = 9007199254740992; // 2^53
/** Default deposit resolution, field units: 2^-32 ≈ 2.3e-10, leaving ±2^21 ≈ 2.1e6 per cell per tick. */
const DEFAULT_DEPOSIT_QUANTUM = 1 / 4294967296;

/** A tick's deposits into one cell beyond the exact range of the fixed-point sum (a runaway source, never a normal run). */
export class FieldRangeError extends RangeError {
  constructor(
    /** The cell whose sum left the exact range. */
    readonly cell: number,
    /** What the tick's deposits into it would reach, field units. */
    readonly reached: number,
    /** The deposit that took it there, field units. */
    readonly amount: number,
  ) {
    super(`FieldGrid.depositCell: deposits into cell ${cell} reach ${reached} this tick (amount ${amount}), beyond exact range; use a coarser depositQuantum`);
    this.name = 'FieldRangeError';
  }
}

/** Scalar field on an nx × ny grid of square cells with a deposit buffer, diffusion and decay. */
export class FieldGrid {
  /** Left edge of the grid, µm. */
  readonly originX: number;
  /** Bottom edge of the grid, µm. */
  readonly originY: number;
  /** Cells along x. */
  readonly nx: number;
  /** Cells along y. */
  readonly ny: number;
  /** Cell edge, µm. */
  readonly cellSizeUm: number;
  /** nx · ny; cell index = row · nx + column. */
  readonly cellCount: number;
  /** Field value per cell (field units, e.g. relative density); owned by the grid, stable identity, safe to hash, snapshot and restore with values.set. */
  readonly values: Float64Array;
  /** Pending deposits per cell in quanta (integer-valued); cleared by applyDelta. Owned by the grid. */
  readonly delta: Float64Array;
  /** Deposit resolution, field units (a power of two); deposits are rounded to multiples of it. */
  readonly depositQuantum: number;

  private readonly invQuantum: number;
  private readonly scratch: Float64Array;

  /**
   * Field over [originX, originX + nx·cellSizeUm) × [originY, originY + ny·cellSizeUm), µm.
   * depositQuantum (a power of two, field units) trades resolution for headroom: one tick's
   * deposits into one cell must stay below 2^53 quanta in magnitude.
   */
  constructor(
    originX: number,
    originY: number,
    nx: number,
    ny: number,
    cellSizeUm: number,
    depositQuantum = DEFAULT_DEPOSIT_QUANTUM,
  ) {
    if (!Number.isFinite(originX) || !Number.isFinite(originY)) {
      throw new RangeError(`FieldGrid: origin must be finite, got (${originX}, ${originY})`);
    }
    for (const [key, n] of [['nx', nx], ['ny', ny]] as const) {
      if (!Number.isInteger(n) || n < 1 || n > 1 << 24) {
        throw new RangeError(`FieldGrid: ${key} must be an integer in [1, 2^24], got ${n}`);
      }
    }
    if (!(Number.isFinite(cellSizeUm) && cellSizeUm > 0)) {
      throw new RangeError(`FieldGrid: cellSizeUm must be a finite number > 0, got ${cellSizeUm}`);
    }
    if (!isPowerOfTwo(depositQuantum)) {
      // Scaling by a power of two is exact, so a deposit is rounded once, not twice.
      throw new RangeError(`FieldGrid: depositQuantum must be a power of two, got ${depositQuantum}`);
    }
    this.originX = originX;
    this.originY = originY;
    this.nx = nx;
    this.ny = ny;
    this.cellSizeUm = cellSizeUm;
    this.cellCount = nx * ny;
    this.depositQuantum = depositQuantum;
    this.invQuantum = 1 / depositQuantum;
    this.values = new Float64Array(this.cellCount);
    this.delta = new Float64Array(this.cellCount);
    this.scratch = new Float64Array(this.cellCount);
  }

  /** Index of the cell containing (x, y) µm; points outside (or NaN) go to the nearest border cell. */
  cellIndexOf(x: number, y: number): number {
    const cx = Math.floor((x - this.originX) / this.cellSizeUm);
    const cy = Math.floor((y - this.originY) / this.cellSizeUm);
    // `c > 0 ? c : 0` rather than Math.max: it also sends NaN to 0.
    const col = cx >= this.nx ? this.nx - 1 : cx > 0 ? cx : 0;
    const row = cy >= this.ny ? this.ny - 1 : cy > 0 ? cy : 0;
    return row * this.nx + col;
  }

  /** Queues `amount` field units into the cell containing (x, y) µm; applied by applyDelta. */
  deposit(x: number, y: number, amount: number): void {
    this.depositCell(this.cellIndexOf(x, y), amount);
  }

  /** Queues `amount` field units into cell i; applied by applyDelta. */
  depositCell(i: number, amount: number): void {
    if (!(i >>> 0 === i && i < this.cellCount)) {
      throw new RangeError(`FieldGrid.depositCell: cell must be an integer in [0, ${this.cellCount}), got ${i}`);
    }
    const quanta = Math.round(amount * this.invQuantum);
    const sum = this.delta[i] + quanta;
    if (!(sum <= EXACT_INTEGER_LIMIT && sum >= -EXACT_INTEGER_LIMIT)) {
      throw new FieldRangeError(i, sum * this.depositQuantum, amount);
    }
    this.delta[i] = sum;
  }

  /**
   * Adds the queued deposits (times `scale`, 1 by default) to values and clears them; a cell
   * driven below 0 is set to 0 (a concentration cannot be negative).
   */
  applyDelta(scale = 1): void {
    const values = this.values;
    const delta = this.delta;
    const quantum = this.depositQuantum * scale;
    for (let i = 0; i < values.length; i++) {
      const d = delta[i];
      if (d === 0) continue;
      const v = values[i] + d * quantum;
      values[i] = v > 0 ? v : 0;
      delta[i] = 0;
    }
  }

  /**
   * Advances the field by dtHours: diffusion (µm²/h, zero-flux borders) then first-order decay
   * (per hour). Deposits still in `delta` are not touched. Cost grows with D·dt/cellSize² because
   * of sub-stepping.
   */
  step(diffusionUm2PerHour: number, decayPerHour: number, dtHours: number): void {
    requireNonNegative('diffusionUm2PerHour', diffusionUm2PerHour);
    requireNonNegative('decayPerHour', decayPerHour);
    requireNonNegative('dtHours', dtHours);
    const diffusionNumber = (diffusionUm2PerHour * dtHours) / (this.cellSizeUm * this.cellSizeUm);
    if (diffusionNumber > 0 && this.cellCount > 1) {
      const substeps = Math.ceil(diffusionNumber / MAX_SUBSTEP_DIFFUSION_NUMBER);
      const a = diffusionNumber / substeps;
      let src = this.values;
      let dst = this.scratch;
      for (let s = 0; s < substeps; s++) {
        this.diffuse(src, dst, a);
        const t = src;
        src = dst;
        dst = t;
      }
      if (src !== this.values) this.values.set(src);
    }
    if (decayPerHour > 0 && dtHours > 0) {
      const factor = dexp(-decayPerHour * dtHours);
      const values = this.values;
      for (let i = 0; i < values.length; i++) values[i] *= factor;
    }
  }

  /** One explicit substep with diffusion number a <= 0.25; a missing neighbour reflects the cell itself. */
  private diffuse(src: Float64Array, dst: Float64Array, a: number): void {
    const nx = this.nx;
    const ny = this.ny;
    const keep = 1 - 4 * a; // >= 0, so dst is a non-negative combination of src
    for (let row = 0; row < ny; row++) {
      const base = row * nx;
      const up = row > 0 ? -nx : 0;
      const down = row < ny - 1 ? nx : 0;
      for (let col = 0; col < nx; col++) {
        const i = base + col;
        const left = col > 0 ? i - 1 : i;
        const right = col < nx - 1 ? i + 1 : i;
        // Pairing (left + right) + (up + down) makes the sum invariant under mirroring either
        // axis and under transposition, so symmetric inputs stay symmetric to the last bit.
        dst[i] = keep * src[i] + a * (src[left] + src[right] + (src[i + up] + src[i + down]));
      }
    }
  }

  /** Value of the cell containing (x, y) µm (clamped to the grid), field units. */
  sample(x: number, y: number): number {
    return this.values[this.cellIndexOf(x, y)];
  }

  /** Sum of all cell values in index order, field units (amount, not density: no cell area factor). */
  total(): number {
    const values = this.values;
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[i];
    return sum;
  }

  /** Largest cell value, field units. */
  max(): number {
    const values = this.values;
    let m = values[0];
    for (let i = 1; i < values.length; i++) if (values[i] > m) m = values[i];
    return m;
  }
}

function requireNonNegative(key: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`FieldGrid.step: ${key} must be a finite number >= 0, got ${value}`);
  }
}

function isPowerOfTwo(q: number): boolean {
  if (!(Number.isFinite(q) && q > 0)) return false;
  let m = q;
  while (m >= 2) m /= 2;
  while (m < 1) m *= 2;
  return m === 1;
}
