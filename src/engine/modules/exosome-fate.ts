import { eventWithin, LN2, waitingHours } from '../../core/rates';
import { ORGANS, REGION_BLOOD, REGION_PRIMARY, REGIONS } from '../../world/regions';
import { placeOnSegment } from '../../world/flow';
import { reflect } from '../../world/tissue';
import { FX } from '../effect-index';
import { StromaType } from '../kinds';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';
import { rebuildUptakeGrid, UPTAKE_STROMA, UPTAKE_TUMOUR } from '../uptake-grid';

const ENTERED = metricIndex('exosomes.entered');
const DECAYED = metricIndex('exosomes.decayed');
const UPTAKE_PRIMARY = metricIndex('exosomes.uptake.primary');
const UPTAKE_ORGAN = ORGANS.map((o) => metricIndex(`exosomes.uptake.${o}`));
const SQRT3 = Math.sqrt(3);
/** Tissue regions (primary and organs). */
const TISSUES = REGIONS.length;


/**
 * What becomes of an exosome packet in tissue, tick by tick. It faces three competing fates —
 * degradation (half-life), drainage from the primary into its blood and lymph outlets, and
 * uptake by a cell within reach (a tumour cell, or a resident; residents take up packets whose
 * integrins match their organ more readily, Hoshino et al. 2015) — and the first of them wins
 * (the time of the first event is drawn, and a packet is followed for the part of the tick it
 * existed); a packet none of them takes diffuses. The uptake hazard is the mean of the cell
 * densities where the packet starts and where diffusion takes it over the tick (the trapezoid
 * rule along its path), so a long tick does not hold it among the cells it was released next to
 * (breast, day 5: drainage at 2-h ticks within 0.3% of 0.5-h ticks; 7.5% less before 0.4.0).
 * Tumour cells accumulate a cargo dose (EMT, step 1); residents become educated, weighted by the
 * packet's niche-building cargo for that organ, Kupffer cells weighting MIF-like cargo, and emit
 * niche signal (step 5). Uptake per organ is the step-4 read-out.
 */
export const exosomeFate = defineModule({
  id: 'exosome-fate',
  doc: 'Exosomes in tissue are degraded, drain into blood or lymph, or are taken up by nearby cells, which they educate (review: Steps 1, 4–5).',
  phase: 'move',
  everyTicks: 1,
  needs: { pools: ['exosome', 'stroma', 'tumour'], fields: true, graph: true, cargo: true, uptake: true },
  params: {
    diffusionUm2PerHour: {
      default: 400, min: 0, max: 1e6, range: [40, 24000], unit: 'µm²/h', doc: 'effective diffusion coefficient of exosomes in tissue',
      source: 'schematic: Stokes–Einstein gives ~6–7 µm²/s (~24,000 µm²/h) for a free 100-nm vesicle at 37 °C; Lenzini et al. (2020, Nat Nanotechnol): EVs cross nanoporous ECM readily, so hindrance may be far weaker than assumed',
    },
    halfLifeHours: {
      default: 10, min: 0.01, max: 1e5, range: [2, 48], unit: 'hours', doc: 'half-life of a packet in tissue before it is degraded',
      source: 'schematic: injected small EVs peak in liver within ~1 h and in lung and spleen at 2–12 h (Kang et al. 2021 systematic review), so vesicles persist in tissue for hours; interstitial lifetime itself unmeasured',
    },
    drainageRatePerHour: {
      default: 0.1, min: 0, max: 100, range: [0.004, 0.4], unit: 'per hour', doc: 'rate at which a packet in the primary drains into vessels',
      source: 'schematic: interstitial clearance of vesicles into lymph and venules is unmeasured; 0.1/h (10-h mean) is of the same order as the tissue half-life, so a sizeable share of primary packets reaches the blood',
    },
    lymphFraction: {
      default: 0.2, min: 0, max: 1, range: [0.05, 0.6], unit: '1', doc: 'share of drainage that goes to lymph rather than blood',
      source: 'schematic: interstitial fluid drains to lymphatics',
    },
    reachUm: {
      default: 15, min: 1, max: 200, range: [5, 40], unit: 'µm', doc: 'distance within which a cell can internalise a packet',
      source: 'schematic: about one cell radius plus protrusions',
    },
    uptakeRatePerHour: {
      default: 0.15, min: 0, max: 1000, range: [0.015, 1.5], unit: 'per hour per cell in reach', doc: 'uptake hazard of a packet per tumour cell within reach (counted as a local density)',
      source: 'schematic: cultured cells internalise added exosomes within minutes to hours by endocytosis (Tian et al. 2010, J Cell Biochem; Heusermann et al. 2016, J Cell Biol: uptake seen after 10 min); per-cell hazard in tissue unmeasured',
    },
    residentBaseUptake: {
      default: 0.3, min: 0, max: 1, range: [0.03, 1], unit: '1', doc: 'relative uptake by organ residents of a packet without integrins for that organ',
      source: 'Hoshino et al. (2015): exosomal integrins mediate adhesion to and uptake by organ-specific resident cells',
    },
    residentHomingGain: {
      default: 0.7, min: 0, max: 10, range: [0.07, 7], unit: 'per homing level', doc: 'relative uptake by residents added per unit of the packet’s homing level toward the organ (capped at 1)',
      source: 'Hoshino et al. (2015): α6β4/α6β1 exosomes are taken up by lung fibroblasts and epithelium, αvβ5 exosomes by Kupffer cells',
    },
    educationPerUptake: {
      default: 8.445e-05, min: 0, max: 1, range: [0.00003, 0.003], unit: 'education level', doc: 'education a resident gains per packet per unit of niche-building level (capped at 1)',
      source: 'calibrated: ABC-SMC against targets/clinical.json (ffe042d0d53a2f40) on engine 0.2.0, see calibration/2026-12-stage1; prior: schematic: niche-priming cargo reprogrammes stroma (Costa-Silva et al., 2015; Hoshino et al., 2015)',
    },
    nonspecificEducation: {
      default: 0.05, min: 0, max: 100, range: [0, 1], unit: 'effect level', doc: 'niche-building level every packet has regardless of its cargo',
      source: 'schematic: any vesicle uptake perturbs a resident cell a little',
    },
    kupfferGain: {
      default: 4, min: 0, max: 100, range: [1, 20], unit: '1', doc: 'weight of niche.kupffer cargo when the resident is a Kupffer cell (1 for other residents)',
      source: 'Costa-Silva et al. (2015): exosomal MIF is taken up by Kupffer cells specifically',
    },
    nicheSignalPerUptake: {
      default: 0.02, min: 0, max: 100, range: [0.002, 0.2], unit: 'niche units', doc: 'niche signal a resident emits per packet internalised, per unit of the packet’s niche-building level',
      source: 'schematic: Hoshino et al. (2015): uptake by residents activates Src and pro-inflammatory S100 genes; niche units are arbitrary and the signal per packet unmeasured',
    },
  },
  scratch: () => ({ tumourHazard: new Float64Array(0), residentHazard: new Float64Array(0) }),
  step(ctx, p, scratch) {
    const ex = ctx.pools.exosome;
    const e = ex.cols;
    const stroma = ctx.pools.stroma.cols;
    const tumour = ctx.pools.tumour.cols;
    const uptake = ctx.uptake;
    const cargo = ctx.cargo;
    const graph = ctx.graph;
    const rng = ctx.rng;
    const dt = ctx.tickHours;
    // Tumour cells were born, died and moved in earlier phases: index them as they are now.
    rebuildUptakeGrid(uptake, ctx.pools.tumour, ctx.pools.stroma);
    const grid = uptake.grid;
    const { cellStart, order, cellsX, cellsY, originX, originY } = grid;
    const before = uptake.stromaBefore;
    const invW = 1 / grid.cellWidth;
    const invH = 1 / grid.cellHeight;
    // Cells in reach, on average, per cell in a block of grid cells: πr² over the block's area.
    const reachArea = Math.PI * p.reachUm * p.reachUm;
    const cellArea = grid.cellWidth * grid.cellHeight;
    const xs = uptake.xs;
    const ys = uptake.ys;
    // Per profile and tissue: niche-building level for residents (niche.prime, niche.metabolic,
    // tasc.convert; niche.kupffer weighted up for Kupffer cells) and residents' relative uptake.
    const profiles = cargo.profileCount;
    const niche = new Float64Array(profiles * TISSUES);
    const kupffer = new Float64Array(profiles * TISSUES);
    const residentRel = new Float64Array(profiles * TISSUES);
    for (let q = 0; q < profiles; q++) for (let r = 1; r < TISSUES; r++) {
      niche[q * TISSUES + r] = cargo.regionalStrength(q, FX.nichePrime, r) + cargo.regionalStrength(q, FX.nicheMetabolic, r)
        + cargo.regionalStrength(q, FX.tascConvert, r);
      kupffer[q * TISSUES + r] = cargo.regionalStrength(q, FX.nicheKupffer, r);
      const rel = p.residentBaseUptake + p.residentHomingGain * Math.max(0, cargo.regionalStrength(q, FX.homing, r));
      residentRel[q * TISSUES + r] = rel > 1 ? 1 : rel;
    }
    // Tumour and resident (before its integrin weight) uptake hazards of a packet in each grid
    // cell: the 3 × 3 block around it, once per tick rather than twice per packet.
    const nCells = cellsX * cellsY;
    if (scratch.tumourHazard.length < nCells) {
      scratch.tumourHazard = new Float64Array(nCells);
      scratch.residentHazard = new Float64Array(nCells);
    }
    const tumourHazard = scratch.tumourHazard;
    const residentHazard = scratch.residentHazard;
    for (let cy = 0; cy < cellsY; cy++) {
      const r0 = cy > 0 ? cy - 1 : 0;
      const r1 = cy + 1 < cellsY ? cy + 1 : cellsY - 1;
      for (let cx = 0; cx < cellsX; cx++) {
        const c0 = cx > 0 ? cx - 1 : 0;
        const c1 = cx + 1 < cellsX ? cx + 1 : cellsX - 1;
        let cells = 0;
        let residents = 0;
        for (let rr = r0; rr <= r1; rr++) {
          cells += cellStart[rr * cellsX + c1 + 1] - cellStart[rr * cellsX + c0];
          residents += before[rr * cellsX + c1 + 1] - before[rr * cellsX + c0];
        }
        const perCell = (p.uptakeRatePerHour * reachArea) / ((c1 - c0 + 1) * (r1 - r0 + 1) * cellArea);
        tumourHazard[cy * cellsX + cx] = perCell * (cells - residents);
        residentHazard[cy * cellsX + cx] = perCell * residents;
      }
    }
    /**
     * The grid cell (row-major index) a point lies in, clamped to the grid: what
     * `grid.cellIndexOf` gives on this unwrapped grid (the same cells over 16 runs of 300 ticks),
     * inlined because the method's torus branch and calls cost ~20 ns/agent-tick on the bench.
     */
    const cellOf = (px: number, py: number): number => {
      let cx = Math.floor((px - originX) * invW);
      let cy = Math.floor((py - originY) * invH);
      cx = cx < 0 ? 0 : cx >= cellsX ? cellsX - 1 : cx;
      cy = cy < 0 ? 0 : cy >= cellsY ? cellsY - 1 : cy;
      return cy * cellsX + cx;
    };
    const decay = LN2 / p.halfLifeHours;
    const got = uptake.got.fill(0, 0, uptake.count);
    const nicheSum = uptake.nicheSum.fill(0, 0, uptake.count);
    let entered = 0;
    let decayed = 0;
    const n = ex.count;
    for (let i = 0; i < n; i++) {
      const region = e.region[i];
      if (region === REGION_BLOOD) continue; // organotropism's: they cross the blood within the tick
      const x = e.x[i];
      const y = e.y[i];
      // The hours of this tick the packet is followed for, and where diffusion would take it.
      const hours = dt + e.carryH[i];
      e.carryH[i] = 0;
      const r = REGIONS[region];
      const halfWidth = SQRT3 * Math.sqrt(2 * p.diffusionUm2PerHour * hours); // uniform step with the Gaussian's variance
      const x1 = reflect(x + (rng.uniform() * 2 - 1) * halfWidth, r.x0Um, r.x1Um);
      const y1 = reflect(y + (rng.uniform() * 2 - 1) * halfWidth, r.y0Um, r.y1Um);
      // Uptake is a mean-field hazard: cells in reach of a packet wandering through the block of
      // 3 × 3 grid cells around it, k per cell in reach (residents weighted by the packet's
      // integrins for their organ), averaged over where the packet starts and ends the tick so
      // that a long tick does not hold it among the cells it started next to.
      const rel = residentRel[e.profile[i] * TISSUES + region];
      const k0 = cellOf(x, y);
      const k1 = cellOf(x1, y1);
      const t0 = tumourHazard[k0];
      const s0 = residentHazard[k0] * rel;
      const t1 = tumourHazard[k1];
      const s1 = residentHazard[k1] * rel;
      const drain = region === REGION_PRIMARY ? p.drainageRatePerHour : 0;
      const total = decay + drain + 0.5 * (t0 + s0 + t1 + s1);
      const u = rng.uniform();
      const pick = rng.uniform() * total;
      if (!eventWithin(total, hours, u)) {
        e.x[i] = x1;
        e.y[i] = y1;
      } else if (pick < decay) {
        ex.stageRemove(i);
        decayed++;
      } else if (pick < decay + drain) {
        const seg = rng.uniform() < p.lymphFraction ? graph.primaryLymphOutlet : graph.primaryVenousOutlet;
        const k = ex.stageTransfer(i);
        const m = ex.moving;
        m.region[k] = REGION_BLOOD;
        m.seg[k] = seg;
        m.sUm[k] = 0;
        m.carryH[k] = -(dt - hours + waitingHours(total, u)); // entered the blood this long into the tick
        placeOnSegment(graph, seg, 0, m.x, m.y, k);
        entered++;
      } else {
        // Taken up near the start or the end of its path, by a tumour cell or a resident in
        // proportion to their hazards there: the nearest of that kind in that block.
        let share = (pick - decay - drain) * 2;
        const atEnd = share >= t0 + s0;
        if (atEnd) share -= t0 + s0;
        const wantResident = share >= (atEnd ? t1 : t0);
        const px = atEnd ? x1 : x;
        const py = atEnd ? y1 : y;
        const at = atEnd ? k1 : k0;
        const cx = at % cellsX;
        const cy = (at - cx) / cellsX;
        const c0 = cx > 0 ? cx - 1 : 0;
        const c1 = cx + 1 < cellsX ? cx + 1 : cellsX - 1;
        const r0 = cy > 0 ? cy - 1 : 0;
        const r1 = cy + 1 < cellsY ? cy + 1 : cellsY - 1;
        let best = -1;
        let bestD2 = Infinity;
        for (let rr = r0; rr <= r1; rr++) {
          const end = cellStart[rr * cellsX + c1 + 1];
          for (let q = cellStart[rr * cellsX + c0]; q < end; q++) {
            const k = order[q];
            if ((uptake.pool[k] === UPTAKE_STROMA) !== wantResident) continue;
            const dx = xs[k] - px;
            const dy = ys[k] - py;
            const d2 = dx * dx + dy * dy;
            if (d2 < bestD2 || (d2 === bestD2 && k < best)) {
              bestD2 = d2;
              best = k;
            }
          }
        }
        ex.stageRemove(i);
        got[best]++;
        if (wantResident) {
          const weight = stroma.type[uptake.row[best]] === StromaType.kupffer ? p.kupfferGain : 1;
          nicheSum[best] += niche[e.profile[i] * TISSUES + region] + weight * kupffer[e.profile[i] * TISSUES + region];
        }
      }
    }
    let primary = 0;
    const organ = new Float64Array(ORGANS.length);
    for (let k = 0; k < uptake.count; k++) {
      if (got[k] === 0) continue;
      const row = uptake.row[k];
      const region = uptake.pool[k] === UPTAKE_TUMOUR ? tumour.region[row] : stroma.region[row];
      if (region === REGION_PRIMARY) primary += got[k];
      else organ[region - 1] += got[k];
      if (uptake.pool[k] === UPTAKE_TUMOUR) {
        tumour.dose[row] += got[k];
        continue;
      }
      // The primary's fibroblasts answer through the exposure of their tissue (fibroblast-activation).
      if (region === REGION_PRIMARY) continue;
      // Education and the immediate niche signal follow the packets' niche-building cargo
      // (plus the little any vesicle does), so a niche is primed by cargo, not by packet counts.
      const building = p.nonspecificEducation * got[k] + (nicheSum[k] > 0 ? nicheSum[k] : 0);
      const ed = stroma.education[row] + p.educationPerUptake * building;
      stroma.education[row] = ed > 1 ? 1 : ed;
      ctx.regions[region].fields.niche.deposit(xs[k], ys[k], p.nicheSignalPerUptake * building);
    }
    ctx.counters[ENTERED] += entered;
    ctx.counters[DECAYED] += decayed;
    ctx.counters[UPTAKE_PRIMARY] += primary;
    for (let o = 0; o < ORGANS.length; o++) ctx.counters[UPTAKE_ORGAN[o]] += organ[o];
  },
});
