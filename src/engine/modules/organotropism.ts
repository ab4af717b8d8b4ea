import { dexp } from '../../core/detmath';
import { ORGANS, REGION_BLOOD, REGIONS } from '../../world/regions';
import { nextSegment, SYSTEMIC_BED } from '../../world/vessels';
import { FX } from '../effect-index';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';

const CLEARED = metricIndex('exosomes.cleared');
const EXTRACTED = ORGANS.map((o) => metricIndex(`exosomes.homed.${o}`));
const BLOOD_MINUTES = metricIndex('exosomes.bloodMinutes');
const BLOOD_EXITS = metricIndex('exosomes.bloodExits');
/** Capillary beds a packet may cross before it is taken as cleared (no packet gets near it). */
const MAX_BEDS = 200;

/**
 * Step 4, organotropism of exosomes. A packet in the blood crosses it within minutes, far
 * inside one tick, so its whole journey is resolved when it enters: it follows the flow from
 * bed to capillary bed (choosing branches by blood flow), and each bed it crosses keeps it with
 * a chance set by the organ (the liver, through its sinusoids and Kupffer cells, takes the
 * largest share of any organ, the brain's barrier few) and raised by its integrins' affinity
 * for that organ (α6β4/α6β1 → lung, αvβ5 → liver; Hoshino et al., 2015). A packet kept by an organ enters its tissue; one kept by the rest
 * of the body is cleared. Each bed crossed stands for half a circulation, so the time in blood —
 * reported as a half-life — is set by how quickly the beds extract packets: a few minutes, as
 * measured for injected exosomes (Takahashi et al., 2013; Wiklander et al., 2015). The packets'
 * time in blood also sets the next tick's blood exposure (cargo-exposure).
 */
export const organotropism = defineModule({
  id: 'organotropism',
  doc: 'Exosomes cross the blood in minutes and are kept by capillary beds by organ and integrin homing (review: Step 4).',
  phase: 'move',
  everyTicks: 1,
  needs: { pools: ['exosome'], graph: true, cargo: true, blood: true },
  params: {
    extractLung: {
      default: 0.021, min: 0, max: 50, range: [0.01, 0.5], unit: 'per pass (hazard)', doc: 'extraction of a packet without homing cargo by one pass through the lung bed, as −ln(1 − chance)',
      source: 'Morishita et al. (2015, J Pharm Sci): 4 h after i.v. 125I-B16BL6 exosomes, 28% of dose in liver, 7% in lung, 1.6% in spleen → liver:lung ≈ 4:1; with liver 0.4/pass this needs lung ≈ 0.021/pass (per circulation the lung keeps 2.1% of packets, the liver 25% of the arterial flow × 33% = 8.1%: 3.9 to 1); of a dose injected into a vein the model then gives the liver 29% and the lung 7.5% in all (Morishita: 28% and 7%; 47% and 12% at engine 0.3.0’s 1.6 and 0.05); set with extractLiver by hand against targets/clinical.json (ffe042d0d53a2f40) on engine 0.3.1, see calibration/2026-12-organotropism',
    },
    extractLiver: {
      default: 0.4, min: 0, max: 50, range: [0.2, 5], unit: 'per pass (hazard)', doc: 'extraction by one pass through the liver sinusoids (Kupffer cells) of a packet without homing cargo, as −ln(1 − chance)',
      source: 'Morishita et al. (2015): liver is the major clearance organ (28% of dose at 4 h vs 7% lung); with extractLung 0.021, 0.4/pass reproduces both shares (see extractLung); 0.4/pass (33% per pass) gives a blood half-life of 1.9 min, near the ~2 min of Takahashi et al. (2013), and leaves most of the liver’s uptake to integrin homing, as Hoshino et al. (2015) found (αvβ5 knock-down lowered liver uptake); at 1.6/pass (80%, engine 0.3.0) portal blood lost 80% of every packet on its first pass whatever its integrins, so knocking out αvβ5 lowered pancreatic liver uptake by 8% only. Set by hand against targets/clinical.json (ffe042d0d53a2f40) on engine 0.3.1, see calibration/2026-12-organotropism',
    },
    extractBone: {
      default: 0.2, min: 0, max: 50, range: [0.03, 3], unit: 'per pass (hazard)', doc: 'extraction by one pass through the bone-marrow sinusoids, as −ln(1 − chance)',
      source: 'schematic: biodistribution studies report mainly liver, lungs, kidneys and spleen (Kang et al. 2021 review); marrow share not reported in stored sources; 0.2/pass gives bone ~6% of an injected dose',
    },
    extractBrain: {
      default: 0.2, min: 0, max: 50, range: [0.005, 0.5], unit: 'per pass (hazard)', doc: 'extraction by one pass through the brain capillaries (blood–brain barrier), as −ln(1 − chance)',
      source: 'schematic: the blood–brain barrier keeps most vesicles out',
    },
    extractLymphNode: {
      default: 1, min: 0, max: 50, range: [0.1, 10], unit: 'per pass (hazard)', doc: 'extraction by one pass through a lymph-node sinus, as −ln(1 − chance)',
      source: 'schematic: sinus macrophages filter lymph',
    },
    extractPrimary: {
      default: 0.1, min: 0, max: 50, range: [0.01, 1], unit: 'per pass (hazard)', doc: 'extraction by one pass through the primary tumour’s bed, as −ln(1 − chance)',
      source: 'schematic: leaky tumour vessels take up circulating vesicles',
    },
    extractSystemic: {
      default: 0.3, min: 0, max: 50, range: [0.05, 5], unit: 'per pass (hazard)', doc: 'clearance by one pass through the rest of the body (spleen, kidney, muscle…), as −ln(1 − chance)',
      source: 'Kang et al. (2021, J Extracell Vesicles review): kidneys and spleen are, after liver and lung, the main sites of EV uptake; Morishita et al. (2015): spleen 1.6% at 4 h; 0.3/pass gives ~39% of an injected dose to the rest of the body (25% at engine 0.3.0’s liver and lung extraction)',
    },
    homingGain: {
      default: 8, min: 0, max: 1000, range: [1, 30], unit: '1', doc: 'relative rise of a bed’s extraction per unit of the packet’s homing level toward its organ',
      source: 'schematic: integrin-matched organs take up several-fold more TDEs (Hoshino et al., 2015)',
    },
    circulationMinutes: {
      default: 1, min: 0.01, max: 60, range: [0.5, 2], unit: 'minutes', doc: 'time for blood to go once round the body (two capillary beds: lung and one systemic bed)',
      source: 'physiology: cardiac output ~5 L/min over a blood volume of ~5 L',
    },
  },
  scratch: () => ({ keep: new Float64Array(0) }),
  step(ctx, p, scratch) {
    const rng = ctx.rng;
    const graph = ctx.graph;
    const cargo = ctx.cargo;
    const profiles = cargo.profileCount;
    const beds = REGIONS.length + 1; // tissue regions and the rest of the body (SYSTEMIC_BED)
    // Chance a bed keeps a packet of each profile (organs with the packet's homing level).
    if (scratch.keep.length !== profiles * beds) scratch.keep = new Float64Array(profiles * beds);
    const keep = scratch.keep;
    const base = [p.extractPrimary, p.extractLung, p.extractLiver, p.extractBone, p.extractBrain, p.extractLymphNode, p.extractSystemic];
    for (let q = 0; q < profiles; q++) {
      for (let b = 0; b < beds; b++) {
        const homing = b >= 1 && b < REGIONS.length ? Math.max(0, cargo.regionalStrength(q, FX.homing, b)) : 0;
        keep[q * beds + b] = 1 - dexp(-base[b] * (1 + p.homingGain * homing));
      }
    }
    const hoursPerBed = p.circulationMinutes / 2 / 60;
    const packetHours = ctx.blood.packetHours;
    packetHours.fill(0);
    const ex = ctx.pools.exosome;
    const e = ex.cols;
    const extracted = new Float64Array(ORGANS.length);
    let cleared = 0;
    let bedsCrossed = 0;
    let exits = 0;
    for (let i = 0; i < ex.count; i++) {
      if (e.region[i] !== REGION_BLOOD) continue;
      const profile = e.profile[i];
      let seg = e.seg[i];
      let kept = -1;
      let crossed = 0;
      while (crossed < MAX_BEDS) {
        const bed = graph.segments[seg].bedRegion;
        if (bed >= 0) {
          crossed++;
          if (rng.uniform() < keep[profile * beds + bed]) {
            kept = bed;
            break;
          }
        }
        seg = nextSegment(graph, graph.segments[seg].to, rng.uniform());
      }
      packetHours[profile] += crossed * hoursPerBed;
      bedsCrossed += crossed;
      exits++;
      if (kept < 0 || kept === SYSTEMIC_BED) {
        ex.stageRemove(i);
        cleared++;
        continue;
      }
      // Capillaries pervade the organ; the schematic bed is one line, so the packet enters the
      // tissue at a random point of the region.
      const r = REGIONS[kept];
      const k = ex.stageTransfer(i);
      // In the tissue minutes after it entered the blood: the rest of this tick is carried over.
      ex.moving.carryH[k] = ctx.tickHours + e.carryH[i];
      ex.moving.region[k] = kept;
      ex.moving.seg[k] = -1;
      ex.moving.x[k] = r.x0Um + rng.uniform() * (r.x1Um - r.x0Um);
      ex.moving.y[k] = r.y0Um + rng.uniform() * (r.y1Um - r.y0Um);
      if (kept >= 1) extracted[kept - 1]++;
    }
    ctx.counters[CLEARED] += cleared;
    ctx.counters[BLOOD_MINUTES] += bedsCrossed * hoursPerBed * 60;
    ctx.counters[BLOOD_EXITS] += exits;
    for (let o = 0; o < ORGANS.length; o++) ctx.counters[EXTRACTED[o]] += extracted[o];
  },
});
