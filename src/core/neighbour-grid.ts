// Uniform-grid neighbour index, rebuilt from scratch every tick by a counting sort.
//
// Rebuilding is O(n) with two passes over the agents and no allocation once capacity is
// reached, which beats maintaining a moving index. `order` lists agent indices cell by cell
// (ascending index inside a cell), so visiting agents in `order` walks space coherently and a
// row of neighbouring cells is one contiguous slice of `order`.
//
// Cell sizes are stretched so the cells tile the rectangle exactly (`cellWidth >= cellSize`).
// With wrap this keeps "column index mod cellsX" equal to the column of the wrapped position,
// so torus neighbourhoods are plain index arithmetic.

/** Cell-binned index of agent positions with allocation-free radius queries. */
export class NeighbourGrid {
  /** Left edge, world units. */
  readonly originX: number;
  /** Bottom edge, world units. */
  readonly originY: number;
  /** Width, world units. */
  readonly width: number;
  /** Height, world units. */
  readonly height: number;
  /** Whether the rectangle is a torus. */
  readonly wrap: boolean;
  /** Number of cell columns. */
  readonly cellsX: number;
  /** Number of cell rows. */
  readonly cellsY: number;
  /** cellsX · cellsY; cell index = row · cellsX + column. */
  readonly cellCount: number;
  /** Actual cell width, world units (width / cellsX). */
  readonly cellWidth: number;
  /** Actual cell height, world units (height / cellsY). */
  readonly cellHeight: number;
  /** Agents indexed by the last rebuild. */
  count = 0;
  /** Agents of cell c are order[cellStart[c] .. cellStart[c + 1]); length cellCount + 1. Owned by the grid, rewritten by rebuild. */
  readonly cellStart: Int32Array;
  /** Agent indices sorted by cell, stable by index; first `count` entries valid. Owned by the grid; replaced when capacity grows. */
  order: Int32Array;
  /** Cell index of each agent from the last rebuild; first `count` entries valid. Owned by the grid; replaced when capacity grows. */
  agentCell: Int32Array;

  private readonly invCellWidth: number;
  private readonly invCellHeight: number;
  // Query spans are widened by this (plus a part relative to the query) so float rounding in
  // cell binning can never hide an agent the exact distance test accepts; it only ever adds a
  // few candidate checks at cell borders.
  private readonly slack: number;

  /**
   * Grid over the rectangle [originX, originX + width) × [originY, originY + height), world
   * units (µm in the simulation). cellSize is the requested cell edge; the real one is
   * width / cellsX, never smaller. wrap makes the rectangle a torus. capacity is the number of
   * agents to reserve room for (it grows by doubling on rebuild).
   */
  constructor(
    originX: number,
    originY: number,
    width: number,
    height: number,
    cellSize: number,
    wrap = false,
    capacity = 1024,
  ) {
    const where = 'NeighbourGrid';
    requireFinite(where, 'originX', originX);
    requireFinite(where, 'originY', originY);
    requirePositive(where, 'width', width);
    requirePositive(where, 'height', height);
    requirePositive(where, 'cellSize', cellSize);
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new RangeError(`${where}: capacity must be a non-negative integer, got ${capacity}`);
    }
    this.originX = originX;
    this.originY = originY;
    this.width = width;
    this.height = height;
    this.wrap = wrap;
    this.cellsX = Math.max(1, Math.floor(width / cellSize));
    this.cellsY = Math.max(1, Math.floor(height / cellSize));
    this.cellCount = this.cellsX * this.cellsY;
    if (this.cellCount > 0x3fffffff) {
      throw new RangeError(`${where}: cellSize ${cellSize} gives ${this.cellCount} cells, too many`);
    }
    this.cellWidth = width / this.cellsX;
    this.cellHeight = height / this.cellsY;
    this.invCellWidth = this.cellsX / width;
    this.invCellHeight = this.cellsY / height;
    this.slack = 1e-9 * (Math.abs(originX) + Math.abs(originY) + width + height);
    this.cellStart = new Int32Array(this.cellCount + 1);
    this.order = new Int32Array(capacity);
    this.agentCell = new Int32Array(capacity);
  }

  /** Column of world x: clamped to the border columns, or wrapped on a torus. */
  columnOf(x: number): number {
    let u = x - this.originX;
    if (this.wrap && (u < 0 || u >= this.width)) u -= this.width * Math.floor(u / this.width);
    const c = Math.floor(u * this.invCellWidth);
    // `!(c > 0)` also catches NaN, which lands in column 0 rather than corrupting the sort.
    return c >= this.cellsX ? this.cellsX - 1 : c > 0 ? c : 0;
  }

  /** Row of world y: clamped to the border rows, or wrapped on a torus. */
  rowOf(y: number): number {
    let v = y - this.originY;
    if (this.wrap && (v < 0 || v >= this.height)) v -= this.height * Math.floor(v / this.height);
    const r = Math.floor(v * this.invCellHeight);
    return r >= this.cellsY ? this.cellsY - 1 : r > 0 ? r : 0;
  }

  /** Cell index (row · cellsX + column) holding world point (x, y). */
  cellIndexOf(x: number, y: number): number {
    return this.rowOf(y) * this.cellsX + this.columnOf(x);
  }

  /** Re-bins agents 0..count-1 at (xs[i], ys[i]); allocates only when count exceeds capacity. */
  rebuild(xs: Float64Array, ys: Float64Array, count: number): void {
    if (!Number.isInteger(count) || count < 0 || count > xs.length || count > ys.length) {
      throw new RangeError(
        `NeighbourGrid.rebuild: count must be an integer in [0, ${Math.min(xs.length, ys.length)}], got ${count}`,
      );
    }
    if (count > this.order.length) {
      const capacity = Math.max(count, 2 * this.order.length);
      this.order = new Int32Array(capacity);
      this.agentCell = new Int32Array(capacity);
    }
    const cellStart = this.cellStart;
    const order = this.order;
    const agentCell = this.agentCell;
    const cells = this.cellCount;
    cellStart.fill(0);
    for (let i = 0; i < count; i++) {
      const c = this.cellIndexOf(xs[i], ys[i]);
      agentCell[i] = c;
      cellStart[c]++;
    }
    // Inclusive prefix sums make cellStart[c] the end of cell c; filling backwards by
    // pre-decrement then leaves it at the start of c and keeps indices ascending in a cell.
    for (let c = 1; c < cells; c++) cellStart[c] += cellStart[c - 1];
    for (let i = count - 1; i >= 0; i--) order[--cellStart[agentCell[i]]] = i;
    cellStart[cells] = count;
    this.count = count;
  }

  /**
   * Number of agents other than excludeIndex with dx² + dy² <= radius² from (x, y), world units.
   * On a torus dx (likewise dy) is the minimum image: when |dx| > width/2 it becomes
   * dx - width · floor(dx / width + 0.5). Pass excludeIndex -1 to exclude nobody.
   */
  countWithin(
    x: number,
    y: number,
    radius: number,
    xs: Float64Array,
    ys: Float64Array,
    excludeIndex: number,
  ): number {
    return this.scan(x, y, radius, xs, ys, excludeIndex, false);
  }

  /** Index of the agent nearest to (x, y) within radius, excluding excludeIndex; ties go to the lower index; -1 if none. */
  nearest(
    x: number,
    y: number,
    radius: number,
    xs: Float64Array,
    ys: Float64Array,
    excludeIndex: number,
  ): number {
    return this.scan(x, y, radius, xs, ys, excludeIndex, true);
  }

  /** Shared loop for both queries; `findNearest` picks the result. */
  private scan(
    x: number,
    y: number,
    radius: number,
    xs: Float64Array,
    ys: Float64Array,
    exclude: number,
    findNearest: boolean,
  ): number {
    if (!(radius >= 0)) return findNearest ? -1 : 0;
    const r2 = radius * radius;
    const reach = radius + 1e-9 * (radius + Math.abs(x) + Math.abs(y)) + this.slack;
    const cellsX = this.cellsX;
    const cellsY = this.cellsY;
    const wrap = this.wrap;
    const width = this.width;
    const height = this.height;
    const halfW = 0.5 * width;
    const halfH = 0.5 * height;
    const cellStart = this.cellStart;
    const order = this.order;

    // Unwrapped column / row spans; a torus span wider than the grid visits each cell once.
    let c0 = Math.floor((x - reach - this.originX) * this.invCellWidth);
    let c1 = Math.floor((x + reach - this.originX) * this.invCellWidth);
    let r0 = Math.floor((y - reach - this.originY) * this.invCellHeight);
    let r1 = Math.floor((y + reach - this.originY) * this.invCellHeight);
    if (!(c0 === c0 && c1 === c1 && r0 === r0 && r1 === r1)) return findNearest ? -1 : 0; // NaN point
    if (wrap) {
      if (c1 - c0 + 1 >= cellsX) {
        c0 = 0;
        c1 = cellsX - 1;
      }
      if (r1 - r0 + 1 >= cellsY) {
        r0 = 0;
        r1 = cellsY - 1;
      }
    } else {
      // Agents outside the rectangle were binned into border cells, so clamping the span to
      // the border still visits them.
      c0 = c0 > 0 ? (c0 < cellsX ? c0 : cellsX - 1) : 0;
      c1 = c1 < cellsX ? (c1 > 0 ? c1 : 0) : cellsX - 1;
      r0 = r0 > 0 ? (r0 < cellsY ? r0 : cellsY - 1) : 0;
      r1 = r1 < cellsY ? (r1 > 0 ? r1 : 0) : cellsY - 1;
    }

    let found = 0;
    let best = -1;
    let bestD2 = Infinity;
    for (let rr = r0; rr <= r1; rr++) {
      const row = rr < 0 ? rr + cellsY * Math.ceil(-rr / cellsY) : rr % cellsY;
      const rowBase = row * cellsX;
      // Columns c0..c1 form at most two contiguous runs of `order` (two when a torus span wraps).
      let cc = c0;
      while (cc <= c1) {
        const col = cc < 0 ? cc + cellsX * Math.ceil(-cc / cellsX) : cc % cellsX;
        const runCols = Math.min(c1 - cc + 1, cellsX - col);
        const kEnd = cellStart[rowBase + col + runCols];
        for (let k = cellStart[rowBase + col]; k < kEnd; k++) {
          const j = order[k];
          if (j === exclude) continue;
          let dx = xs[j] - x;
          let dy = ys[j] - y;
          if (wrap) {
            if (dx > halfW || dx < -halfW) dx -= width * Math.floor(dx / width + 0.5);
            if (dy > halfH || dy < -halfH) dy -= height * Math.floor(dy / height + 0.5);
          }
          const d2 = dx * dx + dy * dy;
          if (d2 <= r2) {
            found++;
            if (d2 < bestD2 || (d2 === bestD2 && j < best)) {
              bestD2 = d2;
              best = j;
            }
          }
        }
        cc += runCols;
      }
    }
    return findNearest ? best : found;
  }
}

function requireFinite(where: string, key: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${where}: ${key} must be a finite number, got ${value}`);
}

function requirePositive(where: string, key: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${where}: ${key} must be a finite number > 0, got ${value}`);
  }
}
