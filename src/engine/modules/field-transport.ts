import { defineModule } from '../module';

/**
 * Applies every field's delta buffer (deposits made by agents this tick) and then diffuses and
 * decays it with the stable explicit scheme. ECM density neither diffuses nor decays; only
 * matrix-degrading modules change it.
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
      fields.vegf.applyDelta();
      fields.vegf.step(w.vegfDiffusionUm2PerHour, w.vegfDecayPerHour, ctx.tickHours);
      fields.tgfb.applyDelta();
      fields.tgfb.step(w.tgfbDiffusionUm2PerHour, w.tgfbDecayPerHour, ctx.tickHours);
      fields.niche.applyDelta();
      fields.niche.step(w.nicheDiffusionUm2PerHour, w.nicheDecayPerHour, ctx.tickHours);
    }
  },
});
