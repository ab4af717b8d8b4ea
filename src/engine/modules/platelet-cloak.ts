import { perTickProbability } from '../../core/rates';
import { FX } from '../effect-index';
import { PlateletState, Stage } from '../kinds';
import { defineModule } from '../module';
import { SLOT_BLOOD } from '../exposure';

/** Working memory: rows of the free platelets this step (reused from step to step). */
interface CloakScratch {
  freeRows: Int32Array;
}

/**
 * Step 3, platelet protection. CTCs activate platelets (tissue factor, ADP, HMGB1/TLR4 — more
 * with platelet-activating cargo in the blood) and bind them into a cloak. A cloaked CTC is
 * shielded from NK attack and shear (immune-surveillance) and arrests more readily
 * (organotropism). Cloaks dissolve when the cell leaves the blood or dies.
 */
export const plateletCloak = defineModule({
  id: 'platelet-cloak',
  doc: 'CTCs activate platelets and bind them into a protective cloak (review: Step 3).',
  phase: 'act',
  everyTicks: 1,
  needs: { pools: ['platelet', 'tumour'], exposure: true, populations: true },
  params: {
    cloakRatePerHour: {
      default: 0.08, min: 0, max: 100, unit: 'per CTC per hour', doc: 'rate an uncloaked CTC gathers a platelet cloak at full platelet count',
      source: 'schematic: CTCs are coated by platelets within minutes to hours',
    },
    activationGain: {
      default: 2, min: 0, max: 100, unit: '1', doc: 'relative rise of cloaking per unit of platelet.activate response',
      source: 'schematic: tissue factor on TDEs activates platelets (Garnier et al., 2012)',
    },
    plateletsPerCloak: {
      default: 3, min: 1, max: 100, unit: 'platelet agents', integer: true, doc: 'platelet agents bound in one cloak', source: 'schematic',
    },
    restingActivationPerHour: {
      default: 0.01, min: 0, max: 100, unit: 'per hour', doc: 'activation rate of free platelets per unit of platelet.activate response', source: 'schematic',
    },
    deactivationPerHour: {
      default: 0.05, min: 0, max: 100, unit: 'per hour', doc: 'rate activated free platelets return to resting', source: 'schematic',
    },
  },
  scratch: (): CloakScratch => ({ freeRows: new Int32Array(0) }),
  step(ctx, p, scratch) {
    const rng = ctx.rng;
    const dt = ctx.tickHours;
    const pl = ctx.pools.platelet;
    const pc = pl.cols;
    const t = ctx.pools.tumour;
    const tc = t.cols;
    const activation = Math.max(0, ctx.exposure.of(SLOT_BLOOD, FX.plateletActivate));
    // Release platelets whose cell is gone or no longer circulating; collect free ones.
    if (scratch.freeRows.length < pl.count) scratch.freeRows = new Int32Array(2 * pl.count);
    const free = scratch.freeRows;
    let nFree = 0;
    const activate = perTickProbability(p.restingActivationPerHour * activation, dt);
    const deactivate = perTickProbability(p.deactivationPerHour, dt);
    for (let i = 0; i < pl.count; i++) {
      if (pc.state[i] === PlateletState.bound) {
        const row = t.rowOf(pc.bound[i]);
        if (row >= 0 && tc.stage[row] === Stage.circulating) continue;
        if (row >= 0) tc.cloak[row] = 0;
        pc.state[i] = PlateletState.activated;
        pc.bound[i] = -1;
      }
      if (pc.state[i] === PlateletState.resting && rng.uniform() < activate) pc.state[i] = PlateletState.activated;
      else if (pc.state[i] === PlateletState.activated && rng.uniform() < deactivate) pc.state[i] = PlateletState.resting;
      free[nFree++] = i;
    }
    const total = ctx.populations.platelets;
    const availability = total > 0 ? nFree / total : 0;
    const cloak = perTickProbability(p.cloakRatePerHour * (1 + p.activationGain * activation) * availability, dt);
    for (let i = 0; i < t.count; i++) {
      if (tc.stage[i] !== Stage.circulating || tc.cloak[i] > 0) continue;
      if (nFree < p.plateletsPerCloak || !(rng.uniform() < cloak)) continue;
      for (let k = 0; k < p.plateletsPerCloak; k++) {
        const pick = rng.int(nFree);
        const row = free[pick];
        free[pick] = free[--nFree];
        pc.state[row] = PlateletState.bound;
        pc.bound[row] = t.id[i];
        pc.seg[row] = tc.seg[i];
        pc.sUm[row] = tc.sUm[i];
        pc.x[row] = tc.x[i];
        pc.y[row] = tc.y[i];
      }
      tc.cloak[i] = p.plateletsPerCloak;
      tc.wasCloaked[i] = 1;
    }
  },
});
