import { switchChance } from '../../core/rates';
import { FX } from '../effect-index';
import { SLOT_BLOOD } from '../exposure';
import { PlateletState, Stage } from '../kinds';
import { defineModule } from '../module';

/**
 * Step 3, platelets beyond the cloak. Free platelets are activated by circulating tumour cells
 * themselves (tissue factor, ADP, thromboxane A2 and HMGB1 released by CTCs, review: "CTCs
 * activate platelets directly or by releasing exosomes") and more by platelet-activating
 * exosomal cargo in the blood (tissue factor, Garnier et al. 2012); they calm down again. When a
 * cloaked cell leaves the blood or dies its platelets come free, still activated. What platelets
 * put into the blood is kept as two levels: platelet TGF-β (one unit per cloaked CTC; it lowers
 * NK-cell NKG2D, immune-surveillance) and platelet-derived vesicles (the activated share of all
 * platelets; they raise endothelial adhesion, Goetzl et al. 2016, ctc-transit). Both clear from
 * plasma within minutes, so each tick's level reflects the platelets of that tick. Binding into
 * a cloak happens in the CTC's own transit (ctc-transit).
 */
export const platelets = defineModule({
  id: 'platelets',
  doc: 'Platelet activation by CTCs and cargo; platelet TGF-β and vesicles in the blood (review: Step 3, platelets).',
  phase: 'act',
  everyTicks: 1,
  needs: { pools: ['platelet', 'tumour'], exposure: true, blood: true },
  params: {
    ctcActivationPerHour: {
      default: 0.02, min: 0, max: 100, range: [0.002, 0.2], unit: 'per hour per CTC', doc: 'activation rate of a resting platelet agent per circulating tumour cell',
      source: 'review: CTCs release ADP, thromboxane A2 and HMGB1 that activate platelets (Nieswandt et al., 1999; Yu et al., 2014)',
    },
    cargoActivationPerHour: {
      default: 0.5, min: 0, max: 100, range: [0.05, 5], unit: 'per hour', doc: 'activation rate of a resting platelet agent per unit of platelet.activate response in blood',
      source: 'Garnier et al. (2012): exosomal tissue factor activates platelets (Table 2)',
    },
    deactivationPerHour: {
      default: 0.2, min: 0, max: 100, range: [0.02, 2], unit: 'per hour', doc: 'rate an activated free platelet agent returns to rest',
      source: 'schematic: platelets live ~8–10 days (Anvari et al. 2021); activated free platelets are cleared or exhausted much faster, ~5 h mean here; no stored measurement',
    },
  },
  step(ctx, p) {
    const rng = ctx.rng;
    const dt = ctx.tickHours;
    const pl = ctx.pools.platelet;
    const pc = pl.cols;
    const t = ctx.pools.tumour;
    const tc = t.cols;
    let circulating = 0;
    let cloaked = 0;
    for (let i = 0; i < t.count; i++) {
      if (tc.stage[i] !== Stage.circulating) continue;
      circulating++;
      if (tc.cloak[i] > 0) cloaked++;
    }
    const cargo = Math.max(0, ctx.exposure.of(SLOT_BLOOD, FX.plateletActivate));
    const on = p.ctcActivationPerHour * circulating + p.cargoActivationPerHour * cargo;
    const activate = switchChance(on, p.deactivationPerHour, dt);
    const deactivate = switchChance(p.deactivationPerHour, on, dt);
    let active = 0;
    for (let i = 0; i < pl.count; i++) {
      if (pc.state[i] === PlateletState.bound) {
        const row = t.rowOf(pc.bound[i]);
        if (row >= 0 && tc.stage[row] === Stage.circulating) {
          active++;
          continue;
        }
        // The cell left the blood or died: its platelets come free, still activated.
        if (row >= 0) tc.cloak[row] = 0;
        pc.state[i] = PlateletState.activated;
        pc.bound[i] = -1;
      } else if (pc.state[i] === PlateletState.resting) {
        if (rng.uniform() < activate) pc.state[i] = PlateletState.activated;
      } else if (rng.uniform() < deactivate) {
        pc.state[i] = PlateletState.resting;
      }
      if (pc.state[i] === PlateletState.activated) active++;
    }
    ctx.blood.plateletTgfb = cloaked;
    ctx.blood.plateletVesicles = pl.count > 0 ? active / pl.count : 0;
  },
});
