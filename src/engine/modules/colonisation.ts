import { eventWithin, firstEvent, powInt, rateFromHalfTime, relax, saturating, waitingHours } from '../../core/rates';
import { ORGANS, REGION_BLOOD, REGION_PRIMARY, REGIONS, regionOfOrgan } from '../../world/regions';
import { reflect } from '../../world/tissue';
import { recordColonyGrowth, stageColony } from '../colonies';
import { shedIntoBlood } from '../enter-blood';
import { FX } from '../effect-index';
import { Stage } from '../kinds';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';
import { BASE_PERMEABILITY } from '../populate-cascade';
import { VesselIndex } from '../vessel-index';

const EXTRAVASATED = ORGANS.map((o) => metricIndex(`cells.extravasated.${o}`));
const SHED = ORGANS.map((o) => metricIndex(`ctc.shed.${o}`));
const BRAIN = regionOfOrgan('brain');

/** Per-run working memory: each organ's vessels, indexed for the perfusion of colonies. */
interface Scratch {
  vessels: VesselIndex[];
  rates: Float64Array;
}

/**
 * Step 5, seed and soil. Arrested cells extravasate — more easily through leaky, niche-primed
 * vessels, less through the blood–brain barrier — or die where they lodged; on leaving the vessel
 * a cell colonises with a chance set by its soil (the organ's own chance without priming, raised
 * toward 1 by the local niche through a Hill response) or stays dormant, and dormant cells die or
 * awaken in a receptive niche. Priming decides in every organ: an unprimed soil lets few cells
 * grow (Chambers et al. 2002), so a knockout that weakens a niche lowers its metastases.
 * Colonising cells revert to an epithelial phenotype (MET) and divide: faster with growth and
 * metabolic cargo, in a primed niche (educated stroma feeds growth as well as seeding: CXCL12
 * from PKM2-educated marrow stroma, Dai et al. 2019), with TGF-β from the stroma (Kupffer cells, osteoclasts),
 * and near vessels — a colony far from any vessel is starved until it recruits some
 * (angiogenesis at the metastatic site: colony cells secrete VEGF when hypoxic). Perfused colony
 * cells are shed into the organ's veins, as the primary's are: secondary tumours seed further
 * metastases (review: CTCs are "shed from primary or secondary tumors").
 */
export const colonisation = defineModule({
  id: 'colonisation',
  doc: 'Arrested cells extravasate or die; colonise the soil or stay dormant; MET and vessel-dependent colony growth (review: Step 5).',
  phase: 'act',
  everyTicks: 1,
  needs: { pools: ['tumour', 'colony', 'endothelium'], fields: true, cargo: true, exposure: true, organs: true, graph: true },
  params: {
    extravasationRatePerHour: {
      default: 0.03, min: 0, max: 100, range: [0.01, 0.2], unit: 'per hour', doc: 'extravasation hazard of an arrested cell through vessels of base permeability',
      source: 'Koop et al. (1995, Cancer Res): >80% of B16F10 cells survived and extravasated within 24 h (chick CAM); Luzzi et al. (1998) most by day 3 in mouse liver; Kienast et al. (2010) early extravasation in brain → ~0.03–0.1/h',
    },
    leakGain: {
      default: 4, min: 0, max: 1000, range: [0.4, 40], unit: 'per permeability unit', doc: 'relative rise of extravasation per unit of the organ’s mean vessel permeability above base',
      source: 'schematic: vascular leak in the niche eases extravasation (review: Step 5)',
    },
    brainBarrier: {
      default: 0.6777, min: 0, max: 1, range: [0.05, 1], unit: '1', doc: 'extravasation multiplier across the blood–brain barrier',
      source: 'calibrated: ABC-SMC against targets/clinical.json (ffe042d0d53a2f40) on engine 0.2.0, see calibration/2026-12-stage1; prior: schematic: the blood–brain barrier restricts transendothelial migration, yet Kienast et al. (2010, Nat Med) saw early extravasation as an essential, efficient step of brain metastasis in mice, so the restriction is modest; size unmeasured',
    },
    arrestDeathRatePerHour: {
      default: 0.0075, min: 0, max: 100, range: [0.001, 0.03], unit: 'per hour', doc: 'death hazard of an arrested cell that has not extravasated',
      source: 'Koop et al. (1995, Cancer Res): virtually no destruction of arrested cells, >80% survive and extravasate (also Luzzi 1998; Chambers 2002: early steps are efficient) → death ≤ ¼ of extravasation: 0.0075/h',
    },
    nicheHalf: {
      default: 0.05, min: 0.0001, max: 1e6, range: [0.025, 2.5], unit: 'niche units', doc: 'local niche level at which priming gives half its rise of the colonisation chance (Hill coefficient nicheHill)',
      source: 'calibrated: grid search against targets/clinical.json (ffe042d0d53a2f40) on engine 0.4.0, see calibration/2026-12-stage3; prior: schematic: "seed and soil" — priming makes a soil receptive',
    },
    nicheHill: {
      default: 3, min: 1, max: 8, range: [1, 4], unit: '1', integer: true, doc: 'Hill coefficient of colonisation in the local niche level: 1 graded, 3 switch-like',
      source: 'calibrated: grid search against targets/clinical.json (ffe042d0d53a2f40) on engine 0.4.0, see calibration/2026-12-stage3 (1 let the liver saturate: αvβ5 and MIF knockouts −13% to −22%; 3 and 2 fit alike, 3 with the smaller distance); prior: schematic: "seed and soil" (Paget 1889) says a soil decides, not how steeply',
    },
    soilLung: {
      default: 0.1, min: 0, max: 1, range: [0, 0.5], unit: 'probability', doc: 'chance an extravasated cell colonises the unprimed lung (priming raises it toward 1)',
      source: 'calibrated: grid search against targets/clinical.json (ffe042d0d53a2f40) on engine 0.4.0, see calibration/2026-12-stage3; prior: Chambers et al. (2002, Nat Rev Cancer): metastatic inefficiency is due mainly to regulation of growth in secondary sites, so few cells grow in an unprimed soil; organ soils differ (Paget 1889)',
    },
    soilLiver: {
      default: 0.15, min: 0, max: 1, range: [0, 0.5], unit: 'probability', doc: 'chance an extravasated cell colonises the unprimed liver (priming raises it toward 1)',
      source: 'calibrated by hand (calibration/2026-12-explore-soil-chance, points W1–W6: the 0.4.0 colonisation rule with sub-stepped exosome fates): 0.05 left gastric cancer with a distant metastasis in 55% of seeds, 0.2 weakened αvβ5’s knockout to −16%; prior: Costa-Silva et al. (2015): liver metastasis of pancreatic cells needs the Kupffer-cell niche their exosomes build',
    },
    soilBone: {
      default: 0.5, min: 0, max: 1, range: [0, 0.5], unit: 'probability', doc: 'chance an extravasated cell colonises the unprimed bone marrow, with its CXCL12-rich osteoblastic and vascular niches (priming raises it toward 1)',
      source: 'calibrated: screen against targets/clinical.json (ffe042d0d53a2f40) over seeds 1..40 on engine 0.8.0, see calibration/2026-12-stage6 (at the top of its range: once colony growth needs priming, 0.5 keeps breast’s bone share at 0.37–0.39 and 0.4 at 0.30, while PKM2’s knockout lowers prostate’s bone metastases by 20–25% at each); before: calibrated on engine 0.6.0, calibration/2026-12-stage5 (0.3 keeps breast’s bone share once the primary sheds copies: 0.25 gave 0.27, calibration/2026-12-explore-primary-copies point D; 0.4.0’s grid, calibration/2026-12-stage3, chose 0.25); prior: Chambers et al. (2002, Nat Rev Cancer): metastatic inefficiency is due mainly to regulation of growth in secondary sites, so few cells grow in an unprimed soil; organ soils differ (Paget 1889)',
    },
    soilBrain: {
      default: 0.2, min: 0, max: 1, range: [0, 0.5], unit: 'probability', doc: 'chance an extravasated cell colonises the unprimed brain (priming raises it toward 1)',
      source: 'calibrated: screen against targets/clinical.json (ffe042d0d53a2f40) over seeds 1..40 on engine 0.8.0, see calibration/2026-12-stage6 (once colony growth needs priming, 0.15 left lung cancer’s brain share at 0.12–0.15 over seeds 1..20; 0.2 gives it back); before: calibrated on engine 0.6.0, calibration/2026-12-stage5 (passive shedding at 0.135 left lung cancer’s brain share at 0.135 over seeds 1..20, point F2; 0.15 gives 0.19 over seeds 1..40); before: calibrated by hand (calibration/2026-12-explore-soil-chance: 0.12 lost lung cancer’s brain share); prior: schematic: organ soils differ (Paget 1889)',
    },
    soilLymphNode: {
      default: 0.2, min: 0, max: 1, range: [0, 0.5], unit: 'probability', doc: 'chance an extravasated cell colonises the unprimed lymph node (priming raises it toward 1)',
      source: 'schematic: lymph nodes are the commonest first site of carcinoma spread (Table 1); a fifth of arriving cells grow unprimed, set by hand (calibration/2026-12-explore-soil-chance)',
    },
    primedGrowthShare: {
      default: 0.5, min: 0, max: 1, range: [0, 1], unit: '1', doc: 'share of a colonising cell’s growth that needs a primed niche: an unprimed soil supports 1 − share of it, a full niche all of it (Hill response in the local niche level)',
      source: 'calibrated: screen against targets/clinical.json (ffe042d0d53a2f40) over seeds 1..40 on engine 0.8.0, see calibration/2026-12-stage6 (0.3 and 0.4 left PKM2’s knockout at −4% to −16% over seeds 1..20, 0.8 met 12 of 21 targets); prior: Dai et al. (2019, J Exp Med 216:2883): exosomal PKM2 makes bone-marrow stromal cells secrete CXCL12, which “enhances PCa seeding and growth in the bone marrow”, and targeting that axis diminished exosome-mediated bone metastasis — priming feeds growth, not only seeding; the share is unmeasured (until 0.7.0 growth scaled as 0.5 + 0.5 × the receptive chance, soil included, so an unprimed marrow grew colonies at 65% of a full niche’s rate)',
    },
    awakenRatePerHour: {
      default: 0.003, min: 0, max: 100, range: [0.0003, 0.03], unit: 'per hour', doc: 'rate a dormant cell resumes growth in a full soil', source: 'schematic: solitary dormant cells persist in secondary sites and rarely resume growth (Townson & Chambers 2006); 0.003/h gives a ~2-week mean in a full soil; no measured rate',
    },
    dormantDeathRatePerHour: {
      default: 0.004, min: 0, max: 100, range: [0.0001, 0.02], unit: 'per hour', doc: 'death hazard of a dormant cell', source: 'schematic: solitary dormant cells persist for long periods (Townson & Chambers 2006; CTCs shed for years in dormancy, Meng et al. 2004); 0.004/h (~1-week half-life) is at the short end',
    },
    metRatePerHour: {
      default: 0.02, min: 0, max: 100, range: [0.002, 0.2], unit: 'per hour', doc: 'rate colonising cells revert toward epithelial (MET)',
      source: 'schematic: MET is needed for outgrowth (review: Step 5)',
    },
    metCargoGain: {
      default: 1, min: 0, max: 100, range: [0.1, 10], unit: '1', doc: 'relative rise of MET per unit of met.transition level', source: 'schematic: MET-promoting cargo (review Step 5) speeds reversion; the size of the effect per unit level is unmeasured',
    },
    colonyDoublingHours: {
      default: 17.5, min: 1, max: 1e5, range: [15, 96], unit: 'hours', doc: 'doubling time of a colonising cell in a full, perfused soil', source: 'calibrated: screen against targets/clinical.json (ffe042d0d53a2f40) over seeds 1..20 on engine 0.8.0, see calibration/2026-12-stage6 (an unprimed soil now supports half of a colony’s growth: at 18.65 h colorectal’s lung share fell to 0.018 and lung cancer’s brain share to 0.14 over seeds 1..20; 16.5 h gave both back but weakened MIF’s liver knockout to −26% over seeds 1..40, 17.5 h keeps all three (MIF −28%), 15 h lowered breast’s bone share to 0.29); before: ABC-SMC on engine 0.3.0, calibration/2026-12-stage2 (18.65 h); prior: perfused colony cells are assumed to divide as fast as carcinoma lines in culture (~15–34 h; Table 1 of a breast-model study); micrometastasis growth in vivo is slower and very variable (schematic)',
    },
    growthCargoGain: {
      default: 0.5, min: 0, max: 100, range: [0.05, 5], unit: '1', doc: 'relative change of colony growth per unit of growth.proliferate (minus growth.suppress) level',
      source: 'schematic: e.g. KRAS-mutant cargo promotes, miR-193a suppresses growth (Table 2)',
    },
    metabolicGain: {
      default: 1, min: 0, max: 100, range: [0.1, 10], unit: '1', doc: 'relative rise of colony growth per unit of niche.metabolic response in the organ',
      source: 'schematic: miR-122 lowers niche glucose uptake, leaving more for tumour cells (Fong et al., 2015)',
    },
    tgfbGrowthGain: {
      default: 0.5, min: 0, max: 100, range: [0, 5], unit: '1', doc: 'relative rise of colony growth at saturating TGF-β from the stroma (osteoclasts, Kupffer cells)',
      source: 'schematic: matrix-released TGF-β feeds bone metastases (the vicious cycle)',
    },
    tgfbHalf: {
      default: 0.5, min: 0.001, max: 1e6, range: [0.05, 5], unit: 'field units', doc: 'TGF-β level giving half its growth support', source: 'schematic: arbitrary TGF-β field units; half level within the range osteoclast- and Kupffer-derived TGF-β reaches',
    },
    perfusionReachUm: {
      default: 60, min: 1, max: 1000, range: [50, 180], unit: 'µm', doc: 'distance from a vessel within which a cell is perfused',
      source: 'Thomlinson & Gray (1955, Br J Cancer): oxygen falls with distance from stroma and tumour cords are necrotic at their centres; the usual ~100–150 µm O2 range supports a wider reach than 60 µm (figure not checked in the excerpt)',
    },
    perfusionHalfSegments: {
      default: 2, min: 0.01, max: 1000, range: [0.5, 10], unit: 'segments', doc: 'vessel segments within reach giving half the perfusion', source: 'schematic: vessels are 20-µm segments; 2 segments (40 µm of capillary) within reach give half perfusion',
    },
    avascularGrowth: {
      default: 0.2, min: 0, max: 1, range: [0, 0.5], unit: '1', doc: 'growth of a colonising cell with no vessel within reach, relative to a perfused one',
      source: 'schematic: avascular micrometastases stay small until the angiogenic switch',
    },
    hypoxicVegfPerHour: {
      default: 0.05, min: 0, max: 100, range: [0.005, 0.5], unit: 'field units per hour', doc: 'VEGF a colonising cell with no perfusion secretes (times 1 − its perfusion)',
      source: 'schematic: hypoxia induces VEGF (HIF-1α)',
    },
    organCapacityCells: {
      default: 3000, min: 1, max: 1e7, range: [1500, 6000], unit: 'cells', integer: true, doc: 'tumour cells an organ region holds at most: colonies grow more slowly as it fills (logistic)',
      source: 'model resolution: bounds a run’s cost. It binds: at day 25 of the default runs the lung of breast, melanoma and HCC, the bone of prostate and the liver of pancreatic cancer hold 1,700–2,400 cells (mean of seeds 1–5, engine 0.3.0), so by then their colonies grow at 21–43% of their uncrowded rate (see calibration/2026-12-explore)',
    },
    colonyMaxCells: {
      default: 60, min: 1, max: 1e6, range: [30, 120], unit: 'cells', integer: true, doc: 'cap on one colony’s size (keeps runs small)', source: 'model resolution: a colony is capped to keep runs small (a metastasis is 8 cells)',
    },
    colonyShedRatePerHour: {
      default: 0.0005, min: 0, max: 1, range: [0.00001, 0.001], unit: 'per cell per hour', doc: 'rate a perfused colony cell is shed into the blood leaving its organ (a secondary tumour’s CTC)',
      source: 'calibrated: screen against targets/clinical.json (ffe042d0d53a2f40) over seeds 1..40 on engine 0.6.0, see calibration/2026-12-stage5 (5×10^-4 met 19 of 21 over seeds 1..40 with the copy rule before passive shedding, calibration/2026-12-explore-primary-copies point Q2; 8×10^-4 met 16 over seeds 1..20, point G2); on engine 0.5.0 a screen of 0 to 7×10^-4 (calibration/2026-12-stage4) met 16 of 21 at 0 and 1.3×10^-4 and 18 from 2.5×10^-4 up; prior: Butler & Gullino (1975, Cancer Res): 3.2×10^6 cells shed per g of tumour per day ≈ 1.3×10^-4 per cell per hour (10^9 cells per g); the review: CTCs are shed from primary or secondary tumours (Paoletti & Hayes 2016)',
    },
    colonySpreadUm: {
      default: 6, min: 0, max: 100, range: [3, 12], unit: 'µm', doc: 'distance a daughter is placed from its mother', source: 'model resolution: about half a cell diameter',
    },
  },
  scratch: (p): Scratch => ({
    vessels: REGIONS.map((r) => new VesselIndex(r, p.perfusionReachUm)),
    rates: new Float64Array(2),
  }),
  step(ctx, p, scratch) {
    const rng = ctx.rng;
    const dt = ctx.tickHours;
    const regions = ctx.regions;
    const organs = ctx.organs;
    const soil = [0, p.soilLung, p.soilLiver, p.soilBone, p.soilBrain, p.soilLymphNode];
    // The Hill response's half level to its power, once per tick rather than per cell.
    const halfPow = powInt(p.nicheHalf, p.nicheHill);
    for (let r = 1; r < REGIONS.length; r++) scratch.vessels[r].rebuild(ctx.pools.endothelium);
    const rates = scratch.rates;
    const divideBase = rateFromHalfTime(p.colonyDoublingHours);
    const t = ctx.pools.tumour;
    const colonies = ctx.pools.colony;
    let c = t.cols;
    const n = t.count;
    // Room left in each organ (logistic crowding of its colonies).
    const room = new Float64Array(REGIONS.length);
    for (let i = 0; i < n; i++) if (c.region[i] !== REGION_BLOOD) room[c.region[i]]++;
    for (let r = 0; r < REGIONS.length; r++) room[r] = Math.max(0, 1 - room[r] / p.organCapacityCells);
    const dir = new Float64Array(2);
    for (let i = 0; i < n; i++) {
      const region = c.region[i];
      if (region === REGION_PRIMARY || region === REGION_BLOOD) continue;
      const stage = c.stage[i];
      // The organ's own soil is the chance without priming; the local niche raises it toward 1.
      const level = regions[region].fields.niche.sample(c.x[i], c.y[i]);
      const primed = saturating(powInt(level, p.nicheHill), halfPow);
      const receptive = soil[region] + (1 - soil[region]) * primed;
      if (stage === Stage.arrested) {
        const leak = organs.permeability[region] - BASE_PERMEABILITY;
        rates[0] = p.extravasationRatePerHour * (1 + p.leakGain * (leak > 0 ? leak : 0)) * (region === BRAIN ? p.brainBarrier : 1);
        rates[1] = p.arrestDeathRatePerHour;
        // A cell that lodged during the last tick is owed the part of it it spent lodged.
        const event = firstEvent(rates, 2, dt + c.carryH[i], rng.uniform(), rng.uniform());
        c.carryH[i] = 0;
        if (event === 1) t.stageRemove(i);
        if (event !== 0) continue;
        // Out of the vessel: the soil decides at once between growth and dormancy.
        ctx.counters[EXTRAVASATED[region - 1]]++;
        const colonise = rng.uniform() < receptive;
        const k = t.stageTransfer(i);
        const mv = t.moving;
        mv.stageTick[k] = ctx.tick;
        mv.exitTick[k] = ctx.tick;
        mv.stage[k] = colonise ? Stage.colonising : Stage.dormant;
        if (colonise) mv.colony[k] = stageColony(ctx, i, ctx.tick);
      } else if (stage === Stage.dormant) {
        rates[0] = p.awakenRatePerHour * receptive;
        rates[1] = p.dormantDeathRatePerHour;
        const event = firstEvent(rates, 2, dt, rng.uniform(), rng.uniform());
        if (event === 1) t.stageRemove(i);
        if (event !== 0) continue;
        const k = t.stageTransfer(i);
        const mv = t.moving;
        mv.stageTick[k] = ctx.tick;
        mv.stage[k] = Stage.colonising;
        mv.colony[k] = stageColony(ctx, i, c.exitTick[i]);
      } else if (stage === Stage.colonising) {
        const profile = ctx.clones[c.clone[i]].profile;
        const met = p.metRatePerHour * (1 + p.metCargoGain * Math.max(0, ctx.cargo.strength(profile, FX.metTransition)));
        c.emt[i] = relax(c.emt[i], 0, met, dt);
        const vessels = scratch.vessels[region].countWithin(c.x[i], c.y[i], p.perfusionReachUm);
        const perfused = saturating(vessels, p.perfusionHalfSegments);
        const fields = regions[region].fields;
        // Hypoxia grades with the supply: the less perfused a cell, the more VEGF it secretes.
        if (perfused < 1) fields.vegf.deposit(c.x[i], c.y[i], p.hypoxicVegfPerHour * dt * (1 - perfused));
        // The part of the tick the cell lived (a daughter born last tick is owed the rest of it).
        const hours = dt + c.carryH[i];
        c.carryH[i] = 0;
        // Shed into the organ's veins, the more readily the better perfused.
        const shed = p.colonyShedRatePerHour * perfused;
        const uShed = rng.uniform();
        if (eventWithin(shed, hours, uShed)) {
          shedIntoBlood(ctx, i, dt - hours + waitingHours(shed, uShed), rng.uniform());
          ctx.counters[SHED[region - 1]]++;
          continue;
        }
        // Growth-suppressing cargo (miR-193a, "decrease the growth") slows division in proportion to its level.
        const growth = (1 + p.growthCargoGain * Math.max(0, ctx.cargo.strength(profile, FX.growthProliferate)))
          * (1 - Math.min(1, Math.max(0, ctx.cargo.strength(profile, FX.growthSuppress))));
        const metabolic = 1 + p.metabolicGain * Math.max(0, ctx.exposure.of(region, FX.nicheMetabolic));
        const tgfb = 1 + p.tgfbGrowthGain * saturating(fields.tgfb.sample(c.x[i], c.y[i]), p.tgfbHalf);
        const supply = p.avascularGrowth + (1 - p.avascularGrowth) * perfused;
        const rate = divideBase * (1 - c.emt[i]) * (growth > 0 ? growth : 0) * (1 - p.primedGrowthShare + p.primedGrowthShare * primed) * metabolic * tgfb * supply * room[region];
        // Divisions through the part of the tick the cell lived; more than one in a long tick.
        const colonyRow = colonies.rowOf(c.colony[i]);
        const u0 = rng.uniform();
        if (eventWithin(rate, hours, u0)) for (let at = waitingHours(rate, u0); at < hours; at += waitingHours(rate, rng.uniform())) {
          if (colonyRow < 0 || colonies.cols.size[colonyRow] >= p.colonyMaxCells) break;
          rng.direction(dir);
          const d = t.stageSpawn();
          c = t.cols; // columns may have been replaced by growth
          const r = REGIONS[region];
          t.copyRow(d, i);
          c.x[d] = reflect(c.x[i] + dir[0] * p.colonySpreadUm, r.x0Um, r.x1Um);
          c.y[d] = reflect(c.y[i] + dir[1] * p.colonySpreadUm, r.y0Um, r.y1Um);
          c.bornTick[d] = ctx.tick;
          c.stageTick[d] = ctx.tick;
          c.carryH[d] = hours - at;
          recordColonyGrowth(ctx, colonyRow, 1);
        }
      }
    }
  },
});
