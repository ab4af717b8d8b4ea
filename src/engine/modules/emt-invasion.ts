import { perTickProbability, saturating, survivalPerTick } from '../../core/rates';
import { REGION_BLOOD, REGION_PRIMARY, REGIONS } from '../../world/regions';
import { placeOnSegment } from '../../world/flow';
import { reflect } from '../../world/tissue';
import { FX } from '../effect-index';
import { Stage } from '../kinds';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';
import { BASE_PERMEABILITY } from '../populate-cascade';
import { VesselIndex } from '../vessel-index';

const INTRAVASATED = metricIndex('ctc.intravasated');

/**
 * Step 1, migration. Tumour cells that internalised exosomes carrying EMT-inducing cargo (and
 * cells bathed in TGF-β) lose their epithelial phenotype: the EMT level rises toward 1. Past a
 * threshold they invade, crawling through the matrix they degrade (MMP cargo speeds this), and
 * intravasate into nearby vessels, more readily where the vessel is leaky.
 */
export const emtInvasion = defineModule({
  id: 'emt-invasion',
  doc: 'EMT from exosomal cargo and TGF-β; invasion through degraded ECM; intravasation into leaky vessels (review: Step 1).',
  phase: 'act',
  everyTicks: 1,
  needs: { pools: ['tumour', 'endothelium'], fields: true, graph: true, cargo: true, exposure: true },
  params: {
    switchRatePerHour: {
      default: 0.01, min: 0, max: 10, unit: 'per hour', doc: 'hazard that a primary cell enters the EMT programme under full stimulus',
      source: 'schematic: only a minority of primary cells undergo EMT at any time',
    },
    emtRatePerHour: {
      default: 0.03, min: 0, max: 10, unit: 'per hour', doc: 'rate the EMT level of a cell in the programme approaches 1',
      source: 'schematic: EMT markers shift over days after TDE exposure (e.g. miR-92a-3p, Table 2)',
    },
    cargoHalf: {
      default: 1, min: 0.001, max: 1000, unit: 'strength', doc: 'summed EMT-cargo strength giving half the maximal cargo drive',
      source: 'schematic: several EMT-inducing cargo act on overlapping pathways, so their effects saturate',
    },
    doseHalfPackets: {
      default: 4, min: 0.01, max: 1e6, unit: 'packets', doc: 'internalised packets giving half the cargo response of a cell',
      source: 'schematic',
    },
    doseHalfLifeHours: {
      default: 24, min: 0.1, max: 1e5, unit: 'hours', doc: 'half-life of a cell’s internalised cargo',
      source: 'schematic: miRNA cargo acts for about a day',
    },
    tgfbHalf: {
      default: 0.5, min: 0.001, max: 1e6, unit: 'field units', doc: 'TGF-β level giving half the TGF-β drive to EMT',
      source: 'schematic',
    },
    tgfbWeight: {
      default: 0.3, min: 0, max: 10, unit: '1', doc: 'weight of TGF-β relative to exosomal cargo in driving EMT',
      source: 'schematic: TGF-β is the canonical EMT inducer',
    },
    metRevertPerHour: {
      default: 0.01, min: 0, max: 10, unit: 'per hour', doc: 'hazard that an invading cell leaves the EMT programme (and rate its EMT level falls after)',
      source: 'schematic: EMT is reversible',
    },
    speedUmPerHour: {
      default: 8, min: 0, max: 1000, unit: 'µm/h', doc: 'crawling speed of a fully mesenchymal cell in degraded matrix',
      source: 'schematic: mesenchymal migration is ~10 µm/h',
    },
    mmpPerHour: {
      default: 0.01, min: 0, max: 10, unit: 'ECM density per hour', doc: 'matrix an invading cell degrades at its site without cargo help',
      source: 'schematic',
    },
    ecmDegradeGain: {
      default: 1, min: 0, max: 100, unit: '1', doc: 'extra degradation per unit of ecm.degrade cargo response (MMPs, ADAMTS)',
      source: 'schematic: exosomal MMPs degrade ECM (review: Step 1)',
    },
    intravasationRatePerHour: {
      default: 0.05, min: 0, max: 100, unit: 'per hour', doc: 'intravasation rate of a fully mesenchymal cell next to a vessel of base permeability',
      source: 'schematic',
    },
    vesselReachUm: {
      default: 20, min: 0, max: 500, unit: 'µm', doc: 'distance from a vessel segment within which a cell can intravasate', source: 'schematic',
    },
    lymphFraction: {
      default: 0.3, min: 0, max: 1, unit: '1', doc: 'share of intravasations into lymphatics (the rest into blood)',
      source: 'schematic: lymph-node metastasis is common in carcinomas (Table 1)',
    },
    lymphangiogenesisGain: {
      default: 1, min: 0, max: 100, unit: '1', doc: 'relative rise of the lymphatic share per unit of lymphangiogenesis response',
      source: 'schematic',
    },
  },
  scratch: (p) => new VesselIndex(REGIONS[REGION_PRIMARY], p.vesselReachUm),
  step(ctx, p, vessels) {
    const t = ctx.pools.tumour;
    const c = t.cols;
    const rng = ctx.rng;
    const dt = ctx.tickHours;
    const primary = REGIONS[REGION_PRIMARY];
    const ecm = ctx.regions[REGION_PRIMARY].fields.ecm;
    const tgfb = ctx.regions[REGION_PRIMARY].fields.tgfb;
    const doseKeep = survivalPerTick(p.doseHalfLifeHours, dt);
    const degradeResponse = ctx.exposure.of(REGION_PRIMARY, FX.ecmDegrade);
    const lymphShare = Math.min(1, p.lymphFraction * (1 + p.lymphangiogenesisGain * Math.max(0, ctx.exposure.of(REGION_PRIMARY, FX.lymphangiogenesis))));
    vessels.rebuild(ctx.pools.endothelium);
    const cargoTables = ctx.cargo;
    const dir = new Float64Array(2);
    // Per-tick chances that are the same for every cell, computed once (the deterministic exp
    // behind them is not free, and a call per cell was a few percent of a run).
    const metRevert = perTickProbability(p.metRevertPerHour, dt);
    const emtGain = perTickProbability(p.emtRatePerHour, dt);
    let intravasated = 0;
    for (let i = 0; i < t.count; i++) {
      if (c.region[i] !== REGION_PRIMARY) continue;
      const stage = c.stage[i];
      if (stage !== Stage.primary && stage !== Stage.invading) continue;
      const profile = ctx.clones[c.clone[i]].profile;
      // Internalised cargo acts through the clone's profile strengths; suppressing cargo
      // (miR-770, miR-7) counts against inducing cargo.
      const cargo = cargoTables.strength(profile, FX.emtInduce) + cargoTables.strength(profile, FX.invasionBoost)
        - cargoTables.strength(profile, FX.invasionSuppress);
      const drive = saturating(c.dose[i], p.doseHalfPackets) * saturating(cargo, p.cargoHalf)
        + p.tgfbWeight * saturating(tgfb.sample(c.x[i], c.y[i]), p.tgfbHalf);
      c.dose[i] *= doseKeep;
      if (stage === Stage.primary) {
        c.emt[i] -= c.emt[i] * metRevert;
        if (rng.uniform() < perTickProbability(p.switchRatePerHour * drive, dt)) {
          const k = t.stageTransfer(i);
          t.moving.stage[k] = Stage.invading;
          t.moving.stageTick[k] = ctx.tick;
        }
        continue;
      }
      const emt = c.emt[i] + (1 - c.emt[i]) * emtGain;
      c.emt[i] = emt;
      if (rng.uniform() < metRevert) {
        const k = t.stageTransfer(i);
        t.moving.stage[k] = Stage.primary;
        t.moving.stageTick[k] = ctx.tick;
        continue;
      }
      // Invading: crawl (slower in dense matrix), degrade matrix, maybe intravasate.
      const local = ecm.sample(c.x[i], c.y[i]);
      const step = (p.speedUmPerHour * dt * emt) / (0.5 + local);
      rng.direction(dir);
      c.x[i] = reflect(c.x[i] + step * dir[0], primary.x0Um, primary.x1Um);
      c.y[i] = reflect(c.y[i] + step * dir[1], primary.y0Um, primary.y1Um);
      ecm.deposit(c.x[i], c.y[i], -p.mmpPerHour * dt * (1 + p.ecmDegradeGain * degradeResponse));
      const bestPerm = vessels.bestPermeabilityWithin(c.x[i], c.y[i], p.vesselReachUm);
      if (bestPerm < 0) continue;
      const rate = p.intravasationRatePerHour * emt * (bestPerm / BASE_PERMEABILITY);
      if (!(rng.uniform() < perTickProbability(rate, dt))) continue;
      const seg = rng.uniform() < lymphShare ? ctx.graph.primaryLymphOutlet : ctx.graph.primaryVenousOutlet;
      const k = t.stageTransfer(i);
      const m = t.moving;
      m.stage[k] = Stage.circulating;
      m.region[k] = REGION_BLOOD;
      m.seg[k] = seg;
      m.sUm[k] = 0;
      m.leftTick[k] = ctx.tick;
      m.stageTick[k] = ctx.tick;
      placeOnSegment(ctx.graph, seg, 0, m.x, m.y, k);
      intravasated++;
    }
    ctx.counters[INTRAVASATED] += intravasated;
  },
});
