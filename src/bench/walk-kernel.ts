// The peer-comparable "walk" benchmark: the engine's hot path in miniature (move every agent,
// rebuild the neighbour grid, count neighbours) with a workload fixed by agents, ticks and
// seed, so its cost per agent-tick can be compared across machines and implementations.
//
// Workload, exactly (a peer implementation reproducing it gets the same checksum):
//  - a torus of side sqrt(agents / 4) (4 agents per unit area); RNG seedrandom.xor128(seed),
//    each draw u = rng() in [0, 1);
//  - placement, agent by agent: x = u·side, y = u·side, heading = u·2π;
//  - each tick, agent by agent: heading += (2u - 1)·maxTurn with maxTurn = 15·DEG_TO_RAD;
//    x += 0.5·dcos(heading); y += 0.5·dsin(heading); wrap into [0, side);
//  - then every agent counts the other agents with dx² + dy² <= 1, dx and dy being torus
//    minimum images (dx - side when dx > side/2, dx + side when dx < -side/2);
//  - the checksum is the sum of all counts over all 2 + ticks ticks (the 2 warm-up ticks are
//    part of the trajectory; only the timing leaves them out).
// This implementation stores agents in cell order and re-sorts them every tick, for memory
// locality; draws are still consumed in agent-id order, so the trajectory is the one above.

// seedrandom's xor128 module directly: the package index draws an unseeded random number at
// import to seed its default generator, which the test suite forbids (see src/core/xor128.d.ts).
import xor128 from 'seedrandom/lib/xor128.js';
import { DEG_TO_RAD, dsincos } from '../core/detmath';
import { NeighbourGrid } from '../core/neighbour-grid';

/** Result of one walk-kernel run; nsPerAgentTick is wall-clock and the only non-deterministic field. */
export interface WalkKernelResult {
  kernel: 'walk';
  /** Agents simulated. */
  agents: number;
  /** Timed ticks (2 warm-up ticks ran before them). */
  ticks: number;
  /** Wall-clock nanoseconds per agent per timed tick. */
  nsPerAgentTick: number;
  /** Sum over all ticks of every agent's neighbour count within radius 1; deterministic. */
  neighbourChecksum: number;
}

const WARMUP_TICKS = 2;
const AGENTS_PER_UNIT_AREA = 4;
const STEP_UNITS = 0.5;
const MAX_TURN_RAD = 15 * DEG_TO_RAD;
const TWO_PI = 2 * Math.PI;
/** The 3×3-cell neighbourhood visits each cell once only when the torus is >= 4 cells wide. */
const MIN_AGENTS = 4 * 4 * AGENTS_PER_UNIT_AREA;

/** Agent state kept in cell order (slot order), with back buffers for the per-tick re-sort. */
interface Walkers {
  xs: Float64Array;
  ys: Float64Array;
  headings: Float64Array;
  /** Agent id in each slot; the RNG is consumed in id order, so storage order is free. */
  ids: Int32Array;
  backXs: Float64Array;
  backYs: Float64Array;
  backHeadings: Float64Array;
  backIds: Int32Array;
}

/** Runs the walk benchmark: `agents` random walkers on a torus for 2 warm-up + `ticks` timed ticks. */
export function runWalkKernel(agents: number, ticks: number, seed: string): WalkKernelResult {
  if (!Number.isInteger(agents) || agents < MIN_AGENTS || agents > 1 << 28) {
    throw new RangeError(`runWalkKernel: agents must be an integer in [${MIN_AGENTS}, 2^28], got ${agents}`);
  }
  if (!Number.isInteger(ticks) || ticks < 1) {
    throw new RangeError(`runWalkKernel: ticks must be a positive integer, got ${ticks}`);
  }
  const side = Math.sqrt(agents / AGENTS_PER_UNIT_AREA);
  const rng = xor128(seed, { state: true }); // same generator as seedrandom.xor128
  const w: Walkers = {
    xs: new Float64Array(agents),
    ys: new Float64Array(agents),
    headings: new Float64Array(agents),
    ids: new Int32Array(agents),
    backXs: new Float64Array(agents),
    backYs: new Float64Array(agents),
    backHeadings: new Float64Array(agents),
    backIds: new Int32Array(agents),
  };
  for (let i = 0; i < agents; i++) {
    w.xs[i] = rng() * side;
    w.ys[i] = rng() * side;
    w.headings[i] = rng() * TWO_PI;
    w.ids[i] = i;
  }
  const grid = new NeighbourGrid(0, 0, side, side, 1, true, agents);
  const turns = new Float64Array(agents); // this tick's draw per agent id
  const slotTurns = new Float64Array(agents); // the same draws in slot order
  const sinCos = new Float64Array(2);

  let checksum = 0;
  let startMs = 0;
  for (let t = 0; t < WARMUP_TICKS + ticks; t++) {
    if (t === WARMUP_TICKS) startMs = performance.now(); // det-ok: timing only
    for (let id = 0; id < agents; id++) turns[id] = rng();
    // A separate gather loop: its independent random loads overlap, whereas the same load
    // inside the long move loop body stalls it (measured ~15 ns per agent at 1M agents).
    const ids = w.ids;
    for (let slot = 0; slot < agents; slot++) slotTurns[slot] = turns[ids[slot]];
    moveWalkers(w, slotTurns, sinCos, side);
    grid.rebuild(w.xs, w.ys, agents);
    sortByCell(w, grid.order);
    checksum += countNeighbours(grid, w.xs, w.ys, side);
  }
  const elapsedMs = performance.now() - startMs; // det-ok: timing only
  return {
    kernel: 'walk',
    agents,
    ticks,
    nsPerAgentTick: (elapsedMs * 1e6) / (agents * ticks),
    neighbourChecksum: checksum,
  };
}

/** One step for every walker; slotTurns[slot] is the tick's uniform draw for the walker in that slot. */
function moveWalkers(w: Walkers, slotTurns: Float64Array, sinCos: Float64Array, side: number): void {
  const { xs, ys, headings } = w;
  for (let slot = 0; slot < xs.length; slot++) {
    const h = headings[slot] + (slotTurns[slot] * 2 - 1) * MAX_TURN_RAD;
    headings[slot] = h;
    dsincos(h, sinCos, 0); // bit-identical to dsin(h), dcos(h)
    let x = xs[slot] + STEP_UNITS * sinCos[1];
    let y = ys[slot] + STEP_UNITS * sinCos[0];
    // A step is shorter than the side, so one correction suffices; the second test catches
    // a tiny negative that rounds up to exactly `side` when `side` is added.
    if (x < 0) x += side;
    if (x >= side) x -= side;
    if (y < 0) y += side;
    if (y >= side) y -= side;
    xs[slot] = x;
    ys[slot] = y;
  }
}

/**
 * Rewrites the walkers in the grid's cell order. Walkers were in cell order last tick and move
 * less than a cell, so this is a near-sequential copy, and it is what keeps 1M agents from
 * paying a cache (and TLB) miss per agent in the rebuild and in the neighbour loop.
 */
function sortByCell(w: Walkers, order: Int32Array): void {
  const { xs, ys, headings, ids, backXs, backYs, backHeadings, backIds } = w;
  for (let k = 0; k < xs.length; k++) {
    const slot = order[k];
    backXs[k] = xs[slot];
    backYs[k] = ys[slot];
    backHeadings[k] = headings[slot];
    backIds[k] = ids[slot];
  }
  w.xs = backXs;
  w.ys = backYs;
  w.headings = backHeadings;
  w.ids = backIds;
  w.backXs = xs;
  w.backYs = ys;
  w.backHeadings = headings;
  w.backIds = ids;
}

/**
 * Sum over agents of the number of other agents within distance 1, cell by cell: each cell's
 * agents against the 3 neighbouring rows of its 3×3 block, a row being one contiguous slice of
 * the cell-sorted arrays. Wrapped neighbours get ±side added to dx (dy) after the subtraction,
 * which is exactly the minimum-image correction.
 */
function countNeighbours(grid: NeighbourGrid, sortedX: Float64Array, sortedY: Float64Array, side: number): number {
  const start = grid.cellStart;
  const cellsX = grid.cellsX;
  const cellsY = grid.cellsY;
  let total = 0;
  for (let row = 0; row < cellsY; row++) {
    for (let dr = -1; dr <= 1; dr++) {
      let nRow = row + dr;
      let shiftY = 0;
      if (nRow < 0) {
        nRow += cellsY;
        shiftY = -side;
      } else if (nRow >= cellsY) {
        nRow -= cellsY;
        shiftY = side;
      }
      const nBase = nRow * cellsX;
      const base = row * cellsX;
      // Border columns: the wrapped neighbour column is a separate slice with a shift.
      total += pairs(sortedX, sortedY, start[base], start[base + 1],
        start[nBase], start[nBase + 2], 0, shiftY);
      total += pairs(sortedX, sortedY, start[base], start[base + 1],
        start[nBase + cellsX - 1], start[nBase + cellsX], -side, shiftY);
      for (let col = 1; col < cellsX - 1; col++) {
        total += pairs(sortedX, sortedY, start[base + col], start[base + col + 1],
          start[nBase + col - 1], start[nBase + col + 2], 0, shiftY);
      }
      const last = base + cellsX - 1;
      total += pairs(sortedX, sortedY, start[last], start[last + 1],
        start[nBase + cellsX - 2], start[nBase + cellsX], 0, shiftY);
      total += pairs(sortedX, sortedY, start[last], start[last + 1],
        start[nBase], start[nBase + 1], side, shiftY);
    }
  }
  return total - grid.count; // every agent found itself at distance 0
}

/** Pairs (a in [a0, a1), b in [b0, b1)) with (xb - xa + shiftX)² + (yb - ya + shiftY)² <= 1. */
function pairs(
  sx: Float64Array,
  sy: Float64Array,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  shiftX: number,
  shiftY: number,
): number {
  let found = 0;
  for (let a = a0; a < a1; a++) {
    const xa = sx[a];
    const ya = sy[a];
    for (let b = b0; b < b1; b++) {
      const dx = sx[b] - xa + shiftX;
      const dy = sy[b] - ya + shiftY;
      // Branch-free on purpose: about a third of candidates hit, so an `if` mispredicts
      // constantly; V8 turns +(boolean) into a flag move, which measured 3× faster here.
      found += +(dx * dx + dy * dy <= 1);
    }
  }
  return found;
}
