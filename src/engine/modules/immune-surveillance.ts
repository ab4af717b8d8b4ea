import { perTickProbability, relax, switchChance } from '../../core/rates';
import { REGION_BLOOD, REGION_PRIMARY, regionOfOrgan } from '../../world/regions';
import { placeOnSegment } from '../../world/flow';
import { FX } from '../effect-index';
import { EXPOSURE_SLOTS, SLOT_BLOOD } from '../exposure';
import { ImmuneState, ImmuneType, Stage, StromaType } from '../kinds';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';
import { tKillShareByClone } from '../t-shield';

const DIED = metricIndex('cells.died');
const KILLED_ORGANS = metricIndex('organs.killed.t');
const BRAIN = regionOfOrgan('brain');

/**
 * Step 3, immunosuppression. Exosomal cargo in the blood (from the primary's drainage and from
 * CTCs) and in tissue suppresses immune cells: PD-L1 exhausts CD8 T cells, FasL kills them,
 * TGF-β/NKG2D ligands — and the TGF-β of platelets cloaking CTCs — lower NK-cell activation
 * (NKG2D), HMGB1 turns B cells regulatory, HSP70 expands MDSCs (which with regulatory B cells
 * add to T- and NK-cell suppression). CD8 T cells kill invading cells in the primary and
 * disseminated cells in organs, less where the organ's cargo or educated microglia suppress
 * them or the cell carries a checkpoint ligand (PD-L1) of its own. The attack on cells in the
 * blood is the CTC transit module's, at rates set by the state this module keeps.
 */
export const immuneSurveillance = defineModule({
  id: 'immune-surveillance',
  doc: 'Cargo and platelet TGF-β suppress T, NK and B cells and expand MDSCs; CD8 T cells kill tumour cells in tissue (review: Step 3).',
  phase: 'act',
  everyTicks: 1,
  needs: { pools: ['immune', 'tumour', 'colony'], graph: true, exposure: true, populations: true, blood: true, organs: true, cargo: true, worldParams: true },
  params: {
    suppressRatePerHour: {
      default: 0.02, min: 0, max: 100, range: [0.003, 0.3], unit: 'per hour', doc: 'suppression/exhaustion hazard of an immune cell per unit of cargo response',
      source: 'schematic: PD-L1 (Chen et al., 2018), TGF-β/NKG2D (Szczepanski et al., 2011)',
    },
    recoveryRatePerHour: {
      default: 0.02, min: 0, max: 100, range: [0.001, 0.1], unit: 'per hour', doc: 'rate a suppressed, exhausted or regulatory cell recovers (and NK activation returns)',
      source: 'schematic: suppression and exhaustion reverse slowly once cargo fades (~4-day time constant); no stored measurement',
    },
    plateletNkSuppression: {
      default: 0.1, min: 0, max: 100, range: [0.05, 5], unit: 'response per cloak', doc: 'NKG2D-lowering response added by platelet TGF-β, per unit of platelet TGF-β in blood (one cloak’s worth)',
      source: 'Kopp et al. (2009): platelet-derived TGF-β down-regulates NKG2D on NK cells (review: Step 3)',
    },
    apoptosisRatePerHour: {
      default: 0.01, min: 0, max: 100, range: [0.001, 0.1], unit: 'per hour', doc: 'CD8 death hazard per unit of tcell.apoptosis response (FasL)', source: 'schematic: FasL-bearing tumour exosomes kill CD8 cells in culture (review Table 2); no in-vivo hazard measured',
    },
    mdscRecruitPerHour: {
      default: 0.5, min: 0, max: 1e4, range: [0.05, 5], unit: 'cells per hour', doc: 'MDSCs recruited per unit of mdsc.expand response',
      source: 'schematic: HSP70 on TDEs activates MDSCs (Chalmin et al., 2010)',
    },
    mdscDeathRatePerHour: {
      default: 0.01, min: 0, max: 100, range: [0.001, 0.1], unit: 'per hour', doc: 'MDSC death hazard', source: 'schematic: MDSCs are short-lived immature myeloid cells (days); 0.01/h gives a ~3-day half-life; no stored measurement found',
    },
    mdscSuppression: {
      default: 0.0002, min: 0, max: 100, range: [0.00002, 0.002], unit: 'response per MDSC', doc: 'suppressive response each MDSC adds on T and NK cells', source: 'schematic: response units have no physical unit; set so the initial ~10 MDSCs add ~0.04 suppressive response and an expanded pool (~100) adds ~0.4',
    },
    bregSuppression: {
      default: 0.004, min: 0, max: 100, range: [0.0004, 0.04], unit: 'response per B cell', doc: 'suppressive response each regulatory B cell adds on T cells', source: 'schematic: response units have no physical unit; set as for MDSCs (per-cell effect of regulatory B cells unmeasured)',
    },
    organKillRatePerHour: {
      default: 0.004099, min: 0, max: 100, range: [0.002, 0.16], unit: 'per cell per hour', doc: 'CD8 kill hazard on a disseminated cell in an organ when every circulating CD8 cell is active',
      source: 'calibrated: ABC-SMC against targets/clinical.json (ffe042d0d53a2f40) on engine 0.2.0, see calibration/2026-12-stage1; prior: schematic: Halle et al. (2016, Immunity) measured 2–16 kills per CTL per day in vivo (0.08–0.7/h per CTL); the hazard per target also scales with CTLs per target, unknown in organs',
    },
    microgliaSuppression: {
      default: 0.8, min: 0, max: 1, range: [0, 1], unit: '1', doc: 'share of CD8 killing in the brain blocked by fully educated microglia',
      source: 'schematic: exosomal miR-503 makes microglia immunosuppressive (Xing et al., 2018; Table 2)',
    },
    primaryKillRatePerHour: {
      default: 0.02, min: 0, max: 100, range: [0.002, 0.2], unit: 'per cell per hour', doc: 'CD8 kill hazard on an invading cell in the primary when all infiltrating CD8 are active',
      source: 'schematic: Halle et al. (2016, Immunity): one CTL kills 2–16 targets per day in vivo (upper bound; CTLs in solid tumours rarely kill); per-target hazard = kills per CTL × CTLs per target',
    },
  },
  step(ctx, p) {
    const rng = ctx.rng;
    const dt = ctx.tickHours;
    const pop = ctx.populations;
    const exposure = ctx.exposure;
    const graph = ctx.graph;
    const im = ctx.pools.immune;
    const ic = im.cols;

    let mdscs = 0;
    let bregs = 0;
    for (let i = 0; i < im.count; i++) {
      if (ic.type[i] === ImmuneType.mdsc) mdscs++;
      else if (ic.type[i] === ImmuneType.bcell && ic.state[i] === ImmuneState.regulatory) bregs++;
    }
    const extraT = p.mdscSuppression * mdscs + p.bregSuppression * bregs;
    const extraNk = p.mdscSuppression * mdscs;
    const mdscDie = perTickProbability(p.mdscDeathRatePerHour, dt);
    // Chances and rates that depend only on the compartment (exposure slot): once per slot.
    // Exhaustion and recovery (T cells), regulatory conversion and recovery (B cells) are
    // two-state switches: exact chances of ending the tick in the other state.
    const tApoptosis = new Float64Array(EXPOSURE_SLOTS);
    const tExhaust = new Float64Array(EXPOSURE_SLOTS);
    const tRecover = new Float64Array(EXPOSURE_SLOTS);
    const nkSuppress = new Float64Array(EXPOSURE_SLOTS);
    const bRegulate = new Float64Array(EXPOSURE_SLOTS);
    const bRecover = new Float64Array(EXPOSURE_SLOTS);
    const r = p.recoveryRatePerHour;
    for (let slot = 0; slot < EXPOSURE_SLOTS; slot++) {
      tApoptosis[slot] = perTickProbability(p.apoptosisRatePerHour * Math.max(0, exposure.of(slot, FX.tcellApoptosis)), dt);
      const exhaust = p.suppressRatePerHour * (Math.max(0, exposure.of(slot, FX.tcellSuppress)) + extraT);
      tExhaust[slot] = switchChance(exhaust, r, dt);
      tRecover[slot] = switchChance(r, exhaust, dt);
      const platelet = slot === SLOT_BLOOD ? p.plateletNkSuppression * ctx.blood.plateletTgfb : 0;
      nkSuppress[slot] = p.suppressRatePerHour * (Math.max(0, exposure.of(slot, FX.nkSuppress)) + extraNk + platelet);
      const regulate = p.suppressRatePerHour * Math.max(0, exposure.of(slot, FX.bcellRegulatory));
      bRegulate[slot] = switchChance(regulate, r, dt);
      bRecover[slot] = switchChance(r, regulate, dt);
    }
    let tPrimary = 0;
    let tBloodActive = 0;
    for (let i = 0; i < im.count; i++) {
      const slot = ic.region[i] === REGION_BLOOD ? SLOT_BLOOD : ic.region[i];
      const type = ic.type[i];
      const state = ic.state[i];
      if (type === ImmuneType.cd8) {
        if (state === ImmuneState.active) {
          if (rng.uniform() < tApoptosis[slot]) {
            im.stageRemove(i);
            continue;
          }
          if (rng.uniform() < tExhaust[slot]) ic.state[i] = ImmuneState.exhausted;
          else if (slot === REGION_PRIMARY) tPrimary++;
          else if (slot === SLOT_BLOOD) tBloodActive++;
        } else if (rng.uniform() < tRecover[slot]) ic.state[i] = ImmuneState.active;
      } else if (type === ImmuneType.nk) {
        // NKG2D activation follows its rate equation exactly: suppression pulls it down,
        // recovery back toward 1.
        const total = nkSuppress[slot] + p.recoveryRatePerHour;
        const a = total > 0 ? relax(ic.activation[i], p.recoveryRatePerHour / total, total, dt) : ic.activation[i];
        ic.activation[i] = a;
        ic.state[i] = a < 0.5 ? ImmuneState.suppressed : ImmuneState.active;
      } else if (type === ImmuneType.bcell) {
        if (state === ImmuneState.active) {
          if (rng.uniform() < bRegulate[slot]) ic.state[i] = ImmuneState.regulatory;
        } else if (rng.uniform() < bRecover[slot]) ic.state[i] = ImmuneState.active;
      } else if (type === ImmuneType.mdsc && rng.uniform() < mdscDie) {
        im.stageRemove(i);
      }
    }
    // MDSC expansion from cargo in blood, entering where the primary drains.
    const recruits = rng.poisson(p.mdscRecruitPerHour * dt * Math.max(0, exposure.of(SLOT_BLOOD, FX.mdscExpand)));
    for (let k = 0; k < recruits; k++) {
      const r = im.stageSpawn();
      const c = im.cols;
      c.type[r] = ImmuneType.mdsc;
      c.state[r] = ImmuneState.active;
      c.activation[r] = 1;
      c.region[r] = REGION_BLOOD;
      c.seg[r] = graph.primaryVenousOutlet;
      c.sUm[r] = 0;
      placeOnSegment(graph, graph.primaryVenousOutlet, 0, c.x, c.y, r);
    }

    // Killing in tissue. Hazards scale with the active share of the tick-0 CD8 population, and
    // a checkpoint ligand on a cell's own membrane lowers them (as in the blood):
    // chances per region and clone, organKill[region · clones + clone].
    const tScale = pop.cd8Cells > 0 ? tBloodActive / Math.ceil(pop.cd8Cells / 2) : 0;
    const tPrimaryScale = pop.cd8Cells > 0 ? tPrimary / Math.floor(pop.cd8Cells / 2 || 1) : 0;
    const share = tKillShareByClone(ctx.cargo, ctx.clones, ctx.worldParams.checkpointKillCutPerLevel);
    const clones = share.length;
    const organKill = new Float64Array(SLOT_BLOOD * clones);
    for (let region = 1; region < SLOT_BLOOD; region++) {
      const local = Math.min(1, Math.max(0, exposure.of(region, FX.tcellSuppress))
        + (region === BRAIN ? p.microgliaSuppression * ctx.organs.educationOf(BRAIN, StromaType.microglia) : 0));
      for (let k = 0; k < clones; k++) organKill[region * clones + k] = perTickProbability(p.organKillRatePerHour * tScale * (1 - local) * share[k], dt);
    }
    const primaryKill = new Float64Array(clones);
    for (let k = 0; k < clones; k++) primaryKill[k] = perTickProbability(p.primaryKillRatePerHour * tPrimaryScale * share[k], dt);
    const t = ctx.pools.tumour;
    const tc = t.cols;
    const colonies = ctx.pools.colony;
    let inPrimary = 0;
    let inOrgans = 0;
    for (let i = 0; i < t.count; i++) {
      const region = tc.region[i];
      if (region === REGION_BLOOD) continue;
      if (region !== REGION_PRIMARY) {
        // Micrometastases: killed at a rate set by the active share of CD8 cells (tissue
        // patrols are not drawn as agents, so no killer is tied up); colonies shrink.
        if (rng.uniform() < organKill[region * clones + tc.clone[i]]) {
          t.stageRemove(i);
          inOrgans++;
          const colony = colonies.rowOf(tc.colony[i]);
          if (colony >= 0) colonies.cols.size[colony]--;
        }
      } else if (tc.stage[i] === Stage.invading && rng.uniform() < primaryKill[tc.clone[i]]) {
        t.stageRemove(i);
        inPrimary++;
      }
    }
    ctx.counters[DIED] += inPrimary;
    ctx.counters[KILLED_ORGANS] += inOrgans;
  },
});
