import { NeighbourGrid } from '../core/neighbour-grid';
import { REGION_BLOOD, WORLD_SIZE_UM } from '../world/regions';
import type { stromaPool, tumourPool } from './kinds';

/** Which pool a cell in the uptake grid belongs to: a tumour cell. */
export const UPTAKE_TUMOUR = 0;
/** Which pool a cell in the uptake grid belongs to: a resident stromal cell. */
export const UPTAKE_STROMA = 1;

/**
 * Edge of the uptake grid's cells, µm: about the default uptake reach (15 µm), so a packet's
 * nearest-cell search visits 3 × 3 cells. The grid spans the world and is rebuilt twice a tick
 * at a cost proportional to its cell count; 8 µm cells (5 × 5 visited, 4× the cells) made the
 * rebuild 15% of a default run, and 16 µm measured faster than 12 or 24. Queries do not depend
 * on it: both users take the nearest (ties to the lower index) or a count within a radius.
 */
export const UPTAKE_CELL_UM = 16;

/**
 * The cells that can take up exosomes (tumour cells in tissue, residents): their positions,
 * which pool and row each came from, and a neighbour grid over them; rebuilt every tick.
 *
 * Kept apart from the World on purpose: its arrays are replaced when they grow, and V8 then
 * throws away the optimised code that read fields of the object holding them. Here that is
 * the two modules that use the index, not every module that reads the world.
 */
export class UptakeIndex {
  /** Cells of UPTAKE_CELL_UM over the whole world. */
  readonly grid: NeighbourGrid;
  /** Positions (µm) of the indexed cells; first `count` entries valid. */
  xs: Float64Array;
  ys: Float64Array;
  /** UPTAKE_TUMOUR or UPTAKE_STROMA per indexed cell. */
  pool: Uint8Array;
  /** Row of each indexed cell in its pool (valid until the next commit). */
  row: Int32Array;
  /** Per indexed cell: packets it took up this tick, and their niche-building strength (exosome-uptake's tallies, cleared by it each step). */
  got: Float64Array;
  nicheSum: Float64Array;
  /** Cells indexed by the last rebuild. */
  count = 0;

  /** An index with room for `capacity` cells before its arrays must grow. */
  constructor(capacity: number) {
    this.grid = new NeighbourGrid(0, 0, WORLD_SIZE_UM.width, WORLD_SIZE_UM.height, UPTAKE_CELL_UM, false, capacity);
    this.xs = new Float64Array(capacity);
    this.ys = new Float64Array(capacity);
    this.pool = new Uint8Array(capacity);
    this.row = new Int32Array(capacity);
    this.got = new Float64Array(capacity);
    this.nicheSum = new Float64Array(capacity);
  }
}

/**
 * Collects the cells that can take up exosomes (tumour cells in tissue, residents) with their
 * current rows and positions, and rebuilds the neighbour grid over them. Rows change at every
 * commit, so whoever reads `row` must rebuild after the last commit before it.
 */
export function rebuildUptakeGrid(u: UptakeIndex, t: ReturnType<typeof tumourPool>, s: ReturnType<typeof stromaPool>): void {
  const need = t.count + s.count;
  if (u.xs.length < need) {
    const cap = Math.max(need, u.xs.length * 2);
    u.xs = new Float64Array(cap);
    u.ys = new Float64Array(cap);
    u.pool = new Uint8Array(cap);
    u.row = new Int32Array(cap);
    u.got = new Float64Array(cap);
    u.nicheSum = new Float64Array(cap);
  }
  const { xs, ys, pool, row } = u;
  let k = 0;
  for (let i = 0; i < t.count; i++) {
    if (t.cols.region[i] === REGION_BLOOD) continue;
    xs[k] = t.cols.x[i];
    ys[k] = t.cols.y[i];
    pool[k] = UPTAKE_TUMOUR;
    row[k++] = i;
  }
  for (let i = 0; i < s.count; i++) {
    xs[k] = s.cols.x[i];
    ys[k] = s.cols.y[i];
    pool[k] = UPTAKE_STROMA;
    row[k++] = i;
  }
  u.count = k;
  u.grid.rebuild(xs, ys, k);
}
