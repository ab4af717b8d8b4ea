import { eventWithin, rateFromHalfTime, waitingHours } from '../../core/rates';
import { REGION_PRIMARY, REGIONS } from '../../world/regions';
import { clampX, clampY } from '../../world/tissue';
import { Stage } from '../kinds';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';

const BORN = metricIndex('cells.born');
const DIED = metricIndex('cells.died');

/**
 * Proliferation and death of tumour cells in the primary: logistic growth toward the region's
 * carrying capacity with contact inhibition (crowded cells do not divide); cells secrete VEGF.
 */
export const tumourGrowth = defineModule({
  id: 'tumour-growth',
  doc: 'Primary tumour cells divide (logistic, contact-inhibited), die, and secrete VEGF.',
  phase: 'act',
  everyTicks: 1,
  needs: { pools: ['tumour'], fields: true, uptake: true },
  params: {
    doublingTimeHours: {
      default: 36, min: 1, max: 10000, range: [15, 72], unit: 'hours', doc: 'cell-cycle doubling time without crowding',
      source: 'carcinoma lines in culture double in ~15–34 h (MDA-MB-231, MCF-7 ~15 h; 184-B5 34 h; Table 1 of a breast-model study) → cycle time without crowding; clinical volume doubling (66–521 d, Zhang et al. 2017) reflects cell loss, not the cycle',
    },
    deathRatePerHour: {
      default: 0.002, min: 0, max: 1, range: [0.0002, 0.02], unit: 'per hour', doc: 'baseline death hazard of tumour cells in tissue',
      source: 'schematic: no direct per-cell death rate found; breast tumours double in volume in 66–521 days (Zhang et al. 2017, Med Sci Monit) against a 1–2 day cycle, so in vivo loss nearly balances division; here crowding does most of that, leaving ~5%/day baseline death',
    },
    capacityCells: {
      default: 1200, min: 1, max: 1e7, range: [600, 2400], unit: 'cells', integer: true, doc: 'carrying capacity of the primary region',
      source: 'model resolution: bounds the primary so runs stay small',
    },
    crowdingRadiusUm: {
      default: 12, min: 0, max: 200, range: [8, 20], unit: 'µm', doc: 'radius within which neighbours count for contact inhibition',
      source: 'schematic: about one cell diameter',
    },
    maxNeighbours: {
      default: 5, min: 0, max: 100, range: [3, 8], unit: 'cells', integer: true, doc: 'a cell with more cells than this within the crowding radius (itself included) does not divide',
      source: 'schematic: contact inhibition; with ~6 touching neighbours in a 2D packing, a threshold of 5 (self included) stops division of a cell that is nearly surrounded',
    },
    daughterOffsetUm: {
      default: 8, min: 0, max: 100, range: [4, 12], unit: 'µm', doc: 'distance of a daughter cell from its mother',
      source: 'model resolution: half a cell diameter',
    },
    vegfSecretionPerHour: {
      default: 0.05, min: 0, max: 100, range: [0.005, 0.5], unit: 'units per cell per hour', doc: 'VEGF each primary tumour cell secretes',
      source: 'schematic: VEGF fields are in arbitrary units (only secretion/decay ratios matter); compartment models use ~0.1 VEGF165 molecules per cell per second (Stefanini et al. 2008, BMC Syst Biol), which has no field-unit equivalent here',
    },
  },
  step(ctx, p) {
    const t = ctx.pools.tumour;
    let c = t.cols;
    const region = REGIONS[REGION_PRIMARY];
    const vegf = ctx.regions[REGION_PRIMARY].fields.vegf;
    const uptake = ctx.uptake;
    let primary = 0;
    for (let i = 0; i < t.count; i++) if (c.stage[i] === Stage.primary && c.region[i] === REGION_PRIMARY) primary++;
    const crowd = 1 - primary / p.capacityCells;
    const divide = rateFromHalfTime(p.doublingTimeHours) * (crowd > 0 ? crowd : 0);
    const die = p.deathRatePerHour;
    const vegfPerTick = p.vegfSecretionPerHour * ctx.tickHours;
    const dir = new Float64Array(2);
    let born = 0;
    let died = 0;
    const n = t.count;
    for (let i = 0; i < n; i++) {
      if (c.region[i] !== REGION_PRIMARY || c.stage[i] !== Stage.primary) continue;
      vegf.deposit(c.x[i], c.y[i], vegfPerTick);
      // Division and death compete through the part of the tick the cell lived (a daughter born
      // last tick is owed the rest of that tick); a cell may divide more than once in a long tick.
      const hours = ctx.tickHours + c.carryH[i];
      c.carryH[i] = 0;
      const crowded = uptake.grid.countWithin(c.x[i], c.y[i], p.crowdingRadiusUm, uptake.xs, uptake.ys, -1) > p.maxNeighbours;
      const birth = crowded ? 0 : divide;
      // Most cells have no event this tick: eventWithin decides that without a logarithm.
      const u0 = ctx.rng.uniform();
      if (eventWithin(birth + die, hours, u0)) for (let at = waitingHours(birth + die, u0); at < hours; at += waitingHours(birth + die, ctx.rng.uniform())) {
        if (ctx.rng.uniform() * (birth + die) < die) {
          t.stageRemove(i);
          died++;
          break;
        }
        born++;
        spawnDaughter(i, hours - at);
      }
    }
    ctx.counters[BORN] += born;
    ctx.counters[DIED] += died;

    /** Stages a daughter of the cell in row `i`, owed `owedHours` of this tick. */
    function spawnDaughter(i: number, owedHours: number): void {
      ctx.rng.direction(dir);
      const d = t.stageSpawn();
      const cols = (c = t.cols); // stageSpawn may have grown (replaced) the columns
      cols.x[d] = clampX(region, cols.x[i] + dir[0] * p.daughterOffsetUm);
      cols.y[d] = clampY(region, cols.y[i] + dir[1] * p.daughterOffsetUm);
      cols.region[d] = REGION_PRIMARY;
      cols.seg[d] = -1;
      cols.emt[d] = cols.emt[i];
      cols.stage[d] = Stage.primary;
      cols.clone[d] = cols.clone[i];
      cols.lineage[d] = cols.lineage[i];
      cols.bornTick[d] = ctx.tick;
      cols.leftTick[d] = -1;
      cols.stageTick[d] = ctx.tick;
      cols.colony[d] = -1;
      cols.invadeTick[d] = -1;
      cols.arrestTick[d] = -1;
      cols.exitTick[d] = -1;
      cols.carryH[d] = owedHours;
    }
  },
});
