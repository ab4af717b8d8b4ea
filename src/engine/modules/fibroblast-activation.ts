import { relax, saturating } from '../../core/rates';
import { REGION_PRIMARY } from '../../world/regions';
import { FX } from '../effect-index';
import { StromaType } from '../kinds';
import { defineModule } from '../module';

/**
 * Step 1, the tumour stroma. Fibroblasts of the primary become cancer-associated fibroblasts
 * (CAFs) under TGF-β and CAF-activating exosomal cargo (the miR-27a, miR-146a, miR-155-5p,
 * Lin28B and TGF-β rows of Table 2). Activated CAFs secrete TGF-β, which drives EMT in nearby
 * tumour cells, and VEGF, and lay down fresh matrix. Activation (the `education` column, 0..1)
 * follows its rate equation exactly, so it does not depend on the tick length.
 */
export const fibroblastActivation = defineModule({
  id: 'fibroblast-activation',
  doc: 'Fibroblasts of the primary become CAFs under TGF-β and CAF-activating cargo, and secrete TGF-β and VEGF (review: Step 1).',
  phase: 'act',
  everyTicks: 1,
  needs: { pools: ['stroma'], fields: true, exposure: true },
  params: {
    activationRatePerHour: {
      default: 0.02, min: 0, max: 10, range: [0.002, 0.2], unit: 'per hour', doc: 'rate a fibroblast approaches full activation under full stimulus',
      source: 'Webber et al. (2010, Cancer Res): exosomal TGF-β (with betaglycan) drives fibroblast→myofibroblast differentiation (αSMA) with kinetics like soluble TGF-β, over days in culture → ~2-day approach to full activation at full stimulus',
    },
    deactivationRatePerHour: {
      default: 0.005, min: 0, max: 10, range: [0.0005, 0.05], unit: 'per hour', doc: 'rate an activated fibroblast returns to rest without stimulus',
      source: 'Chowdhury et al. (2015, Oncotarget): a single exosome dose yields lasting αSMA+ myofibroblasts → CAF state largely persistent; reversion half-time ~6 days here (rate unmeasured)',
    },
    tgfbHalf: {
      default: 0.5, min: 0.001, max: 1e6, range: [0.05, 5], unit: 'field units', doc: 'TGF-β level giving half the TGF-β drive',
      source: 'schematic: TGF-β fields are in arbitrary units; the half level is set inside the range the primary\'s field reaches, so the response is graded rather than all-or-none',
    },
    cargoGain: {
      default: 2, min: 0, max: 100, range: [0.2, 20], unit: '1', doc: 'drive per unit of caf.activate response in the primary',
      source: 'schematic: exosomal miRNAs convert fibroblasts to CAFs (review: Table 2, CAF rows)',
    },
    tgfbPerHour: {
      default: 0.05, min: 0, max: 100, range: [0.005, 0.5], unit: 'field units per hour', doc: 'TGF-β a fully activated CAF secretes',
      source: 'schematic: CAFs are a main source of stromal TGF-β',
    },
    vegfPerHour: {
      default: 0.03, min: 0, max: 100, range: [0.003, 0.3], unit: 'field units per hour', doc: 'VEGF a fully activated CAF secretes',
      source: 'Chowdhury et al. (2015, Oncotarget): exosome-induced myofibroblasts secrete high VEGF-A (and HGF, MMP-1/-3/-13) → CAFs add VEGF; amount in arbitrary field units (schematic)',
    },
    matrixPerHour: {
      default: 0.001, min: 0, max: 10, range: [0, 0.05], unit: 'ECM density per hour', doc: 'matrix a fully activated CAF lays down at its site',
      source: 'schematic: CAFs deposit collagen and fibronectin',
    },
  },
  step(ctx, p) {
    const s = ctx.pools.stroma;
    const c = s.cols;
    const dt = ctx.tickHours;
    const fields = ctx.regions[REGION_PRIMARY].fields;
    const cargo = p.cargoGain * Math.max(0, ctx.exposure.of(REGION_PRIMARY, FX.cafActivate));
    for (let i = 0; i < s.count; i++) {
      if (c.region[i] !== REGION_PRIMARY || c.type[i] !== StromaType.fibroblast) continue;
      const drive = saturating(fields.tgfb.sample(c.x[i], c.y[i]), p.tgfbHalf) + cargo;
      const on = p.activationRatePerHour * drive;
      const total = on + p.deactivationRatePerHour;
      const a = total > 0 ? relax(c.education[i], on / total, total, dt) : c.education[i];
      c.education[i] = a;
      fields.tgfb.deposit(c.x[i], c.y[i], p.tgfbPerHour * dt * a);
      fields.vegf.deposit(c.x[i], c.y[i], p.vegfPerHour * dt * a);
      fields.ecm.deposit(c.x[i], c.y[i], p.matrixPerHour * dt * a);
    }
  },
});
