import type { RngStream } from '../core/rng';
import { REGION_BLOOD, REGION_PRIMARY, REGIONS, regionOfOrgan } from '../world/regions';
import { placeOnSegment } from '../world/flow';
import { ImmuneType, ImmuneState, PlateletState } from './kinds';
import type { World } from './world';

/** Length of one endothelial segment in µm (vessels are chains of these). */
export const SEGMENT_UM = 20;
/** Base permeability of a healthy vessel segment (0..1). */
export const BASE_PERMEABILITY = 0.1;

/** Puts an agent of an immune or platelet pool at a random point of the circulation. */
function inBlood(world: World, seg: Int32Array, s: Float64Array, x: Float64Array, y: Float64Array, row: number, rng: RngStream): void {
  const segments = world.graph.segments;
  const k = rng.int(segments.length);
  seg[row] = k;
  s[row] = rng.uniform() * segments[k].lengthUm;
  placeOnSegment(world.graph, k, s[row], x, y, row);
}

/** Adds a straight vessel of SEGMENT_UM segments from (ax, ay) to (bx, by) in a region. */
export function addVessel(world: World, region: number, ax: number, ay: number, bx: number, by: number): void {
  const e = world.pools.endothelium;
  const dx = bx - ax;
  const dy = by - ay;
  const n = Math.max(1, Math.round(Math.sqrt(dx * dx + dy * dy) / SEGMENT_UM));
  for (let k = 0; k < n; k++) {
    const r = e.stageSpawn();
    const c = e.cols;
    c.ax[r] = ax + (dx * k) / n;
    c.ay[r] = ay + (dy * k) / n;
    c.bx[r] = ax + (dx * (k + 1)) / n;
    c.by[r] = ay + (dy * (k + 1)) / n;
    c.region[r] = region;
    c.permeability[r] = BASE_PERMEABILITY;
    c.perfused[r] = 1;
    c.parent[r] = -1;
  }
}

/**
 * Places the cascade's tick-0 agents: immune cells (NK and MDSC in blood, CD8 half in blood and
 * half in the primary, macrophages in the primary, B cells in the lymph node and primary),
 * platelets in blood, pre-existing vessels around the primary lesion and along each organ's bed.
 */
export function populateCascade(world: World, rng: RngStream): void {
  const pop = world.config.populations;
  const im = world.pools.immune;
  const primary = REGIONS[REGION_PRIMARY];
  const inRegion = (row: number, region: number) => {
    const r = REGIONS[region];
    im.cols.region[row] = region;
    im.cols.seg[row] = -1;
    im.cols.x[row] = rng.range(r.x0Um, r.x1Um);
    im.cols.y[row] = rng.range(r.y0Um, r.y1Um);
  };
  const add = (type: number, state: number, n: number, where: (row: number, k: number) => void) => {
    for (let k = 0; k < n; k++) {
      const row = im.stageSpawn();
      im.cols.type[row] = type;
      im.cols.state[row] = state;
      im.cols.activation[row] = 1;
      where(row, k);
    }
  };
  const blood = (row: number) => {
    im.cols.region[row] = REGION_BLOOD;
    inBlood(world, im.cols.seg, im.cols.sUm, im.cols.x, im.cols.y, row, rng);
  };
  add(ImmuneType.nk, ImmuneState.active, pop.nkCells, blood);
  add(ImmuneType.cd8, ImmuneState.active, pop.cd8Cells, (row, k) => (k % 2 === 0 ? blood(row) : inRegion(row, REGION_PRIMARY)));
  add(ImmuneType.bcell, ImmuneState.active, pop.bCells, (row, k) => inRegion(row, k % 3 === 0 ? REGION_PRIMARY : regionOfOrgan('lymph-node')));
  add(ImmuneType.macrophage, ImmuneState.m1, pop.macrophages, (row) => inRegion(row, REGION_PRIMARY));
  add(ImmuneType.mdsc, ImmuneState.active, pop.mdscs, blood);
  im.commit();

  const pl = world.pools.platelet;
  for (let k = 0; k < pop.platelets; k++) {
    const row = pl.stageSpawn();
    pl.cols.state[row] = PlateletState.resting;
    pl.cols.bound[row] = -1;
    inBlood(world, pl.cols.seg, pl.cols.sUm, pl.cols.x, pl.cols.y, row, rng);
  }
  pl.commit();

  // Pre-existing vessels run across the primary, away from its (avascular) centre; sprouts
  // toward the VEGF the lesion secretes are what step 2 adds.
  const h = primary.y1Um - primary.y0Um;
  for (let v = 0; v < pop.primaryVessels; v++) {
    const y = primary.y0Um + (h * (v + 0.5)) / pop.primaryVessels;
    const mid = (primary.y0Um + primary.y1Um) / 2;
    const bow = (y < mid ? -1 : 1) * 60;
    addVessel(world, REGION_PRIMARY, primary.x0Um + 10, y, primary.x1Um - 10, y + bow * 0.2);
  }
  // Each organ's capillaries: a few vessels across its tissue (the bed of the circulation map
  // drawn through the middle), so arriving cells lodge near perfused tissue.
  for (let region = 1; region < REGIONS.length; region++) {
    const r = REGIONS[region];
    const bed = world.graph.segments[world.graph.bedOfRegion[region]];
    const rows = Math.max(1, pop.organVessels);
    for (let v = 0; v < rows; v++) {
      const y = r.y0Um + ((r.y1Um - r.y0Um) * (v + 0.5)) / rows;
      addVessel(world, region, bed.ax, y, bed.bx, y);
    }
  }
  world.pools.endothelium.commit();
}
