import { getCargo } from '../../catalog/index';
import { organOfRegion, ORGANS } from '../../world/regions';
import { Stage } from '../kinds';
import { metricIndex } from '../metrics';
import type { ModuleContext } from '../module';

const FIRST = metricIndex('time.firstMetastasis');
/** Colony size (cells) at which a colony counts as a metastasis. */
export const METASTASIS_CELLS = 8;
const NICHE_EFFECTS = new Set(['niche.prime', 'niche.kupffer', 'niche.metabolic', 'tasc.convert', 'homing']);

/**
 * Turns the tumour cell in `row` into the founder of a new colony: stage colonising, a colony
 * record holding the founder's provenance (lineage, clone, when it left, cloak, arrest organ,
 * niche on arrival).
 */
export function foundColony(ctx: ModuleContext, row: number): void {
  const w = ctx.world;
  const c = w.pools.tumour.cols;
  const colonies = w.pools.colony;
  c.stage[row] = Stage.colonising;
  c.stageTick[row] = ctx.tick;
  const k = colonies.stageSpawn();
  const col = colonies.cols;
  col.region[k] = c.region[row];
  col.x[k] = c.x[row];
  col.y[k] = c.y[row];
  col.size[k] = 1;
  col.foundedTick[k] = ctx.tick;
  col.lineage[k] = c.lineage[row];
  col.clone[k] = c.clone[row];
  col.leftTick[k] = c.leftTick[row];
  col.wasCloaked[k] = c.wasCloaked[row];
  col.arrestRegion[k] = c.arrestRegion[row];
  col.arrestNiche[k] = c.arrestNiche[row];
  // Colonies are bookkeeping that nothing iterates mid-phase and none is ever removed, so
  // committing the birth at once (appending a row) is safe and gives the founder its id now.
  colonies.commit();
  c.colony[row] = colonies.id[k];
}

/** Adds `cells` to a colony; when it first reaches METASTASIS_CELLS, records a metastasis event. */
export function recordColonyGrowth(ctx: ModuleContext, colonyRow: number, cells: number): void {
  const w = ctx.world;
  const col = w.pools.colony.cols;
  col.size[colonyRow] += cells;
  if (col.metastasis[colonyRow] || col.size[colonyRow] < METASTASIS_CELLS) return;
  col.metastasis[colonyRow] = 1;
  if (w.counters[FIRST] < 0) w.counters[FIRST] = ctx.tick * ctx.tickHours;
  const region = col.region[colonyRow];
  const organ = organOfRegion(region) ?? 'primary';
  const profile = w.clones[col.clone[colonyRow]].profile;
  const priming = w.cargo.cargoOf(profile).filter((id) => getCargo(id)?.effects.some((e) =>
    NICHE_EFFECTS.has(e.effect) && (!e.organs || (organ !== 'primary' && (e.organs[organ as (typeof ORGANS)[number]] ?? 0) > 0))));
  ctx.emit({
    tick: ctx.tick,
    type: 'metastasis',
    module: 'niche-growth',
    data: {
      organ,
      x: col.x[colonyRow],
      y: col.y[colonyRow],
      colony: w.pools.colony.id[colonyRow],
      lineage: col.lineage[colonyRow],
      clone: col.clone[colonyRow],
      leftTick: col.leftTick[colonyRow],
      cloaked: col.wasCloaked[colonyRow] === 1,
      arrestedIn: organOfRegion(col.arrestRegion[colonyRow]) ?? 'primary',
      nicheOnArrival: col.arrestNiche[colonyRow],
      foundedTick: col.foundedTick[colonyRow],
      primingCargo: priming,
    },
  });
}
