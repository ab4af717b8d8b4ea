import { REGION_BLOOD } from '../../world/regions';
import { flowStep } from '../../world/flow';
import { PlateletState, Stage } from '../kinds';
import { defineModule } from '../module';

/**
 * Motion with the flow: circulating tumour cells, immune cells in blood and free platelets ride
 * their vessel segments, choosing branches by flow fraction; bound platelets travel with the
 * cell they cloak.
 */
export const circulation = defineModule({
  id: 'circulation',
  doc: 'CTCs, immune cells and platelets ride the blood and lymph flow (review: Step 3–4).',
  phase: 'move',
  everyTicks: 1,
  needs: { pools: ['tumour', 'immune', 'platelet'], graph: true },
  params: {},
  step(ctx) {
    const graph = ctx.graph;
    const rng = ctx.rng;
    const dt = ctx.tickHours;
    const t = ctx.pools.tumour;
    const tc = t.cols;
    for (let i = 0; i < t.count; i++) {
      if (tc.stage[i] === Stage.circulating) flowStep(graph, tc.seg, tc.sUm, tc.x, tc.y, i, dt, rng);
    }
    const im = ctx.pools.immune;
    const ic = im.cols;
    for (let i = 0; i < im.count; i++) {
      if (ic.region[i] === REGION_BLOOD) flowStep(graph, ic.seg, ic.sUm, ic.x, ic.y, i, dt, rng);
    }
    const pl = ctx.pools.platelet;
    const pc = pl.cols;
    for (let i = 0; i < pl.count; i++) {
      if (pc.state[i] === PlateletState.bound) {
        const row = t.rowOf(pc.bound[i]);
        if (row >= 0) {
          pc.seg[i] = tc.seg[row];
          pc.sUm[i] = tc.sUm[row];
          pc.x[i] = tc.x[row];
          pc.y[i] = tc.y[row];
          continue;
        }
      }
      flowStep(graph, pc.seg, pc.sUm, pc.x, pc.y, i, dt, rng);
    }
  },
});
