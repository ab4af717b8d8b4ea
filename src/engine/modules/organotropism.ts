import { perTickProbability } from '../../core/rates';
import { ORGANS, REGION_BLOOD, REGION_PRIMARY, REGIONS, regionOfOrgan } from '../../world/regions';
import { FX } from '../effect-index';
import { Stage } from '../kinds';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';
import { SLOT_BLOOD } from '../exposure';

const ARRESTED = ORGANS.map((o) => metricIndex(`ctc.arrested.${o}`));
const LIVER = regionOfOrgan('liver');
const LYMPH_NODE = regionOfOrgan('lymph-node');

/**
 * Step 4, organotropism. Exosomes in an organ's capillary bed leave the blood into its tissue
 * at a rate raised by their integrins' affinity for that organ (α6β4/α6β1 → lung, αvβ5 → liver;
 * Hoshino et al., 2015). CTCs arrest in capillary beds — most in the first bed they meet (size
 * restriction; platelet-cloaked cells are larger) — and more where the endothelium has been
 * primed by the niche or adhesion cargo.
 */
export const organotropism = defineModule({
  id: 'organotropism',
  doc: 'Integrin homing of exosomes to organs; CTC arrest in capillary beds by size, cloak and primed endothelium (review: Step 4).',
  phase: 'exchange',
  everyTicks: 1,
  needs: { pools: ['exosome', 'tumour'], fields: true, graph: true, cargo: true, exposure: true },
  params: {
    bedExitRatePerHour: {
      default: 0.3, min: 0, max: 100, unit: 'per hour', doc: 'rate an exosome without homing cargo leaves the blood in an organ’s capillary bed',
      source: 'schematic: organs clear circulating vesicles within hours',
    },
    liverClearanceFactor: {
      default: 2, min: 0, max: 100, unit: '1', doc: 'multiplier of the exit rate in the liver’s fenestrated sinusoids, where Kupffer cells clear vesicles',
      source: 'schematic: the liver takes up most circulating vesicles whatever their integrins (Hoshino et al., 2015)',
    },
    homingGain: {
      default: 2, min: 0, max: 1000, unit: '1', doc: 'relative rise of that rate per unit of integrin homing weight toward the organ',
      source: 'schematic: integrin-matched organs take up several-fold more TDEs (Hoshino et al., 2015)',
    },
    arrestRatePerHour: {
      default: 0.2, min: 0, max: 100, unit: 'per hour', doc: 'arrest hazard of an uncloaked CTC in a capillary bed with unprimed endothelium',
      source: 'schematic: most CTCs lodge in the first capillary bed downstream (size restriction)',
    },
    lymphNodeArrestFactor: {
      default: 4, min: 0, max: 100, unit: '1', doc: 'arrest multiplier in the lymph-node sinus, which filters lymph',
      source: 'schematic: lymph nodes trap cells from afferent lymph; they are the commonest first site of carcinoma spread (Table 1)',
    },
    cloakedArrestFactor: {
      default: 1.5, min: 0, max: 100, unit: '1', doc: 'arrest multiplier for a platelet-cloaked CTC', source: 'schematic: platelet aggregates arrest more easily',
    },
    primedArrestGain: {
      default: 1, min: 0, max: 1000, unit: 'per niche unit', doc: 'relative rise of arrest per unit of the organ’s mean niche level',
      source: 'schematic: primed endothelium expresses adhesion molecules (review: Step 4–5)',
    },
    adhesionGain: {
      default: 1, min: 0, max: 1000, unit: '1', doc: 'relative rise of arrest per unit of adhesion.endothelium response in blood',
      source: 'schematic: exosomal integrins such as αvβ6 and CD151 raise adhesion (Table 2)',
    },
  },
  step(ctx, p) {
    const rng = ctx.rng;
    const dt = ctx.tickHours;
    const { graph, cargo, regions } = ctx;
    // A Float64Array: a plain array starts as small integers (all zero) and changes shape at
    // the first non-zero mean, which discards this function's optimised code.
    const nicheMean = Float64Array.from(regions, (r) => r.fields.niche.total() / r.fields.niche.values.length);

    // Exosomes: per profile and organ, the chance of leaving the blood this tick.
    const profiles = cargo.profileCount;
    const exit = new Float64Array(profiles * 6);
    for (let q = 0; q < profiles; q++) {
      for (let r = 1; r < 6; r++) {
        const homing = cargo.regionalStrength(q, FX.homing, r);
        const organ = r === LIVER ? p.liverClearanceFactor : 1;
        exit[q * 6 + r] = perTickProbability(p.bedExitRatePerHour * organ * (1 + p.homingGain * (homing > 0 ? homing : 0)), dt);
      }
    }
    const ex = ctx.pools.exosome;
    const e = ex.cols;
    for (let i = 0; i < ex.count; i++) {
      if (e.region[i] !== REGION_BLOOD) continue;
      const bed = graph.segments[e.seg[i]].bedRegion;
      if (bed <= REGION_PRIMARY || !(rng.uniform() < exit[e.profile[i] * 6 + bed])) continue;
      // Capillaries pervade the organ; the schematic bed is one line, so the vesicle leaves
      // from a random point of the organ's tissue.
      const r = REGIONS[bed];
      const k = ex.stageTransfer(i);
      ex.moving.region[k] = bed;
      ex.moving.x[k] = r.x0Um + rng.uniform() * (r.x1Um - r.x0Um);
      ex.moving.y[k] = r.y0Um + rng.uniform() * (r.y1Um - r.y0Um);
    }

    // CTCs: arrest in organ beds.
    const adhesion = 1 + p.adhesionGain * Math.max(0, ctx.exposure.of(SLOT_BLOOD, FX.adhesionEndothelium));
    const t = ctx.pools.tumour;
    const tc = t.cols;
    for (let i = 0; i < t.count; i++) {
      if (tc.stage[i] !== Stage.circulating) continue;
      const bed = graph.segments[tc.seg[i]].bedRegion;
      if (bed <= REGION_PRIMARY) continue;
      const rate = p.arrestRatePerHour * (bed === LYMPH_NODE ? p.lymphNodeArrestFactor : 1) * (tc.cloak[i] > 0 ? p.cloakedArrestFactor : 1)
        * (1 + p.primedArrestGain * nicheMean[bed]) * adhesion;
      if (!(rng.uniform() < perTickProbability(rate, dt))) continue;
      const r = REGIONS[bed];
      const k = t.stageTransfer(i);
      const m = t.moving;
      m.stage[k] = Stage.arrested;
      m.region[k] = bed;
      m.seg[k] = -1;
      m.x[k] = r.x0Um + rng.uniform() * (r.x1Um - r.x0Um);
      m.y[k] = r.y0Um + rng.uniform() * (r.y1Um - r.y0Um);
      m.arrestRegion[k] = bed;
      m.arrestNiche[k] = regions[bed].fields.niche.sample(m.x[k], m.y[k]);
      m.wasCloaked[k] = tc.cloak[i] > 0 ? 1 : tc.wasCloaked[i];
      m.stageTick[k] = ctx.tick;
      ctx.counters[ARRESTED[bed - 1]]++;
    }
  },
});
