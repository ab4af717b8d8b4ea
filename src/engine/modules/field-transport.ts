import { dexp } from '../../core/detmath';
import { defineModule } from '../module';

/** (e^(k·dt) − 1)/(k·dt): a deposit spread evenly over the tick, decayed as if made at its start. */
function spreadOverTick(decayPerHour: number, dt: number): number {
  const kdt = decayPerHour * dt;
  return kdt > 1e-9 ? (dexp(kdt) - 1) / kdt : 1;
}

/**
 * Applies every field's delta buffer (deposits made by agents this tick) and then diffuses and
 * decays it with the stable explicit scheme. ECM density neither diffuses nor decays; only
 * matrix-degrading modules change it. A deposit is secreted throughout the tick, not at its
 * start, so it is scaled by (e^(k·dt) − 1)/(k·dt) before the tick's decay e^(−k·dt): a steady
 * source then gives the level S/k of the rate equation, whatever the tick length.
 */
export const fieldTransport = defineModule({
  id: 'field-transport',
  doc: 'Applies field deposits once per tick, then diffuses and decays VEGF, TGF-β and niche signal.',
  phase: 'fields',
  everyTicks: 1,
  needs: { pools: [], fields: true, worldParams: true },
  params: {},
  step(ctx) {
    const w = ctx.worldParams;
    for (const { fields } of ctx.regions) {
      fields.ecm.applyDelta();
      // Degradation can overshoot within a tick; matrix density is never negative.
      const ecm = fields.ecm.values;
      for (let i = 0; i < ecm.length; i++) if (ecm[i] < 0) ecm[i] = 0;
      const dt = ctx.tickHours;
      fields.vegf.applyDelta(spreadOverTick(w.vegfDecayPerHour, dt));
      fields.vegf.step(w.vegfDiffusionUm2PerHour, w.vegfDecayPerHour, dt);
      fields.tgfb.applyDelta(spreadOverTick(w.tgfbDecayPerHour, dt));
      fields.tgfb.step(w.tgfbDiffusionUm2PerHour, w.tgfbDecayPerHour, dt);
      fields.niche.applyDelta(spreadOverTick(w.nicheDecayPerHour, dt));
      fields.niche.step(w.nicheDiffusionUm2PerHour, w.nicheDecayPerHour, dt);
    }
  },
});
