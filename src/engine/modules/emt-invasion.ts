import { perTickProbability, relax, saturating, survivalPerTick, switchChance, waitingHours } from '../../core/rates';
import { REGION_PRIMARY, REGIONS } from '../../world/regions';
import { reflect } from '../../world/tissue';
import { FX } from '../effect-index';
import { Stage } from '../kinds';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';
import { BASE_PERMEABILITY } from '../populate-cascade';
import { shedFromPrimary } from '../enter-blood';
import { VesselIndex } from '../vessel-index';

const INTRAVASATED = metricIndex('ctc.intravasated');
/** A uniform step of half-width √3·σ has the variance σ² of the Gaussian it stands for. */
const SQRT3 = Math.sqrt(3);

/**
 * Step 1, migration. Tumour cells that internalised exosomes carrying EMT-inducing cargo (and
 * cells bathed in TGF-β, which CAFs and M2 macrophages secrete) enter the EMT programme: their
 * EMT level rises toward 1 and they invade, crawling through the matrix they degrade (MMP cargo
 * speeds this), and shed cells into nearby vessels (intravasation), more readily where the vessel
 * is leaky. A primary agent stands for many cells, so a shed cell is a copy that rides while the
 * agent stays: shedding does not drain the primary (until engine 0.5.0 the agent itself left, and
 * a primary of ~200 agents lost ~450 over a run, so the flux was set by how fast the primary
 * regrew and cargo that restrains invasion barely changed it). Epithelial agents next to a leaky
 * vessel are shed too, passively, at a fraction of that rate (Bockhorn et al. 2007): growth
 * pushes them in without an invasive programme. The shed cell starts its ride at the moment
 * within the tick it entered.
 */
export const emtInvasion = defineModule({
  id: 'emt-invasion',
  doc: 'EMT from exosomal cargo and TGF-β; invasion through degraded ECM; shedding into leaky vessels, active (invading cells) and passive (review: Step 1).',
  phase: 'act',
  everyTicks: 1,
  needs: { pools: ['tumour', 'endothelium'], fields: true, graph: true, cargo: true, exposure: true },
  params: {
    switchRatePerHour: {
      default: 0.02, min: 0, max: 10, range: [0.002, 0.2], unit: 'per hour', doc: 'hazard that a primary cell enters the EMT programme under full stimulus',
      source: 'schematic: only a minority of primary cells undergo EMT at any time',
    },
    emtRatePerHour: {
      default: 0.03, min: 0, max: 10, range: [0.005, 0.3], unit: 'per hour', doc: 'rate the EMT level of a cell in the programme approaches 1',
      source: 'schematic: TGF-β1-induced EMT proceeds stepwise over days in culture (Schneider et al. 2011, impedance study of NMuMG, A549, MDA-MB-231); 0.03/h gives a ~1.4-day time constant',
    },
    cargoHalf: {
      default: 0.5, min: 0.001, max: 1000, range: [0.05, 5], unit: 'effect level', doc: 'EMT-cargo level (emt.induce + invasion.boost − invasion.suppress) giving half the maximal cargo drive',
      source: 'schematic: several EMT-inducing cargo act on overlapping pathways, so their effects saturate',
    },
    doseHalfPackets: {
      default: 4, min: 0.01, max: 1e6, range: [0.4, 40], unit: 'packets', doc: 'internalised packets giving half the cargo response of a cell',
      source: 'schematic: a packet is 1000 vesicles (model resolution), so ~4000 internalised vesicles give half the cargo response; no per-cell dose–response measured',
    },
    doseHalfLifeHours: {
      default: 24, min: 0.1, max: 1e5, range: [8, 72], unit: 'hours', doc: 'half-life of a cell’s internalised cargo',
      source: 'Kingston & Bartel (2019, Genome Res): mature miRNA median half-lives 11–34 h across mouse cell types (guide strands vary 100-fold) → half-life of internalised miRNA cargo',
    },
    tgfbHalf: {
      default: 0.5, min: 0.001, max: 1e6, range: [0.05, 5], unit: 'field units', doc: 'TGF-β level giving half the TGF-β drive to EMT',
      source: 'schematic: arbitrary TGF-β field units; half level within the range the primary\'s field reaches',
    },
    intrinsicDrive: {
      default: 0.1, min: 0, max: 10, range: [0, 0.5], unit: '1', doc: 'EMT drive of a primary cell without exosomal cargo or TGF-β (hypoxia, oncogenic signalling)',
      source: 'schematic: carcinoma cells undergo some EMT without tumour-derived exosomes',
    },
    tgfbWeight: {
      default: 0.3, min: 0, max: 10, range: [0.03, 3], unit: '1', doc: 'weight of TGF-β relative to exosomal cargo in driving EMT',
      source: 'schematic: TGF-β is the canonical EMT inducer',
    },
    metRevertPerHour: {
      default: 0.01, min: 0, max: 10, range: [0.001, 0.1], unit: 'per hour', doc: 'hazard that an invading cell leaves the EMT programme (and rate its EMT level falls after)',
      source: 'schematic: EMT is reversible once inducers fade (review Step 5; MET needed for outgrowth); no per-cell rate measured — 0.01/h gives a ~4-day mean stay in the programme',
    },
    motilityUm2PerHour: {
      default: 100, min: 0, max: 1e5, range: [10, 1000], unit: 'µm²/h', doc: 'random-motility coefficient of a fully mesenchymal cell in degraded matrix (slower in dense matrix)',
      source: 'schematic: mesenchymal cells crawl at ~10 µm/h and turn every hour or two (D = v²τ/2 ≈ 50–100 µm²/h)',
    },
    mmpPerHour: {
      default: 0.01, min: 0, max: 10, range: [0.001, 0.1], unit: 'ECM density per hour', doc: 'matrix an invading cell degrades at its site without cargo help',
      source: 'schematic: relative ECM density per hour; an invading cell clears its site (density 1) in ~4 days without cargo help; MMP degradation rates are not measured in these units',
    },
    ecmDegradeGain: {
      default: 2, min: 0, max: 100, range: [0.2, 20], unit: '1', doc: 'extra degradation per unit of ecm.degrade response (MMPs, ADAMTS)',
      source: 'schematic: exosomal MMPs degrade ECM (review: Step 1)',
    },
    intravasationRatePerHour: {
      default: 0.02, min: 0, max: 100, range: [0.002, 0.2], unit: 'per hour', doc: 'rate a fully mesenchymal primary agent next to a vessel of base permeability sheds a cell into it',
      source: 'calibrated: screen against targets/clinical.json (ffe042d0d53a2f40) on engine 0.6.0, see calibration/2026-12-stage5 (with passive shedding at 0.02: 0.015 and 0.02 met 17 of 21 over seeds 1..20, the chosen point 18 of 21 over seeds 1..40; without passive shedding, calibration/2026-12-explore-primary-copies: 0.014, 0.02, 0.025 and 0.03 met 17, 19, 17 and 17); prior: Butler & Gullino (1975, Cancer Res) measured 3.2×10^6 cells shed per g of tumour per day (~10^-4 per cell per hour); an agent stands for many cells and only mesenchymal agents next to vessels shed actively, so the rate per agent is far higher',
    },
    passiveShedFraction: {
      default: 0.02, min: 0, max: 1, range: [0, 0.3], unit: '1', doc: 'shedding rate of an epithelial primary agent next to a vessel, relative to a fully mesenchymal one (passive shedding)',
      source: 'calibrated: screen against targets/clinical.json (ffe042d0d53a2f40) and targets/held-back.json on engine 0.6.0, see calibration/2026-12-stage5 (over seeds 1..40 gastric cancer seeds a distant metastasis in 67.5% of seeds without it, 85% at 0.01 and 97.5% at 0.02; 0.03 and 0.05 cost lung cancer’s brain share over seeds 1..20); prior: schematic: Bockhorn, Jain & Munn (2007, Lancet Oncol 8:444) — tumours shed cells passively into leaky vessels, pushed by growth, without active migration; the passive share is not measured',
    },
    vesselReachUm: {
      default: 20, min: 0, max: 500, range: [10, 60], unit: 'µm', doc: 'distance from a vessel segment within which a cell can intravasate', source: 'schematic: about one cell diameter plus a protrusion from the vessel wall; 20 µm is one vessel segment',
    },
    lymphFraction: {
      default: 0.3, min: 0, max: 1, range: [0.05, 0.6], unit: '1', doc: 'share of intravasations into lymphatics (the rest into blood)',
      source: 'schematic: lymph-node metastasis is common in carcinomas (Table 1)',
    },
    lymphangiogenesisGain: {
      default: 1, min: 0, max: 100, range: [0.1, 10], unit: '1', doc: 'relative rise of the lymphatic share per unit of lymphangiogenesis response',
      source: 'schematic: exosomal cargo raises lymphangiogenesis (review Table 2 rows) but no measured link from it to the share of lymphatic intravasation',
    },
  },
  scratch: (p) => new VesselIndex(REGIONS[REGION_PRIMARY], p.vesselReachUm),
  step(ctx, p, vessels) {
    const t = ctx.pools.tumour;
    let c = t.cols;
    const rng = ctx.rng;
    const dt = ctx.tickHours;
    const primary = REGIONS[REGION_PRIMARY];
    const ecm = ctx.regions[REGION_PRIMARY].fields.ecm;
    const tgfb = ctx.regions[REGION_PRIMARY].fields.tgfb;
    const doseKeep = survivalPerTick(p.doseHalfLifeHours, dt);
    const degradeResponse = Math.max(0, ctx.exposure.of(REGION_PRIMARY, FX.ecmDegrade));
    const lymphShare = Math.min(1, p.lymphFraction * (1 + p.lymphangiogenesisGain * Math.max(0, ctx.exposure.of(REGION_PRIMARY, FX.lymphangiogenesis))));
    vessels.rebuild(ctx.pools.endothelium);
    const cargoTables = ctx.cargo;
    let intravasated = 0;
    /** Sheds a copy of agent `row` into a vessel of permeability `perm` at `ratePerHour` (at base permeability); true when it did. */
    const shedInto = (perm: number, ratePerHour: number, row: number): boolean => {
      const rate = ratePerHour * (perm / BASE_PERMEABILITY);
      const u = rng.uniform();
      if (!(u < perTickProbability(rate, dt))) return false;
      const seg = rng.uniform() < lymphShare ? ctx.graph.primaryLymphOutlet : ctx.graph.primaryVenousOutlet;
      // When within the tick it entered (u < chance is the event; u itself places it exactly).
      shedFromPrimary(ctx, row, seg, Math.min(dt, waitingHours(rate, u)));
      c = t.cols; // a copy was spawned: the columns may have been replaced
      return true;
    };
    for (let i = 0; i < t.count; i++) {
      if (c.region[i] !== REGION_PRIMARY) continue;
      const stage = c.stage[i];
      if (stage !== Stage.primary && stage !== Stage.invading) continue;
      const profile = ctx.clones[c.clone[i]].profile;
      // Internalised cargo acts through the clone's effect levels. Suppressing cargo (the
      // "decrease metastases" rows: miR-770, miR-7) holds back the whole invasive programme:
      // entering it, crawling and entering the vessels, in proportion to its level.
      const cargo = cargoTables.strength(profile, FX.emtInduce) + cargoTables.strength(profile, FX.invasionBoost);
      const restraint = 1 - Math.min(1, Math.max(0, cargoTables.strength(profile, FX.invasionSuppress)));
      const drive = restraint * (p.intrinsicDrive + saturating(c.dose[i], p.doseHalfPackets) * saturating(cargo, p.cargoHalf)
        + p.tgfbWeight * saturating(tgfb.sample(c.x[i], c.y[i]), p.tgfbHalf));
      c.dose[i] *= doseKeep;
      if (stage === Stage.primary) {
        c.emt[i] = relax(c.emt[i], 0, p.metRevertPerHour, dt);
        // Entering the programme and leaving it again form a two-state switch.
        if (rng.uniform() < switchChance(p.switchRatePerHour * drive, p.metRevertPerHour, dt)) {
          const k = t.stageTransfer(i);
          t.moving.stage[k] = Stage.invading;
          t.moving.stageTick[k] = ctx.tick;
          t.moving.invadeTick[k] = ctx.tick;
          continue;
        }
        // Passive shedding: growth pushes epithelial cells into leaky vessels next to them
        // without an invasive programme (Bockhorn et al. 2007), so cargo that restrains invasion
        // does not hold it back; leakier vessels shed more.
        if (p.passiveShedFraction > 0) {
          const perm = vessels.bestPermeabilityWithin(c.x[i], c.y[i], p.vesselReachUm);
          if (perm >= 0 && shedInto(perm, p.intravasationRatePerHour * p.passiveShedFraction, i)) intravasated++;
        }
        continue;
      }
      const emt = relax(c.emt[i], 1, p.emtRatePerHour, dt);
      c.emt[i] = emt;
      if (rng.uniform() < switchChance(p.metRevertPerHour, p.switchRatePerHour * drive, dt)) {
        const k = t.stageTransfer(i);
        t.moving.stage[k] = Stage.primary;
        t.moving.stageTick[k] = ctx.tick;
        continue;
      }
      // Invading: crawl (a random walk, slower in dense matrix: its variance grows with time,
      // not with the number of ticks), degrade matrix, maybe intravasate.
      const local = ecm.sample(c.x[i], c.y[i]);
      const half = SQRT3 * Math.sqrt((2 * p.motilityUm2PerHour * restraint * emt * dt) / (0.5 + local));
      c.x[i] = reflect(c.x[i] + (rng.uniform() * 2 - 1) * half, primary.x0Um, primary.x1Um);
      c.y[i] = reflect(c.y[i] + (rng.uniform() * 2 - 1) * half, primary.y0Um, primary.y1Um);
      ecm.deposit(c.x[i], c.y[i], -p.mmpPerHour * dt * (1 + p.ecmDegradeGain * degradeResponse));
      const bestPerm = vessels.bestPermeabilityWithin(c.x[i], c.y[i], p.vesselReachUm);
      if (bestPerm < 0) continue;
      if (shedInto(bestPerm, p.intravasationRatePerHour * restraint * emt, i)) intravasated++;
    }
    ctx.counters[INTRAVASATED] += intravasated;
  },
});
