import xor128 from 'seedrandom/lib/xor128.js';
import { describe, expect, it } from 'vitest';
import { NeighbourGrid } from '../src/core/neighbour-grid';

interface Layout {
  xs: Float64Array;
  ys: Float64Array;
  count: number;
}

/**
 * Random agents over the rectangle, some placed outside it (they must be clamped or wrapped)
 * and some exactly on top of others (ties for `nearest`).
 */
function randomLayout(seed: string, count: number, ox: number, oy: number, w: number, h: number): Layout {
  const rng = xor128(seed, { state: true });
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    if (i > 10 && rng() < 0.05) {
      const twin = Math.floor(rng() * i);
      xs[i] = xs[twin];
      ys[i] = ys[twin];
      continue;
    }
    const outside = rng() < 0.05;
    xs[i] = ox + (outside ? (rng() * 1.6 - 0.3) * w : rng() * w);
    ys[i] = oy + (outside ? (rng() * 1.6 - 0.3) * h : rng() * h);
  }
  return { xs, ys, count };
}

/** The documented minimum image: applied only when |d| exceeds half the period. */
function minimumImage(d: number, period: number): number {
  return d > 0.5 * period || d < -0.5 * period ? d - period * Math.floor(d / period + 0.5) : d;
}

function bruteDistance2(grid: NeighbourGrid, l: Layout, j: number, x: number, y: number): number {
  let dx = l.xs[j] - x;
  let dy = l.ys[j] - y;
  if (grid.wrap) {
    dx = minimumImage(dx, grid.width);
    dy = minimumImage(dy, grid.height);
  }
  return dx * dx + dy * dy;
}

function bruteCount(grid: NeighbourGrid, l: Layout, x: number, y: number, r: number, exclude: number): number {
  let n = 0;
  for (let j = 0; j < l.count; j++) if (j !== exclude && bruteDistance2(grid, l, j, x, y) <= r * r) n++;
  return n;
}

function bruteNearest(grid: NeighbourGrid, l: Layout, x: number, y: number, r: number, exclude: number): number {
  let best = -1;
  let bestD2 = Infinity;
  for (let j = 0; j < l.count; j++) {
    if (j === exclude) continue;
    const d2 = bruteDistance2(grid, l, j, x, y);
    if (d2 <= r * r && d2 < bestD2) {
      best = j;
      bestD2 = d2;
    }
  }
  return best;
}

function bruteMax(grid: NeighbourGrid, l: Layout, x: number, y: number, r: number, values: Float64Array): number {
  let best = -Infinity;
  for (let j = 0; j < l.count; j++) if (bruteDistance2(grid, l, j, x, y) <= r * r && values[j] > best) best = values[j];
  return best;
}

interface Mismatches {
  count: number;
  nearest: number;
  max: number;
  queries: number;
  hits: number;
}

/** Compares both queries with brute force at every agent and at extra random points. */
function compareWithBruteForce(grid: NeighbourGrid, l: Layout, radius: number, seed: string): Mismatches {
  const rng = xor128(seed, { state: true });
  const result: Mismatches = { count: 0, nearest: 0, max: 0, queries: 0, hits: 0 };
  const values = Float64Array.from({ length: l.count }, () => rng());
  const extra = 200;
  for (let q = 0; q < l.count + extra; q++) {
    const atAgent = q < l.count;
    const x = atAgent ? l.xs[q] : grid.originX + (rng() * 1.4 - 0.2) * grid.width;
    const y = atAgent ? l.ys[q] : grid.originY + (rng() * 1.4 - 0.2) * grid.height;
    const exclude = atAgent ? q : -1;
    const want = bruteCount(grid, l, x, y, radius, exclude);
    if (grid.countWithin(x, y, radius, l.xs, l.ys, exclude) !== want) result.count++;
    if (grid.nearest(x, y, radius, l.xs, l.ys, exclude) !== bruteNearest(grid, l, x, y, radius, exclude)) {
      result.nearest++;
    }
    if (grid.maxWithin(x, y, radius, l.xs, l.ys, values) !== bruteMax(grid, l, x, y, radius, values)) result.max++;
    result.queries++;
    result.hits += want;
  }
  return result;
}

describe('NeighbourGrid queries equal brute force', () => {
  const ox = -37.5;
  const oy = 12.25;
  const w = 100;
  const h = 61.3; // not a multiple of the cell size: cells are stretched to tile it
  for (const wrap of [false, true]) {
    for (const [label, radius] of [
      ['radius < cell', 1.7],
      ['radius = cell', 5],
      ['radius > cell', 12.9],
      ['radius > half the rectangle', 70],
    ] as const) {
      it(`wrap=${wrap}, ${label}: countWithin, nearest and maxWithin agree with brute force at every query`, () => {
        const grid = new NeighbourGrid(ox, oy, w, h, 5, wrap);
        const layout = randomLayout(`layout-${wrap}-${radius}`, 1500, ox, oy, w, h);
        grid.rebuild(layout.xs, layout.ys, layout.count);
        const m = compareWithBruteForce(grid, layout, radius, `queries-${wrap}-${radius}`);
        expect(m).toEqual({ count: 0, nearest: 0, max: 0, queries: 1700, hits: m.hits });
        expect(m.hits).toBeGreaterThan(m.queries); // the comparison is not vacuous
      });
    }
  }

  it('nearest breaks exact distance ties towards the lower index', () => {
    const grid = new NeighbourGrid(0, 0, 10, 10, 1, false);
    // Agents 3 and 1 are both exactly 2 away from the query point; 5 sits on top of 1.
    const xs = new Float64Array([9, 7, 0, 3, 9, 7]);
    const ys = new Float64Array([9, 5, 0, 5, 0, 5]);
    grid.rebuild(xs, ys, 6);
    expect(grid.nearest(5, 5, 3, xs, ys, -1)).toBe(1);
    expect(grid.nearest(5, 5, 3, xs, ys, 1)).toBe(3);
    expect(grid.nearest(7, 5, 0, xs, ys, -1)).toBe(1);
    expect(grid.countWithin(7, 5, 0, xs, ys, -1)).toBe(2);
  });

  it('the distance test is inclusive: an agent exactly at the radius counts', () => {
    const grid = new NeighbourGrid(0, 0, 10, 10, 1, true);
    const xs = new Float64Array([3, 7]);
    const ys = new Float64Array([4, 6]);
    grid.rebuild(xs, ys, 2);
    expect(grid.countWithin(0, 0, 5, xs, ys, -1)).toBe(2); // (3,4) at 5; (7,6) at 5 via the wrap
    expect(grid.countWithin(0, 0, 4.999, xs, ys, -1)).toBe(0);
  });

  it('a NaN or negative radius finds nothing', () => {
    const grid = new NeighbourGrid(0, 0, 10, 10, 1);
    const xs = new Float64Array([1]);
    const ys = new Float64Array([1]);
    grid.rebuild(xs, ys, 1);
    expect([grid.countWithin(1, 1, NaN, xs, ys, -1), grid.countWithin(1, 1, -1, xs, ys, -1)]).toEqual([0, 0]);
    expect([grid.nearest(1, 1, NaN, xs, ys, -1), grid.nearest(NaN, 1, 5, xs, ys, -1)]).toEqual([-1, -1]);
  });
});

describe('NeighbourGrid rebuild', () => {
  it('order is a permutation of the agents, sorted by cell and by index within a cell', () => {
    const grid = new NeighbourGrid(0, 0, 50, 30, 4, false);
    const layout = randomLayout('perm', 3000, 0, 0, 50, 30);
    grid.rebuild(layout.xs, layout.ys, layout.count);
    const seen = new Uint8Array(layout.count);
    let outOfPlace = 0;
    for (let c = 0; c < grid.cellCount; c++) {
      for (let k = grid.cellStart[c]; k < grid.cellStart[c + 1]; k++) {
        const i = grid.order[k];
        seen[i]++;
        if (grid.agentCell[i] !== c || grid.cellIndexOf(layout.xs[i], layout.ys[i]) !== c) outOfPlace++;
        if (k > grid.cellStart[c] && grid.order[k - 1] >= i) outOfPlace++;
      }
    }
    expect(grid.cellStart[0]).toBe(0);
    expect(grid.cellStart[grid.cellCount]).toBe(layout.count);
    expect(seen.every((v) => v === 1)).toBe(true);
    expect(outOfPlace).toBe(0);
  });

  it('clamps outside agents into border cells without wrap, and wraps them with wrap', () => {
    const clamped = new NeighbourGrid(0, 0, 10, 10, 1, false);
    const wrapped = new NeighbourGrid(0, 0, 10, 10, 1, true);
    expect(clamped.cellIndexOf(-3.5, 12)).toBe(9 * 10 + 0);
    expect(wrapped.cellIndexOf(-3.5, 12)).toBe(2 * 10 + 6);
    expect(wrapped.cellIndexOf(10, -1e-18)).toBe(9 * 10 + 0); // -1e-18 + 10 rounds to 10: last row
  });

  it('stretches cells so they tile the rectangle, never below the requested size', () => {
    const grid = new NeighbourGrid(0, 0, 61.3, 20, 5);
    expect([grid.cellsX, grid.cellsY]).toEqual([12, 4]);
    expect(grid.cellWidth).toBeCloseTo(61.3 / 12, 12);
    expect(grid.cellWidth).toBeGreaterThanOrEqual(5);
  });

  it('grows past its capacity and keeps answering like brute force', () => {
    const grid = new NeighbourGrid(0, 0, 40, 40, 2, true, 8);
    const small = randomLayout('grow', 8, 0, 0, 40, 40);
    grid.rebuild(small.xs, small.ys, small.count);
    const big = randomLayout('grow-big', 2500, 0, 0, 40, 40);
    grid.rebuild(big.xs, big.ys, big.count);
    expect(grid.order.length).toBeGreaterThanOrEqual(2500);
    const m = compareWithBruteForce(grid, big, 3.1, 'grow-queries');
    expect([m.count, m.nearest]).toEqual([0, 0]);
  });

  it('reuses its buffers when the count does not grow (no allocation per rebuild)', () => {
    const grid = new NeighbourGrid(0, 0, 40, 40, 2, false, 4096);
    const l = randomLayout('reuse', 4000, 0, 0, 40, 40);
    const order = grid.order;
    const agentCell = grid.agentCell;
    grid.rebuild(l.xs, l.ys, 4000);
    grid.rebuild(l.xs, l.ys, 1000);
    expect(grid.order).toBe(order);
    expect(grid.agentCell).toBe(agentCell);
    expect(grid.cellStart[grid.cellCount]).toBe(1000);
  });

  it('rejects bad geometry and counts with errors naming the parameter', () => {
    expect(() => new NeighbourGrid(0, 0, 0, 10, 1)).toThrow(/width/);
    expect(() => new NeighbourGrid(0, NaN, 10, 10, 1)).toThrow(/originY/);
    expect(() => new NeighbourGrid(0, 0, 10, 10, -1)).toThrow(/cellSize/);
    const grid = new NeighbourGrid(0, 0, 10, 10, 1);
    expect(() => grid.rebuild(new Float64Array(3), new Float64Array(3), 4)).toThrow(/count/);
  });
});
