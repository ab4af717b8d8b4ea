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
   * Query span scratch: first column, last column, first row, last row. First ones are in
   * [0, cells); last ones may exceed cells - 1 on a torus, meaning "wrap round". Int32 so the
   * query loops run on small integers (a Float64Array here made them ~2× slower).
   */
  private readonly span = new Int32Array(4);

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
    // `c > 0 ? c : 0` rather than Math.max: it also sends NaN to column 0.
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
   *
   * countWithin and nearest repeat the same walk over cells on purpose: one loop with a mode
   * flag measured 1.3-1.8× slower for both.
   */
  countWithin(
    x: number,
    y: number,
    radius: number,
    xs: Float64Array,
    ys: Float64Array,
    excludeIndex: number,
  ): number {
    if (!this.computeSpan(x, y, radius)) return 0;
    const r2 = radius * radius;
    const span = this.span;
    const cellsX = this.cellsX;
    const cellStart = this.cellStart;
    const order = this.order;
    const wrap = this.wrap;
    let found = 0;
    const cellsY = this.cellsY;
    const c1 = span[1];
    for (let rr = span[2]; rr <= span[3]; rr++) {
      const rowBase = (rr < cellsY ? rr : rr - cellsY) * cellsX;
      // Columns span[0]..c1 are one contiguous run of `order`, or two when a torus span wraps.
      for (let cc = span[0]; cc <= c1; ) {
        const col = cc < cellsX ? cc : cc - cellsX;
        const runCols = Math.min(c1 - cc + 1, cellsX - col);
        const kEnd = cellStart[rowBase + col + runCols];
        for (let k = cellStart[rowBase + col]; k < kEnd; k++) {
          const j = order[k];
          if (j === excludeIndex) continue;
          let dx = xs[j] - x;
          let dy = ys[j] - y;
          if (wrap) {
            dx = this.minimumImageX(dx);
            dy = this.minimumImageY(dy);
          }
          // Branch-free: a third or more of the candidates hit, so an `if` would mispredict often.
          found += +(dx * dx + dy * dy <= r2);
        }
        cc += runCols;
      }
    }
    return found;
  }

  /**
   * Index of the agent nearest to (x, y) with dx² + dy² <= radius² (minimum image on a torus),
   * excluding excludeIndex (-1 excludes nobody); ties go to the lower index; -1 if none.
   */
  nearest(
    x: number,
    y: number,
    radius: number,
    xs: Float64Array,
    ys: Float64Array,
    excludeIndex: number,
  ): number {
    if (!this.computeSpan(x, y, radius)) return -1;
    const span = this.span;
    const cellsX = this.cellsX;
    const cellStart = this.cellStart;
    const order = this.order;
    const wrap = this.wrap;
    let best = -1;
    let bestD2 = radius * radius; // inclusive bound until something is found
    const cellsY = this.cellsY;
    const c1 = span[1];
    for (let rr = span[2]; rr <= span[3]; rr++) {
      const rowBase = (rr < cellsY ? rr : rr - cellsY) * cellsX;
      for (let cc = span[0]; cc <= c1; ) {
        const col = cc < cellsX ? cc : cc - cellsX;
        const runCols = Math.min(c1 - cc + 1, cellsX - col);
        const kEnd = cellStart[rowBase + col + runCols];
        for (let k = cellStart[rowBase + col]; k < kEnd; k++) {
          const j = order[k];
          if (j === excludeIndex) continue;
          let dx = xs[j] - x;
          let dy = ys[j] - y;
          if (wrap) {
            dx = this.minimumImageX(dx);
            dy = this.minimumImageY(dy);
          }
          const d2 = dx * dx + dy * dy;
          if (d2 < bestD2 || (d2 === bestD2 && (best < 0 || j < best))) {
            bestD2 = d2;
            best = j;
          }
        }
        cc += runCols;
      }
    }
    return best;
  }

  /**
   * Largest values[j] over the agents j with dx² + dy² <= radius² from (x, y) (minimum image on
   * a torus), or -Infinity when there are none. The maximum does not depend on visiting order.
   */
  maxWithin(x: number, y: number, radius: number, xs: Float64Array, ys: Float64Array, values: Float64Array): number {
    if (!this.computeSpan(x, y, radius)) return -Infinity;
    const r2 = radius * radius;
    const span = this.span;
    const cellsX = this.cellsX;
    const cellsY = this.cellsY;
    const cellStart = this.cellStart;
    const order = this.order;
    let best = -Infinity;
    for (let rr = span[2]; rr <= span[3]; rr++) {
      const rowBase = (rr < cellsY ? rr : rr - cellsY) * cellsX;
      for (let cc = span[0]; cc <= span[1]; cc++) {
        const cell = rowBase + (cc < cellsX ? cc : cc - cellsX);
        for (let k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
          const j = order[k];
          let dx = xs[j] - x;
          let dy = ys[j] - y;
          if (this.wrap) {
            dx = this.minimumImageX(dx);
            dy = this.minimumImageY(dy);
          }
          if (dx * dx + dy * dy <= r2 && values[j] > best) best = values[j];
        }
      }
    }
    return best;
  }

  /**
   * Fills `span` with the column and row ranges a query must visit; false for a NaN point or
   * radius. Without wrap the ranges are clamped to the grid (agents outside the rectangle sit
   * in border cells, so they are still visited); with wrap a range as wide as the grid is cut
   * to one lap so no cell is visited twice.
   */
  private computeSpan(x: number, y: number, radius: number): boolean {
    if (!(radius >= 0)) return false;
    const reach = radius + 1e-9 * (radius + Math.abs(x) + Math.abs(y)) + this.slack;
    const c0 = Math.floor((x - reach - this.originX) * this.invCellWidth);
    const c1 = Math.floor((x + reach - this.originX) * this.invCellWidth);
    const r0 = Math.floor((y - reach - this.originY) * this.invCellHeight);
    const r1 = Math.floor((y + reach - this.originY) * this.invCellHeight);
    if (!(c0 === c0 && c1 === c1 && r0 === r0 && r1 === r1)) return false;
    spanAxis(this.span, 0, c0, c1, this.cellsX, this.wrap);
    spanAxis(this.span, 2, r0, r1, this.cellsY, this.wrap);
    return true;
  }

  private minimumImageX(dx: number): number {
    const w = this.width;
    return dx > 0.5 * w || dx < -0.5 * w ? dx - w * Math.floor(dx / w + 0.5) : dx;
  }

  private minimumImageY(dy: number): number {
    const h = this.height;
    return dy > 0.5 * h || dy < -0.5 * h ? dy - h * Math.floor(dy / h + 0.5) : dy;
  }
}

/**
 * Writes [first, last] of one axis into span[at], span[at + 1]: clamped to [0, cells - 1]
 * without wrap; with wrap, first reduced into [0, cells) and last = first + width - 1 with the
 * width capped at one lap.
 */
function spanAxis(span: Int32Array, at: number, lo: number, hi: number, cells: number, wrap: boolean): void {
  if (wrap) {
    if (hi - lo + 1 >= cells) {
      span[at] = 0;
      span[at + 1] = cells - 1;
      return;
    }
    let first = lo % cells;
    if (first < 0) first += cells;
    span[at] = first;
    span[at + 1] = first + (hi - lo);
    return;
  }
  span[at] = lo > 0 ? (lo < cells ? lo : cells - 1) : 0;
  span[at + 1] = hi < cells ? (hi > 0 ? hi : 0) : cells - 1;
}

function requireFinite(where: string, key: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${where}: ${key} must be a finite number, got ${value}`);
}

function requirePositive(where: string, key: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${where}: ${key} must be a finite number > 0, got ${value}`);
  }
}
