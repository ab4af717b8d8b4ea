import { placeOnSegment } from '../world/flow';
import { REGION_BLOOD, REGION_PRIMARY } from '../world/regions';
import { nextSegment, type VesselGraph } from '../world/vessels';
import { type colonyPool, Stage, type tumourPool } from './kinds';

/** What moving a tumour cell into the circulation needs from a module's context. */
export interface EnterBloodContext {
  readonly pools: { readonly tumour: ReturnType<typeof tumourPool> };
  readonly graph: VesselGraph;
  readonly tick: number;
}

/** What shedding a colony cell needs: the above and the colonies. */
export interface ShedContext extends EnterBloodContext {
  readonly pools: { readonly tumour: ReturnType<typeof tumourPool>; readonly colony: ReturnType<typeof colonyPool> };
}

/** Columns of a staged tumour row that start a ride in the blood. */
type RideColumns = ReturnType<typeof tumourPool>['cols'];

/**
 * Starts the ride of staged row `k` of `m` at the start of segment `seg`, `enteredH` hours into
 * the tick (the transit module then gives it the rest of the tick), shed from region `from`.
 */
function startRide(ctx: EnterBloodContext, m: RideColumns, k: number, seg: number, enteredH: number, from: number): void {
  m.stage[k] = Stage.circulating;
  m.region[k] = REGION_BLOOD;
  m.seg[k] = seg;
  m.sUm[k] = 0;
  m.leftTick[k] = ctx.tick;
  m.stageTick[k] = ctx.tick;
  m.shedFrom[k] = from;
  m.carryH[k] = -enteredH;
  placeOnSegment(ctx.graph, seg, 0, m.x, m.y, k);
}

/**
 * Stages a cell shed by the primary tumour cell in live row `row` into the blood or lymph at the
 * start of segment `seg`, `enteredH` hours into the tick: a copy of the cell (its clone, EMT
 * level, internalised cargo and path so far) rides while the cell stays. A primary agent stands
 * for many cells — a real primary sheds ~10⁻⁴ of its cells per hour (Butler & Gullino 1975) and
 * is not emptied by it — so shedding does not deplete it. Pool columns may be replaced: re-read
 * them after the call.
 */
export function shedFromPrimary(ctx: EnterBloodContext, row: number, seg: number, enteredH: number): void {
  const t = ctx.pools.tumour;
  const k = t.stageSpawn();
  t.copyRow(k, row);
  const c = t.cols;
  c.bornTick[k] = ctx.tick;
  // A cell shed by an epithelial agent left passively: it never invaded, even if the agent once did.
  if (c.stage[k] !== Stage.invading) c.invadeTick[k] = -1;
  startRide(ctx, c, k, seg, enteredH, REGION_PRIMARY);
}

/**
 * Stages the colony cell in live row `row` leaving its organ into the blood that drains the
 * organ's capillary bed (a secondary tumour's CTC), `enteredH` hours into the tick; `u` picks the
 * branch after the bed. The cell leaves its colony, which shrinks by one.
 */
export function shedIntoBlood(ctx: ShedContext, row: number, enteredH: number, u: number): void {
  const t = ctx.pools.tumour;
  const region = t.cols.region[row];
  const colonyRow = ctx.pools.colony.rowOf(t.cols.colony[row]);
  if (colonyRow >= 0) ctx.pools.colony.cols.size[colonyRow]--;
  const bed = ctx.graph.segments[ctx.graph.bedOfRegion[region]];
  const k = t.stageTransfer(row);
  startRide(ctx, t.moving, k, nextSegment(ctx.graph, bed.to, u), enteredH, region);
  // A colony cell has no cloak (platelets let go of a cell once it leaves the blood); its new ride
  // starts uncloaked in the record too.
  const m = t.moving;
  m.colony[k] = -1;
  m.wasCloaked[k] = 0;
}
