import { perTickProbability } from '../../core/rates';
import { REGION_BLOOD, REGION_PRIMARY } from '../../world/regions';
import { placeOnSegment } from '../../world/flow';
import { FX } from '../effect-index';
import { ImmuneState, ImmuneType, Stage } from '../kinds';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';
import { EXPOSURE_SLOTS, SLOT_BLOOD } from '../exposure';

const KILLED_NK = metricIndex('ctc.killed.nk');
const KILLED_T = metricIndex('ctc.killed.t');
const KILLED_SHEAR = metricIndex('ctc.killed.shear');
const DIED = metricIndex('cells.died');
const KILLED_ORGANS = metricIndex('organs.killed.t');

/**
 * Step 3, immunosuppression. Exosomal cargo in blood and in the primary suppresses immune cells:
 * PD-L1 exhausts CD8 T cells, FasL kills them, TGF-β/NKG2D ligands suppress NK cells, HMGB1
 * turns B cells regulatory, HSP70 expands MDSCs (which with regulatory B cells add to T- and
 * NK-cell suppression). Active NK and CD8 cells kill circulating tumour cells; platelets cloak a
 * CTC against NK (and partly T) attack and shear. Kill rates scale with the active fraction of
 * each population, so depleting or suppressing killers protects CTCs.
 */
export const immuneSurveillance = defineModule({
  id: 'immune-surveillance',
  doc: 'Cargo suppresses T, NK and B cells and expands MDSCs; active NK and CD8 cells kill CTCs unless platelets cloak them (review: Step 3).',
  phase: 'act',
  everyTicks: 1,
  needs: { pools: ['immune', 'tumour', 'colony'], graph: true, exposure: true, populations: true },
  params: {
    nkKillRatePerHour: {
      default: 0.15, min: 0, max: 100, unit: 'per CTC per hour', doc: 'NK kill hazard on an uncloaked CTC when every NK cell is active',
      source: 'schematic: NK cells clear most CTCs within hours to days',
    },
    tKillRatePerHour: {
      default: 0.15, min: 0, max: 100, unit: 'per CTC per hour', doc: 'CD8 kill hazard on a CTC when every circulating CD8 cell is active',
      source: 'schematic',
    },
    cloakNkProtection: {
      default: 0.9, min: 0, max: 1, unit: '1', doc: 'fraction of NK attack a platelet cloak blocks',
      source: 'schematic: platelet cloaks shield CTCs from NK lysis (review: Step 3)',
    },
    cloakTProtection: {
      default: 0.5, min: 0, max: 1, unit: '1', doc: 'fraction of T-cell attack a platelet cloak blocks', source: 'schematic',
    },
    shearDeathRatePerHour: {
      default: 0.03, min: 0, max: 100, unit: 'per hour', doc: 'death hazard of an uncloaked CTC from shear stress',
      source: 'schematic: platelets also protect CTCs from shear (review: Step 3)',
    },
    cloakShearProtection: {
      default: 0.8, min: 0, max: 1, unit: '1', doc: 'fraction of shear death a platelet cloak prevents', source: 'schematic',
    },
    suppressRatePerHour: {
      default: 0.03, min: 0, max: 100, unit: 'per hour', doc: 'suppression/exhaustion hazard of an immune cell per unit of cargo response',
      source: 'schematic: PD-L1 (Chen et al., 2018), TGF-β/NKG2D (Szczepanski et al., 2011)',
    },
    recoveryRatePerHour: {
      default: 0.01, min: 0, max: 100, unit: 'per hour', doc: 'rate a suppressed, exhausted or regulatory cell recovers', source: 'schematic',
    },
    apoptosisRatePerHour: {
      default: 0.01, min: 0, max: 100, unit: 'per hour', doc: 'CD8 death hazard per unit of tcell.apoptosis response (FasL)', source: 'schematic',
    },
    mdscRecruitPerHour: {
      default: 2, min: 0, max: 1e4, unit: 'cells per hour', doc: 'MDSCs recruited per unit of mdsc.expand response',
      source: 'schematic: HSP70 on TDEs activates MDSCs (Chalmin et al., 2010)',
    },
    mdscDeathRatePerHour: {
      default: 0.01, min: 0, max: 100, unit: 'per hour', doc: 'MDSC death hazard', source: 'schematic',
    },
    mdscSuppression: {
      default: 0.004, min: 0, max: 100, unit: 'response per MDSC', doc: 'suppressive response each MDSC adds on T and NK cells', source: 'schematic',
    },
    bregSuppression: {
      default: 0.004, min: 0, max: 100, unit: 'response per B cell', doc: 'suppressive response each regulatory B cell adds on T cells', source: 'schematic',
    },
    killerCooldownTicks: {
      default: 2, min: 0, max: 1000, unit: 'ticks', integer: true, doc: 'ticks a killer needs before it can kill again', source: 'schematic',
    },
    organKillRatePerHour: {
      default: 0.016, min: 0, max: 100, unit: 'per cell per hour', doc: 'CD8 kill hazard on a disseminated cell in an organ when every circulating CD8 cell is active',
      source: 'schematic: T cells patrol organs and eliminate micrometastases unless exhausted (Chen et al., 2018)',
    },
    primaryKillRatePerHour: {
      default: 0.02, min: 0, max: 100, unit: 'per cell per hour', doc: 'CD8 kill hazard on an invading cell in the primary when all infiltrating CD8 are active',
      source: 'schematic',
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
    const recover = perTickProbability(p.recoveryRatePerHour, dt);
    const mdscDie = perTickProbability(p.mdscDeathRatePerHour, dt);
    // Chances that depend only on the compartment (exposure slot), once per slot rather than
    // once per cell: T-cell apoptosis and suppression, NK suppression, B-cell conversion.
    const tApoptosis = new Float64Array(EXPOSURE_SLOTS);
    const tExhaust = new Float64Array(EXPOSURE_SLOTS);
    const nkExhaust = new Float64Array(EXPOSURE_SLOTS);
    const bRegulate = new Float64Array(EXPOSURE_SLOTS);
    for (let slot = 0; slot < EXPOSURE_SLOTS; slot++) {
      tApoptosis[slot] = perTickProbability(p.apoptosisRatePerHour * Math.max(0, exposure.of(slot, FX.tcellApoptosis)), dt);
      tExhaust[slot] = perTickProbability(p.suppressRatePerHour * (Math.max(0, exposure.of(slot, FX.tcellSuppress)) + extraT), dt);
      nkExhaust[slot] = perTickProbability(p.suppressRatePerHour * (Math.max(0, exposure.of(slot, FX.nkSuppress)) + extraNk), dt);
      bRegulate[slot] = perTickProbability(p.suppressRatePerHour * Math.max(0, exposure.of(slot, FX.bcellRegulatory)), dt);
    }
    // Active killers by compartment, collected for kill attribution.
    const nkBlood: number[] = [];
    const tBlood: number[] = [];
    const tPrimary: number[] = [];
    for (let i = 0; i < im.count; i++) {
      const slot = ic.region[i] === REGION_BLOOD ? SLOT_BLOOD : ic.region[i];
      if (ic.cooldown[i] > 0) ic.cooldown[i]--;
      const type = ic.type[i];
      const state = ic.state[i];
      if (type === ImmuneType.cd8) {
        if (state === ImmuneState.active) {
          if (rng.uniform() < tApoptosis[slot]) {
            im.stageRemove(i);
            continue;
          }
          if (rng.uniform() < tExhaust[slot]) ic.state[i] = ImmuneState.exhausted;
          else if (ic.cooldown[i] === 0) (slot === SLOT_BLOOD ? tBlood : slot === REGION_PRIMARY ? tPrimary : []).push(i);
        } else if (rng.uniform() < recover) ic.state[i] = ImmuneState.active;
      } else if (type === ImmuneType.nk) {
        if (state === ImmuneState.active) {
          if (rng.uniform() < nkExhaust[slot]) ic.state[i] = ImmuneState.suppressed;
          else if (slot === SLOT_BLOOD && ic.cooldown[i] === 0) nkBlood.push(i);
        } else if (rng.uniform() < recover) ic.state[i] = ImmuneState.active;
      } else if (type === ImmuneType.bcell) {
        if (state === ImmuneState.active) {
          if (rng.uniform() < bRegulate[slot]) ic.state[i] = ImmuneState.regulatory;
        } else if (rng.uniform() < recover) ic.state[i] = ImmuneState.active;
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
      c.region[r] = REGION_BLOOD;
      c.seg[r] = graph.primaryVenousOutlet;
      c.sUm[r] = 0;
      placeOnSegment(graph, graph.primaryVenousOutlet, 0, c.x, c.y, r);
    }

    // Killing. Hazards scale with the active share of the tick-0 population in that compartment.
    const nkScale = pop.nkCells > 0 ? nkBlood.length / pop.nkCells : 0;
    const tScale = pop.cd8Cells > 0 ? tBlood.length / Math.ceil(pop.cd8Cells / 2) : 0;
    const tPrimaryScale = pop.cd8Cells > 0 ? tPrimary.length / Math.floor(pop.cd8Cells / 2 || 1) : 0;
    const cooldown = p.killerCooldownTicks;
    const t = ctx.pools.tumour;
    const colonies = ctx.pools.colony;
    const tc = t.cols;
    let byNk = 0;
    let byT = 0;
    let byShear = 0;
    let inPrimary = 0;
    let inOrgans = 0;
    const organKill = perTickProbability(p.organKillRatePerHour * tScale, dt);
    const primaryKill = perTickProbability(p.primaryKillRatePerHour * tPrimaryScale, dt);
    // Circulating cells' chances, uncloaked [0] and platelet-cloaked [1].
    const pNkOf = [perTickProbability(p.nkKillRatePerHour * nkScale, dt), perTickProbability(p.nkKillRatePerHour * nkScale * (1 - p.cloakNkProtection), dt)];
    const pTOf = [perTickProbability(p.tKillRatePerHour * tScale, dt), perTickProbability(p.tKillRatePerHour * tScale * (1 - p.cloakTProtection), dt)];
    const pShearOf = [perTickProbability(p.shearDeathRatePerHour, dt), perTickProbability(p.shearDeathRatePerHour * (1 - p.cloakShearProtection), dt)];
    const take = (killers: number[]): boolean => {
      if (killers.length === 0) return false;
      const k = rng.int(killers.length);
      ic.cooldown[killers[k]] = cooldown;
      killers[k] = killers[killers.length - 1];
      killers.pop();
      return true;
    };
    for (let i = 0; i < t.count; i++) {
      const stage = tc.stage[i];
      if (stage === Stage.circulating) {
        const cloaked = tc.cloak[i] > 0 ? 1 : 0;
        const pNk = pNkOf[cloaked];
        const pT = pTOf[cloaked];
        const pShear = pShearOf[cloaked];
        const u = rng.uniform();
        if (u < pNk) {
          if (take(nkBlood)) { t.stageRemove(i); byNk++; }
        } else if (u < pNk + pT) {
          if (take(tBlood)) { t.stageRemove(i); byT++; }
        } else if (u < pNk + pT + pShear) {
          t.stageRemove(i);
          byShear++;
        }
      } else if (tc.region[i] !== REGION_PRIMARY && tc.region[i] !== REGION_BLOOD) {
        // Micrometastases: killed at a rate set by the active share of CD8 cells (tissue
        // patrols are not drawn as agents, so no killer is tied up); colonies shrink.
        if (rng.uniform() < organKill) {
          t.stageRemove(i);
          inOrgans++;
          const colony = colonies.rowOf(tc.colony[i]);
          if (colony >= 0) colonies.cols.size[colony]--;
        }
      } else if (stage === Stage.invading && tc.region[i] === REGION_PRIMARY) {
        if (rng.uniform() < primaryKill && take(tPrimary)) {
          t.stageRemove(i);
          inPrimary++;
        }
      }
    }
    ctx.counters[KILLED_NK] += byNk;
    ctx.counters[KILLED_T] += byT;
    ctx.counters[KILLED_SHEAR] += byShear;
    ctx.counters[DIED] += inPrimary;
    ctx.counters[KILLED_ORGANS] += inOrgans;
  },
});
