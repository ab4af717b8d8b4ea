import { getCargo } from '../catalog/index';
import { organOfRegion, ORGANS } from '../world/regions';
import type { CargoTables } from './cargo-tables';
import type { SimEvent } from './events';
import { type colonyPool, type tumourPool } from './kinds';
import { metricIndex } from './metrics';
import type { Clone } from './world';

const FIRST = metricIndex('time.firstMetastasis');
/** Colony size (cells) at which a colony counts as a metastasis. */
export const METASTASIS_CELLS = 8;
const NICHE_EFFECTS = new Set(['niche.prime', 'niche.kupffer', 'niche.metabolic', 'tasc.convert', 'homing']);

/** What colony bookkeeping needs from a module's context. */
export interface ColonyContext {
  readonly pools: { readonly tumour: ReturnType<typeof tumourPool>; readonly colony: ReturnType<typeof colonyPool> };
  readonly cargo: CargoTables;
  readonly clones: readonly Clone[];
  readonly counters: Float64Array;
  readonly tick: number;
  readonly tickHours: number;
  emit(event: SimEvent): void;
}

/**
 * Stages a new colony founded by the tumour cell in live row `row`: a colony record holding the
 * founder's provenance (lineage, clone, when it left, cloak, arrest organ, niche on arrival).
 * `exitTick` is when the founder extravasated. Returns the colony's id, for the founder's staged
 * transfer to point at.
 */
export function stageColony(ctx: ColonyContext, row: number, exitTick: number): number {
  const c = ctx.pools.tumour.cols;
  const colonies = ctx.pools.colony;
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
  col.invadeTick[k] = c.invadeTick[row];
  col.arrestTick[k] = c.arrestTick[row];
  col.exitTick[k] = exitTick;
  col.shedFrom[k] = c.shedFrom[row];
  return colonies.id[k];
}

/** Adds `cells` to a live colony; when it first reaches METASTASIS_CELLS, records a metastasis event. */
export function recordColonyGrowth(ctx: ColonyContext, colonyRow: number, cells: number): void {
  const colonies = ctx.pools.colony;
  const col = colonies.cols;
  col.size[colonyRow] += cells;
  if (col.metastasis[colonyRow] || col.size[colonyRow] < METASTASIS_CELLS) return;
  col.metastasis[colonyRow] = 1;
  if (ctx.counters[FIRST] < 0) ctx.counters[FIRST] = ctx.tick * ctx.tickHours;
  const region = col.region[colonyRow];
  const organ = organOfRegion(region) ?? 'primary';
  const profile = ctx.clones[col.clone[colonyRow]].profile;
  const priming = ctx.cargo.cargoOf(profile).filter((id) => getCargo(id)?.effects.some((e) =>
    NICHE_EFFECTS.has(e.effect) && (!e.organs || (organ !== 'primary' && (e.organs[organ as (typeof ORGANS)[number]] ?? 0) > 0))));
  ctx.emit({
    tick: ctx.tick,
    type: 'metastasis',
    module: 'colonisation',
    data: {
      organ,
      x: col.x[colonyRow],
      y: col.y[colonyRow],
      colony: colonies.id[colonyRow],
      lineage: col.lineage[colonyRow],
      clone: col.clone[colonyRow],
      leftTick: col.leftTick[colonyRow],
      shedFrom: organOfRegion(col.shedFrom[colonyRow]) ?? 'primary',
      cloaked: col.wasCloaked[colonyRow] === 1,
      arrestedIn: organOfRegion(col.arrestRegion[colonyRow]) ?? 'primary',
      nicheOnArrival: col.arrestNiche[colonyRow],
      invadedTick: col.invadeTick[colonyRow],
      arrestedTick: col.arrestTick[colonyRow],
      extravasatedTick: col.exitTick[colonyRow],
      foundedTick: col.foundedTick[colonyRow],
      primingCargo: priming,
    },
  });
}
