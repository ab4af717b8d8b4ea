import { perTickProbability, rateFromHalfTime, saturating } from '../../core/rates';
import { ORGANS, REGION_PRIMARY, REGIONS } from '../../world/regions';
import { reflect } from '../../world/tissue';
import { FX } from '../effect-index';
import { Stage, StromaType } from '../kinds';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';
import { recordColonyGrowth, stageColony } from '../colonies';

const EXTRAVASATED = ORGANS.map((o) => metricIndex(`cells.extravasated.${o}`));

/**
 * Step 5, the pre-metastatic niche and growth. Residents educated by exosome uptake (Kupffer
 * cells by MIF, lung fibroblasts by integrin-carried cargo…) secrete niche signal; fibroblasts
 * with TASC-converting cargo become tumour-associated stromal cells and secrete more. Arrested
 * cells extravasate (easier through leaky, niche-primed vessels), then colonise where the local
 * niche is high or stay dormant; colonising cells revert from mesenchymal (MET) and proliferate,
 * faster with growth and metabolic cargo, slower with growth-suppressing cargo.
 */
export const nicheGrowth = defineModule({
  id: 'niche-growth',
  doc: 'Educated stroma builds the niche; arrested cells extravasate, go dormant or colonise, undergo MET and grow (review: Step 5).',
  phase: 'act',
  everyTicks: 1,
  needs: { pools: ['stroma', 'tumour', 'colony', 'endothelium'], fields: true, cargo: true, exposure: true },
  params: {
    nicheSecretionPerHour: {
      default: 0.04, min: 0, max: 100, unit: 'niche units per hour', doc: 'niche signal a fully educated resident secretes',
      source: 'schematic: educated stroma recruits BMDCs and remodels matrix (review: Step 5)',
    },
    educationDecayPerHour: {
      default: 0.002, min: 0, max: 10, unit: 'per hour', doc: 'rate residents lose their education without further uptake', source: 'schematic',
    },
    tascRatePerHour: {
      default: 0.02, min: 0, max: 100, unit: 'per hour', doc: 'conversion rate of an educated fibroblast/epithelial cell to a TASC per unit of tasc.convert response',
      source: 'schematic: TDEs convert stromal cells into TASCs secreting IL-6/IL-8 (review: Step 5)',
    },
    kupfferTgfbPerHour: {
      default: 0.05, min: 0, max: 100, unit: 'field units per hour', doc: 'TGF-β a fully educated Kupffer cell secretes',
      source: 'Costa-Silva et al. (2015): MIF-educated Kupffer cells release TGF-β',
    },
    stellateActivationPerHour: {
      default: 0.004, min: 0, max: 100, unit: 'per hour per TGF-β unit', doc: 'activation rate of a hepatic stellate cell per unit of local TGF-β (fibronectin production)',
      source: 'Costa-Silva et al. (2015): TGF-β makes hepatic stellate cells deposit fibronectin',
    },
    tascBoost: {
      default: 2, min: 0, max: 100, unit: '1', doc: 'niche secretion multiplier of a TASC', source: 'schematic',
    },
    extravasationRatePerHour: {
      default: 0.03, min: 0, max: 100, unit: 'per hour', doc: 'extravasation hazard of an arrested cell through vessels of base permeability',
      source: 'schematic',
    },
    leakGain: {
      default: 4, min: 0, max: 1000, unit: 'per permeability unit', doc: 'relative rise of extravasation per unit of the organ’s mean vessel permeability above base',
      source: 'schematic: vascular leak in the niche eases extravasation (review: Step 5)',
    },
    arrestDeathRatePerHour: {
      default: 0.03, min: 0, max: 100, unit: 'per hour', doc: 'death hazard of an arrested cell that has not extravasated', source: 'schematic',
    },
    nicheHalf: {
      default: 0.25, min: 0.0001, max: 1e6, unit: 'niche units', doc: 'local niche level at which half of extravasated cells colonise (Hill n = 3)',
      source: 'schematic: "seed and soil" — colonisation needs a receptive niche, a switch-like response',
    },
    colonisationFloor: {
      default: 0.2, min: 0, max: 1, unit: 'probability', doc: 'chance an extravasated cell colonises an unprimed organ (the niche raises it toward 1)',
      source: 'schematic: some disseminated cells grow without a prepared niche',
    },
    awakenRatePerHour: {
      default: 0.001, min: 0, max: 100, unit: 'per hour', doc: 'rate a dormant cell resumes growth in a full niche', source: 'schematic',
    },
    dormantDeathRatePerHour: {
      default: 0.004, min: 0, max: 100, unit: 'per hour', doc: 'death hazard of a dormant cell', source: 'schematic',
    },
    metRatePerHour: {
      default: 0.02, min: 0, max: 100, unit: 'per hour', doc: 'rate colonising cells revert toward epithelial (MET)',
      source: 'schematic: MET is needed for outgrowth (review: Step 5)',
    },
    metCargoGain: {
      default: 1, min: 0, max: 100, unit: '1', doc: 'relative rise of MET per unit of met.transition strength', source: 'schematic',
    },
    colonyDoublingHours: {
      default: 24, min: 1, max: 1e5, unit: 'hours', doc: 'doubling time of a colonising cell in a full niche', source: 'schematic',
    },
    growthCargoGain: {
      default: 0.3, min: 0, max: 100, unit: '1', doc: 'relative change of colony growth per unit of growth.proliferate (minus growth.suppress) strength',
      source: 'schematic: e.g. KRAS-mutant cargo promotes, miR-193a suppresses growth (Table 2)',
    },
    metabolicGain: {
      default: 1, min: 0, max: 100, unit: '1', doc: 'relative rise of colony growth per unit of niche.metabolic response in the organ',
      source: 'schematic: miR-122 lowers niche glucose uptake, leaving more for tumour cells (Fong et al., 2015)',
    },
    colonyMaxCells: {
      default: 60, min: 1, max: 1e6, unit: 'cells', integer: true, doc: 'cap on one colony’s size (keeps runs small)', source: 'schematic',
    },
    colonySpreadUm: {
      default: 6, min: 0, max: 100, unit: 'µm', doc: 'distance a daughter is placed from its mother', source: 'schematic',
    },
  },
  step(ctx, p) {
    const rng = ctx.rng;
    const dt = ctx.tickHours;
    const regions = ctx.regions;

    // Residents: education fades; educated cells secrete niche signal; TASC conversion.
    const s = ctx.pools.stroma;
    const sc = s.cols;
    const fade = 1 - perTickProbability(p.educationDecayPerHour, dt);
    for (let i = 0; i < s.count; i++) {
      const region = sc.region[i];
      const type = sc.type[i];
      const fields = regions[region].fields;
      let ed = sc.education[i] * fade;
      // The MIF relay: educated Kupffer cells secrete TGF-β, which activates stellate cells.
      if (type === StromaType.stellate) ed += (1 - ed) * perTickProbability(p.stellateActivationPerHour * fields.tgfb.sample(sc.x[i], sc.y[i]), dt);
      sc.education[i] = ed;
      if (ed <= 0) continue;
      if (type === StromaType.kupffer) fields.tgfb.deposit(sc.x[i], sc.y[i], p.kupfferTgfbPerHour * dt * ed);
      if (!sc.tasc[i] && ed >= 0.5 && (type === StromaType.fibroblast || type === StromaType.epithelial)) {
        const r = ctx.exposure.of(region, FX.tascConvert);
        if (r > 0 && rng.uniform() < perTickProbability(p.tascRatePerHour * r, dt)) sc.tasc[i] = 1;
      }
      fields.niche.deposit(sc.x[i], sc.y[i], p.nicheSecretionPerHour * dt * ed * (sc.tasc[i] ? p.tascBoost : 1));
    }

    // Organ-level conditions for disseminated cells.
    const base = 0.1;
    const permMean = new Float64Array(REGIONS.length);
    const permCount = new Float64Array(REGIONS.length);
    const e = ctx.pools.endothelium;
    for (let k = 0; k < e.count; k++) {
      permMean[e.cols.region[k]] += e.cols.permeability[k];
      permCount[e.cols.region[k]]++;
    }
    for (let r = 0; r < REGIONS.length; r++) permMean[r] = permCount[r] > 0 ? permMean[r] / permCount[r] : base;
    const divideBase = rateFromHalfTime(p.colonyDoublingHours);
    const die = perTickProbability(p.arrestDeathRatePerHour, dt);
    const dormantDie = perTickProbability(p.dormantDeathRatePerHour, dt);
    const t = ctx.pools.tumour;
    const colonies = ctx.pools.colony;
    let c = t.cols;
    const n = t.count;
    const dir = new Float64Array(2);
    for (let i = 0; i < n; i++) {
      const region = c.region[i];
      if (region === REGION_PRIMARY || region > ORGANS.length) continue;
      const stage = c.stage[i];
      const level = regions[region].fields.niche.sample(c.x[i], c.y[i]);
      const hill = saturating(level * level * level, p.nicheHalf * p.nicheHalf * p.nicheHalf);
      const niche = p.colonisationFloor + (1 - p.colonisationFloor) * hill;
      if (stage === Stage.arrested) {
        const leak = permMean[region] - base;
        if (rng.uniform() < perTickProbability(p.extravasationRatePerHour * (1 + p.leakGain * (leak > 0 ? leak : 0)), dt)) {
          const k = t.stageTransfer(i);
          t.moving.stage[k] = Stage.extravasated;
          t.moving.stageTick[k] = ctx.tick;
          ctx.counters[EXTRAVASATED[region - 1]]++;
        } else if (rng.uniform() < die) {
          t.stageRemove(i);
        }
      } else if (stage === Stage.extravasated) {
        const colonise = rng.uniform() < niche;
        const k = t.stageTransfer(i);
        t.moving.stageTick[k] = ctx.tick;
        t.moving.stage[k] = colonise ? Stage.colonising : Stage.dormant;
        if (colonise) t.moving.colony[k] = stageColony(ctx, i);
      } else if (stage === Stage.dormant) {
        if (rng.uniform() < dormantDie) t.stageRemove(i);
        else if (rng.uniform() < perTickProbability(p.awakenRatePerHour * niche, dt)) {
          const k = t.stageTransfer(i);
          t.moving.stageTick[k] = ctx.tick;
          t.moving.stage[k] = Stage.colonising;
          t.moving.colony[k] = stageColony(ctx, i);
        }
      } else if (stage === Stage.colonising) {
        const profile = ctx.clones[c.clone[i]].profile;
        const met = p.metRatePerHour * (1 + p.metCargoGain * Math.max(0, ctx.cargo.strength(profile, FX.metTransition)));
        c.emt[i] -= c.emt[i] * perTickProbability(met, dt);
        const growth = 1 + p.growthCargoGain * (ctx.cargo.strength(profile, FX.growthProliferate) - ctx.cargo.strength(profile, FX.growthSuppress));
        const metabolic = 1 + p.metabolicGain * Math.max(0, ctx.exposure.of(region, FX.nicheMetabolic));
        const rate = divideBase * (1 - c.emt[i]) * (growth > 0 ? growth : 0) * (0.5 + 0.5 * niche) * metabolic;
        if (!(rng.uniform() < perTickProbability(rate, dt))) continue;
        const colonyRow = colonies.rowOf(c.colony[i]);
        if (colonyRow < 0 || colonies.cols.size[colonyRow] >= p.colonyMaxCells) continue;
        rng.direction(dir);
        const d = t.stageSpawn();
        c = t.cols; // columns may have been replaced by growth
        const r = REGIONS[region];
        t.copyRow(d, i);
        c.x[d] = reflect(c.x[i] + dir[0] * p.colonySpreadUm, r.x0Um, r.x1Um);
        c.y[d] = reflect(c.y[i] + dir[1] * p.colonySpreadUm, r.y0Um, r.y1Um);
        c.bornTick[d] = ctx.tick;
        c.stageTick[d] = ctx.tick;
        recordColonyGrowth(ctx, colonyRow, 1);
      }
    }
  },
});
