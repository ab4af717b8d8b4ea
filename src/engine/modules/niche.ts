import { perTickProbability, relax, saturating, waitingHours } from '../../core/rates';
import { ORGANS, REGION_PRIMARY, REGIONS, regionOfOrgan } from '../../world/regions';
import { FX } from '../effect-index';
import { SLOT_BLOOD } from '../exposure';
import { ImmuneState, ImmuneType, Stage, StromaType } from '../kinds';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';

const RECRUITED = ORGANS.map((o) => metricIndex(`bmdc.recruited.${o}`));
const BONE = regionOfOrgan('bone');

/**
 * Step 5, the pre-metastatic niche: the soil of every organ. Residents educated by exosome
 * uptake (exosome-uptake) secrete niche signal, and fade without more; fibroblasts and
 * epithelium with TASC-converting cargo become tumour-associated stromal cells and secrete more.
 * Each organ's residents answer in their own way: Kupffer cells (MIF) release TGF-β that
 * activates hepatic stellate cells (Costa-Silva et al. 2015); osteoclasts are activated by tumour
 * cells in the bone and release matrix-bound TGF-β (the vicious cycle of bone metastasis);
 * educated microglia suppress T cells and educated brain endothelium leaks (read by the immune
 * and angiogenesis modules). Bone-marrow-derived cells are mobilised (more with BM-educating
 * cargo such as MET, Peinado et al. 2012) and recruited into primed niches (Kaplan et al. 2005),
 * where they add niche signal and sites for arriving cells to adhere.
 */
export const niche = defineModule({
  id: 'niche',
  doc: 'Educated residents build each organ’s soil; Kupffer–stellate relay, osteoclasts, TASCs; BMDC recruitment into primed niches (review: Step 5).',
  phase: 'act',
  everyTicks: 1,
  needs: { pools: ['stroma', 'immune', 'tumour'], fields: true, exposure: true, organs: true },
  params: {
    nicheSecretionPerHour: {
      default: 0.04, min: 0, max: 100, range: [0.004, 0.4], unit: 'niche units per hour', doc: 'niche signal a fully educated resident secretes',
      source: 'schematic: educated stroma recruits BMDCs and remodels matrix (review: Step 5)',
    },
    educationDecayPerHour: {
      default: 0.01, min: 0, max: 10, range: [0.001, 0.1], unit: 'per hour', doc: 'rate residents lose their education without further uptake', source: 'schematic: exosome education is long-lasting (Peinado et al. 2012: \'permanent\' education of bone-marrow progenitors) → ~2-week half-time without further uptake',
    },
    tascRatePerHour: {
      default: 0.02, min: 0, max: 100, range: [0.002, 0.2], unit: 'per hour', doc: 'conversion rate of an educated fibroblast/epithelial cell to a TASC per unit of tasc.convert response',
      source: 'schematic: TDEs convert stromal cells into TASCs secreting IL-6/IL-8 (review: Step 5)',
    },
    tascBoost: {
      default: 2, min: 0, max: 100, range: [1, 10], unit: '1', doc: 'niche secretion multiplier of a TASC', source: 'schematic: TASCs secrete IL-6/IL-8 (review Step 5); their niche output relative to other educated residents is unmeasured',
    },
    kupfferTgfbPerHour: {
      default: 0.05, min: 0, max: 100, range: [0.005, 0.5], unit: 'field units per hour', doc: 'TGF-β a fully educated Kupffer cell secretes',
      source: 'Costa-Silva et al. (2015): MIF-educated Kupffer cells release TGF-β',
    },
    stellateActivationPerHour: {
      default: 0.004, min: 0, max: 100, range: [0.0004, 0.04], unit: 'per hour per TGF-β unit', doc: 'activation rate of a hepatic stellate cell per unit of local TGF-β (fibronectin production)',
      source: 'Costa-Silva et al. (2015): TGF-β makes hepatic stellate cells deposit fibronectin',
    },
    osteoclastActivationPerHour: {
      default: 0.01, min: 0, max: 100, range: [0.001, 0.1], unit: 'per hour', doc: 'activation rate of an osteoclast when tumour cells in the bone are many (saturating)',
      source: 'tumour PTHrP stimulates osteoclasts, which free TGF-β that stimulates cancer cells (vicious cycle, Endocr Relat Cancer 2005 review); activation rate unmeasured — ~4-day approach here',
    },
    osteoclastHalfCells: {
      default: 10, min: 0.01, max: 1e6, range: [1, 100], unit: 'cells', doc: 'tumour cells in the bone giving half the osteoclast drive', source: 'schematic: a micrometastasis of ~10 cells half-activates nearby osteoclasts; unmeasured',
    },
    osteoclastTgfbPerHour: {
      default: 0.05, min: 0, max: 100, range: [0.005, 0.5], unit: 'field units per hour', doc: 'TGF-β a fully active osteoclast frees from the bone matrix',
      source: 'bone resorption releases matrix-bound TGF-β (and IGF-1) that enhance tumour growth (vicious cycle; Cancer Sci 2009 figure, Endocr Relat Cancer 2005 review); amount in arbitrary field units',
    },
    bmdcRecruitPerHour: {
      default: 0.5, min: 0, max: 1000, range: [0.05, 5], unit: 'cells per hour per niche unit', doc: 'BMDCs recruited into an organ per unit of its mean niche level (or of bmdc.recruit response there)',
      source: 'Kaplan et al. (2005, Nature): VEGFR1+ BMDCs home to pre-metastatic sites and cluster before tumour cells arrive → recruitment per niche unit; the number per hour is schematic',
    },
    bmdcMobilisationGain: {
      default: 2, min: 0, max: 100, range: [0.2, 20], unit: '1', doc: 'relative rise of BMDC mobilisation per unit of bmdc.recruit response in blood',
      source: 'Peinado et al. (2012, Nat Med): exosomal MET educates bone-marrow progenitors toward a pro-vasculogenic c-Kit+Tie2+Met+ phenotype and raises their recruitment to metastatic sites; size of the rise schematic',
    },
    bmdcLifeHours: {
      default: 72, min: 1, max: 1e5, range: [24, 240], unit: 'hours', doc: 'mean stay of a recruited BMDC in the organ', source: 'schematic: myeloid cells turn over in days',
    },
    bmdcNichePerHour: {
      default: 0.02, min: 0, max: 100, range: [0.002, 0.2], unit: 'niche units per hour', doc: 'niche signal a recruited BMDC adds (MMP9, S100A8/A9)',
      source: 'Kaplan et al. (2005): BMDCs remodel the niche (MMP9) and make it adhesive for tumour cells',
    },
  },
  step(ctx, p) {
    const rng = ctx.rng;
    const dt = ctx.tickHours;
    const regions = ctx.regions;
    const organs = ctx.organs;

    // Tumour cells in the bone drive its osteoclasts.
    const t = ctx.pools.tumour;
    let boneCells = 0;
    for (let i = 0; i < t.count; i++) if (t.cols.region[i] === BONE && t.cols.stage[i] === Stage.colonising) boneCells++;
    const osteoclastOn = p.osteoclastActivationPerHour * saturating(boneCells, p.osteoclastHalfCells);

    // Residents: education fades; educated cells secrete niche signal; type-specific answers.
    const s = ctx.pools.stroma;
    const sc = s.cols;
    const fade = 1 - perTickProbability(p.educationDecayPerHour, dt);
    for (let i = 0; i < s.count; i++) {
      const region = sc.region[i];
      if (region === REGION_PRIMARY) continue; // the primary's fibroblasts are fibroblast-activation's
      const type = sc.type[i];
      const fields = regions[region].fields;
      let ed = sc.education[i];
      if (type === StromaType.osteoclast) {
        // Activation by tumour cells, with its own decay: the exact solution of its rate equation.
        const total = osteoclastOn + p.educationDecayPerHour;
        ed = total > 0 ? relax(ed, osteoclastOn / total, total, dt) : ed;
      } else {
        ed *= fade;
        // The MIF relay: educated Kupffer cells secrete TGF-β, which activates stellate cells.
        if (type === StromaType.stellate) ed += (1 - ed) * perTickProbability(p.stellateActivationPerHour * fields.tgfb.sample(sc.x[i], sc.y[i]), dt);
      }
      sc.education[i] = ed;
      if (ed <= 0) continue;
      if (type === StromaType.kupffer) fields.tgfb.deposit(sc.x[i], sc.y[i], p.kupfferTgfbPerHour * dt * ed);
      if (type === StromaType.osteoclast) {
        // An osteoclast's activation is resorption, not education: it frees TGF-β, no niche signal.
        fields.tgfb.deposit(sc.x[i], sc.y[i], p.osteoclastTgfbPerHour * dt * ed);
        continue;
      }
      if (!sc.tasc[i] && ed >= 0.5 && (type === StromaType.fibroblast || type === StromaType.epithelial)) {
        const r = ctx.exposure.of(region, FX.tascConvert);
        if (r > 0 && rng.uniform() < perTickProbability(p.tascRatePerHour * r, dt)) sc.tasc[i] = 1;
      }
      fields.niche.deposit(sc.x[i], sc.y[i], p.nicheSecretionPerHour * dt * ed * (sc.tasc[i] ? p.tascBoost : 1));
    }

    // BMDCs: those present add niche signal and leave in time; new ones come to primed niches.
    const im = ctx.pools.immune;
    const ic = im.cols;
    // A BMDC adds niche signal for the part of the tick it is there: until it leaves, and (a
    // new one) from when it arrived, so the signal does not depend on the tick length.
    for (let i = 0; i < im.count; i++) {
      if (ic.type[i] !== ImmuneType.bmdc) continue;
      const stay = waitingHours(1 / p.bmdcLifeHours, rng.uniform());
      regions[ic.region[i]].fields.niche.deposit(ic.x[i], ic.y[i], p.bmdcNichePerHour * (stay < dt ? stay : dt));
      if (stay < dt) im.stageRemove(i);
    }
    const mobilised = 1 + p.bmdcMobilisationGain * Math.max(0, ctx.exposure.of(SLOT_BLOOD, FX.bmdcRecruit));
    for (let o = 0; o < ORGANS.length; o++) {
      const region = o + 1;
      const pull = organs.niche[region] + Math.max(0, ctx.exposure.of(region, FX.bmdcRecruit));
      const n = rng.poisson(p.bmdcRecruitPerHour * dt * mobilised * pull);
      const bounds = REGIONS[region];
      for (let k = 0; k < n; k++) {
        const r = im.stageSpawn();
        const c = im.cols;
        c.type[r] = ImmuneType.bmdc;
        c.state[r] = ImmuneState.active;
        c.activation[r] = 1;
        c.region[r] = region;
        c.seg[r] = -1;
        c.x[r] = rng.range(bounds.x0Um, bounds.x1Um);
        c.y[r] = rng.range(bounds.y0Um, bounds.y1Um);
        // Arrivals are spread over the tick: a newcomer signals for the rest of it.
        regions[region].fields.niche.deposit(c.x[r], c.y[r], p.bmdcNichePerHour * dt * rng.uniform());
      }
      ctx.counters[RECRUITED[o]] += n;
    }
  },
});
