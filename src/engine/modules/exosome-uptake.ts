import { REGION_PRIMARY, ORGANS } from '../../world/regions';
import { metricIndex } from '../metrics';
import { FX } from '../effect-index';
import { StromaType } from '../kinds';
import { defineModule } from '../module';

const UPTAKE_PRIMARY = metricIndex('exosomes.uptake.primary');
const UPTAKE_ORGAN = ORGANS.map((o) => metricIndex(`exosomes.uptake.${o}`));

/** Which pool a cell in the uptake grid belongs to. */
export const UPTAKE_TUMOUR = 0;
/** Resident stromal cell in the uptake grid. */
export const UPTAKE_STROMA = 1;

/**
 * Uptake: each cell that can internalise exosomes (tumour cells in tissue, organ residents)
 * looks through the exosome neighbour grid for packets within reach and takes each up with a
 * fixed chance; a packet is taken by at most one cell (cells go in uptake-list order). Residents
 * become educated and emit niche signal; the count per organ is the step-4 read-out.
 * Querying from the few cells into the grid of many exosomes keeps the cost O(exosomes).
 */
export const exosomeUptake = defineModule({
  id: 'exosome-uptake',
  doc: 'Cells internalise nearby exosomes; organ residents become educated and emit niche signal (review: Step 4–5).',
  phase: 'exchange',
  everyTicks: 1,
  params: {
    reachUm: {
      default: 15, min: 0, max: 200, unit: 'µm', doc: 'distance within which a cell can internalise an exosome',
      source: 'schematic: about one cell radius plus protrusions',
    },
    uptakeProbability: {
      default: 0.5, min: 0, max: 1, unit: 'per tick', doc: 'chance that a cell in reach internalises a given exosome this tick',
      source: 'schematic',
    },
    educationPerUptake: {
      default: 0.001, min: 0, max: 1, unit: 'education level', doc: 'education a resident gains per packet per unit of niche-building strength (capped at 1)',
      source: 'schematic: niche-priming cargo reprogrammes stroma (Costa-Silva et al., 2015; Hoshino et al., 2015)',
    },
    nonspecificEducation: {
      default: 0.25, min: 0, max: 100, unit: 'strength', doc: 'niche-building strength every packet has regardless of its cargo',
      source: 'schematic: any vesicle uptake perturbs a resident cell a little',
    },
    kupfferGain: {
      default: 4, min: 0, max: 100, unit: '1', doc: 'weight of niche.kupffer cargo when the resident is a Kupffer cell (1 for other residents)',
      source: 'Costa-Silva et al. (2015): exosomal MIF is taken up by Kupffer cells specifically',
    },
    nicheSignalPerUptake: {
      default: 0.05, min: 0, max: 100, unit: 'niche units', doc: 'niche signal a resident emits per packet internalised',
      source: 'schematic',
    },
  },
  step(ctx, p) {
    const w = ctx.world;
    const ex = w.pools.exosome;
    const e = ex.cols;
    const stroma = w.pools.stroma.cols;
    const grid = w.exosomeGrid;
    grid.rebuild(e.x, e.y, ex.count);
    if (w.exosomeTaken.length < ex.count) w.exosomeTaken = new Uint8Array(Math.max(ex.count, w.exosomeTaken.length * 2));
    const taken = w.exosomeTaken;
    taken.fill(0, 0, ex.count);
    const { cellStart, order, cellsX, cellsY } = grid;
    const r2 = p.reachUm * p.reachUm;
    const span = Math.ceil(p.reachUm / grid.cellWidth);
    const rng = ctx.rng;
    // Niche-building strength of each profile in each region (niche.prime, niche.kupffer, niche.metabolic, tasc.convert).
    const profiles = w.cargo.profileCount;
    const niche = new Float64Array(profiles * 6);
    const kupffer = new Float64Array(profiles * 6);
    for (let q = 0; q < profiles; q++) for (let r = 1; r < 6; r++) {
      niche[q * 6 + r] = w.cargo.regionalStrength(q, FX.nichePrime, r) + w.cargo.regionalStrength(q, FX.nicheMetabolic, r)
        + w.cargo.regionalStrength(q, FX.tascConvert, r);
      kupffer[q * 6 + r] = w.cargo.regionalStrength(q, FX.nicheKupffer, r);
    }
    const tumour = w.pools.tumour.cols;
    let primary = 0;
    const organ = new Float64Array(ORGANS.length);
    for (let k = 0; k < w.uptakeCount; k++) {
      const x = w.uptakeXs[k];
      const y = w.uptakeYs[k];
      const isStroma = w.uptakePool[k] === UPTAKE_STROMA;
      const row = w.uptakeRow[k];
      const region = isStroma ? stroma.region[row] : w.pools.tumour.cols.region[row];
      const kupfferWeight = isStroma && stroma.type[row] === StromaType.kupffer ? p.kupfferGain : 1;
      const cx = grid.columnOf(x);
      const cy = grid.rowOf(y);
      const r0 = cy - span < 0 ? 0 : cy - span;
      const r1 = cy + span >= cellsY ? cellsY - 1 : cy + span;
      const c0 = cx - span < 0 ? 0 : cx - span;
      const c1 = cx + span >= cellsX ? cellsX - 1 : cx + span;
      let got = 0;
      let nicheSum = 0;
      for (let rr = r0; rr <= r1; rr++) {
        const end = cellStart[rr * cellsX + c1 + 1];
        for (let q = cellStart[rr * cellsX + c0]; q < end; q++) {
          const j = order[q];
          if (taken[j] || e.region[j] !== region) continue;
          const dx = e.x[j] - x;
          const dy = e.y[j] - y;
          if (dx * dx + dy * dy > r2 || !(rng.uniform() < p.uptakeProbability)) continue;
          taken[j] = 1;
          ex.stageRemove(j);
          got++;
          nicheSum += niche[e.profile[j] * 6 + region] + kupfferWeight * kupffer[e.profile[j] * 6 + region];
        }
      }
      if (got === 0) continue;
      if (!isStroma) tumour.dose[row] += got;
      if (region === REGION_PRIMARY) {
        primary += got;
        continue;
      }
      organ[region - 1] += got;
      if (isStroma) {
        const ed = stroma.education[row] + p.educationPerUptake * (p.nonspecificEducation * got + (nicheSum > 0 ? nicheSum : 0));
        stroma.education[row] = ed > 1 ? 1 : ed;
        w.regions[region].fields.niche.deposit(x, y, p.nicheSignalPerUptake * got);
      }
    }
    w.counters[UPTAKE_PRIMARY] += primary;
    for (let o = 0; o < ORGANS.length; o++) w.counters[UPTAKE_ORGAN[o]] += organ[o];
  },
});
