import { ORGANS, REGION_BLOOD, REGION_PRIMARY } from '../../world/regions';
import { metricIndex } from '../metrics';
import { UPTAKE_STROMA, UPTAKE_TUMOUR, rebuildUptakeGrid } from '../uptake-grid';
import { FX } from '../effect-index';
import { StromaType } from '../kinds';
import { defineModule } from '../module';

const UPTAKE_PRIMARY = metricIndex('exosomes.uptake.primary');
const UPTAKE_ORGAN = ORGANS.map((o) => metricIndex(`exosomes.uptake.${o}`));


/**
 * Uptake: an exosome in tissue within reach of a cell that can internalise it (a tumour cell in
 * tissue, an organ resident) is taken up by the nearest such cell with a fixed chance. Tumour
 * cells accumulate a cargo dose (EMT, step 1); residents become educated — weighted by the
 * packet's niche-building cargo for that organ, Kupffer cells weighting MIF-like cargo — and
 * emit niche signal (step 5). The count per organ is the step-4 read-out. Each packet queries
 * the neighbour grid of cells (rebuilt every tick, small enough to stay in cache) while the
 * packets themselves are visited in row order, so the cost stays O(packets) at a million.
 */
export const exosomeUptake = defineModule({
  id: 'exosome-uptake',
  doc: 'Cells internalise nearby exosomes; organ residents become educated and emit niche signal (review: Step 4–5).',
  phase: 'exchange',
  everyTicks: 1,
  needs: { pools: ['exosome', 'stroma', 'tumour'], fields: true, cargo: true, uptake: true },
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
      default: 0.00075, min: 0, max: 1, unit: 'education level', doc: 'education a resident gains per packet per unit of niche-building strength (capped at 1)',
      source: 'schematic: niche-priming cargo reprogrammes stroma (Costa-Silva et al., 2015; Hoshino et al., 2015)',
    },
    nonspecificEducation: {
      default: 0.25, min: 0, max: 100, unit: 'strength', doc: 'niche-building strength every packet has regardless of its cargo',
      source: 'schematic: any vesicle uptake perturbs a resident cell a little',
    },
    residentBaseUptake: {
      default: 0.3, min: 0, max: 1, unit: '1', doc: 'relative uptake chance by organ residents of a packet without integrins for that organ',
      source: 'Hoshino et al. (2015): exosomal integrins mediate adhesion to and uptake by organ-specific resident cells',
    },
    residentHomingGain: {
      default: 0.35, min: 0, max: 10, unit: 'per homing unit', doc: 'relative uptake chance added per unit of the packet’s integrin homing weight toward the organ (capped at 1)',
      source: 'Hoshino et al. (2015): α6β4/α6β1 exosomes are taken up by lung fibroblasts and epithelium, αvβ5 exosomes by Kupffer cells',
    },
    kupfferGain: {
      default: 4, min: 0, max: 100, unit: '1', doc: 'weight of niche.kupffer cargo when the resident is a Kupffer cell (1 for other residents)',
      source: 'Costa-Silva et al. (2015): exosomal MIF is taken up by Kupffer cells specifically',
    },
    nicheSignalPerUptake: {
      default: 0.01, min: 0, max: 100, unit: 'niche units', doc: 'niche signal a resident emits per packet internalised',
      source: 'schematic',
    },
  },
  step(ctx, p) {
    const ex = ctx.pools.exosome;
    const e = ex.cols;
    const stroma = ctx.pools.stroma.cols;
    const tumour = ctx.pools.tumour.cols;
    const uptake = ctx.uptake;
    const cargo = ctx.cargo;
    // Tumour cells were born, died and moved in earlier phases: index them as they are now.
    rebuildUptakeGrid(uptake, ctx.pools.tumour, ctx.pools.stroma);
    const grid = uptake.grid;
    const { cellStart, order, cellsX, cellsY, originX, originY } = grid;
    const invW = 1 / grid.cellWidth;
    const invH = 1 / grid.cellHeight;
    const span = Math.ceil(p.reachUm / Math.min(grid.cellWidth, grid.cellHeight));
    const r2 = p.reachUm * p.reachUm;
    const xs = uptake.xs;
    const ys = uptake.ys;
    const rng = ctx.rng;
    // Niche-building strength of each profile in each region: niche.prime, niche.metabolic and
    // tasc.convert for every resident; niche.kupffer weighted up for Kupffer cells.
    const profiles = cargo.profileCount;
    const niche = new Float64Array(profiles * 6);
    const kupffer = new Float64Array(profiles * 6);
    for (let q = 0; q < profiles; q++) for (let r = 1; r < 6; r++) {
      niche[q * 6 + r] = cargo.regionalStrength(q, FX.nichePrime, r) + cargo.regionalStrength(q, FX.nicheMetabolic, r)
        + cargo.regionalStrength(q, FX.tascConvert, r);
      kupffer[q * 6 + r] = cargo.regionalStrength(q, FX.nicheKupffer, r);
    }
    // Uptake chance by organ residents per profile and region: integrins mediate it (step 4).
    const residentChance = new Float64Array(profiles * 6);
    for (let q = 0; q < profiles; q++) for (let r = 1; r < 6; r++) {
      const homing = cargo.regionalStrength(q, FX.homing, r);
      const rel = p.residentBaseUptake + p.residentHomingGain * (homing > 0 ? homing : 0);
      residentChance[q * 6 + r] = p.uptakeProbability * (rel > 1 ? 1 : rel);
    }
    const got = uptake.got.fill(0, 0, uptake.count);
    const nicheSum = uptake.nicheSum.fill(0, 0, uptake.count);
    const n = ex.count;
    for (let i = 0; i < n; i++) {
      if (e.region[i] === REGION_BLOOD) continue;
      const x = e.x[i];
      const y = e.y[i];
      // The nearest-cell search is grid.nearest() inlined, without its torus branches: calling
      // the method cost ~20 ns per packet more (core bench at 100k: 91 vs 72 ns/agent-tick).
      let cx = Math.floor((x - originX) * invW);
      let cy = Math.floor((y - originY) * invH);
      cx = cx < 0 ? 0 : cx >= cellsX ? cellsX - 1 : cx;
      cy = cy < 0 ? 0 : cy >= cellsY ? cellsY - 1 : cy;
      const c0 = cx - span < 0 ? 0 : cx - span;
      const c1 = cx + span >= cellsX ? cellsX - 1 : cx + span;
      const r1 = cy + span >= cellsY ? cellsY - 1 : cy + span;
      let best = -1;
      let bestD2 = r2;
      for (let rr = cy - span < 0 ? 0 : cy - span; rr <= r1; rr++) {
        const end = cellStart[rr * cellsX + c1 + 1];
        for (let q = cellStart[rr * cellsX + c0]; q < end; q++) {
          const k = order[q];
          const dx = xs[k] - x;
          const dy = ys[k] - y;
          const d2 = dx * dx + dy * dy;
          if (d2 < bestD2 || (d2 === bestD2 && k < best)) {
            bestD2 = d2;
            best = k;
          }
        }
      }
      if (best < 0) continue;
      const region = e.region[i];
      const resident = uptake.pool[best] === UPTAKE_STROMA;
      if (!(rng.uniform() < (resident ? residentChance[e.profile[i] * 6 + region] : p.uptakeProbability))) continue;
      ex.stageRemove(i);
      got[best]++;
      if (resident) {
        const weight = stroma.type[uptake.row[best]] === StromaType.kupffer ? p.kupfferGain : 1;
        nicheSum[best] += niche[e.profile[i] * 6 + region] + weight * kupffer[e.profile[i] * 6 + region];
      }
    }
    let primary = 0;
    const organ = new Float64Array(ORGANS.length);
    for (let k = 0; k < uptake.count; k++) {
      if (got[k] === 0) continue;
      const row = uptake.row[k];
      if (uptake.pool[k] === UPTAKE_TUMOUR) {
        tumour.dose[row] += got[k];
        if (tumour.region[row] === REGION_PRIMARY) primary += got[k];
        else organ[tumour.region[row] - 1] += got[k];
        continue;
      }
      const region = stroma.region[row];
      organ[region - 1] += got[k];
      const ed = stroma.education[row] + p.educationPerUptake * (p.nonspecificEducation * got[k] + (nicheSum[k] > 0 ? nicheSum[k] : 0));
      stroma.education[row] = ed > 1 ? 1 : ed;
      ctx.regions[region].fields.niche.deposit(xs[k], ys[k], p.nicheSignalPerUptake * got[k]);
    }
    ctx.counters[UPTAKE_PRIMARY] += primary;
    for (let o = 0; o < ORGANS.length; o++) ctx.counters[UPTAKE_ORGAN[o]] += organ[o];
  },
});
