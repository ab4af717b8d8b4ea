import type { RngStream } from '../core/rng';
import { ORGANS, REGION_PRIMARY, REGIONS, regionOfOrgan, type Organ } from '../world/regions';
import { ExosomeSource, Stage, StromaType } from './kinds';
import type { World } from './world';
import { populateCascade } from './populate-cascade';

/** Resident stromal cell types of each organ, in the order they are dealt out. */
export const RESIDENT_TYPES: Readonly<Record<Organ, readonly number[]>> = {
  lung: [StromaType.fibroblast, StromaType.epithelial],
  liver: [StromaType.kupffer, StromaType.stellate],
  bone: [StromaType.osteoblast, StromaType.osteoclast, StromaType.fibroblast],
  brain: [StromaType.microglia, StromaType.endothelial, StromaType.neuron],
  'lymph-node': [StromaType.lymphStroma],
};

/** Tumour-cell packing density used to size the initial lesion (cells per µm²). */
const LESION_DENSITY = 1 / 150;

/**
 * Places the tick-0 agents: a round primary lesion, resident cells spread over each organ, and
 * any initial exosomes (half in the primary tissue, half spread over the circulation). Draws only
 * from the given `setup` stream.
 */
export function populate(world: World, rng: RngStream): void {
  const pop = world.config.populations;
  const primary = REGIONS[REGION_PRIMARY];
  const cx = (primary.x0Um + primary.x1Um) / 2;
  const cy = (primary.y0Um + primary.y1Um) / 2;
  const radius = Math.sqrt(pop.tumourCells / LESION_DENSITY / Math.PI);
  const t = world.pools.tumour;
  for (let k = 0; k < pop.tumourCells; k++) {
    const r = t.stageSpawn();
    const c = t.cols;
    // Uniform in a disc: radius ∝ sqrt(u).
    const rr = radius * Math.sqrt(rng.uniform());
    const dir = rng.direction(new Float64Array(2));
    c.x[r] = cx + rr * dir[0];
    c.y[r] = cy + rr * dir[1];
    c.region[r] = REGION_PRIMARY;
    c.seg[r] = -1;
    c.stage[r] = Stage.primary;
    c.lineage[r] = k;
    c.leftTick[r] = -1;
    c.colony[r] = -1;
    c.invadeTick[r] = -1;
    c.arrestTick[r] = -1;
    c.exitTick[r] = -1;
  }
  t.commit();

  const s = world.pools.stroma;
  for (let k = 0; k < pop.primaryFibroblasts; k++) {
    const r = s.stageSpawn();
    const c = s.cols;
    c.x[r] = rng.range(primary.x0Um, primary.x1Um);
    c.y[r] = rng.range(primary.y0Um, primary.y1Um);
    c.region[r] = REGION_PRIMARY;
    c.type[r] = StromaType.fibroblast;
  }
  for (const organ of ORGANS) {
    const region = REGIONS[regionOfOrgan(organ)];
    const types = RESIDENT_TYPES[organ];
    for (let k = 0; k < pop.residentsPerOrgan; k++) {
      const r = s.stageSpawn();
      const c = s.cols;
      c.x[r] = rng.range(region.x0Um, region.x1Um);
      c.y[r] = rng.range(region.y0Um, region.y1Um);
      c.region[r] = region.id;
      c.type[r] = types[k % types.length];
    }
  }
  s.commit();

  // Initial packets (benchmarks) spread evenly over the tissues: in the blood they would be
  // gone within the first tick, which it crosses in minutes.
  const ex = world.pools.exosome;
  const profile = world.clones[0].profile;
  for (let k = 0; k < pop.initialExosomes; k++) {
    const r = ex.stageSpawn();
    const c = ex.cols;
    const region = REGIONS[k % REGIONS.length];
    c.profile[r] = profile;
    c.source[r] = ExosomeSource.tumour;
    c.region[r] = region.id;
    c.seg[r] = -1;
    c.x[r] = rng.range(region.x0Um, region.x1Um);
    c.y[r] = rng.range(region.y0Um, region.y1Um);
  }
  ex.commit();
  populateCascade(world, rng);
}
