import { REGION_BLOOD } from '../../world/regions';
import { flowStep } from '../../world/flow';
import { PlateletState } from '../kinds';
import { defineModule } from '../module';

/**
 * Motion with the flow for the cells that only ride it: immune cells in the blood and free
 * platelets follow their vessel segments, choosing branches by flow fraction; platelets bound
 * in a cloak travel with their tumour cell (which ctc-transit has moved this tick).
 */
export const circulation = defineModule({
  id: 'circulation',
  doc: 'Immune cells and platelets ride the blood and lymph flow; cloaking platelets go with their cell.',
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
          pc.seg[i] = tc.seg[row] >= 0 ? tc.seg[row] : pc.seg[i];
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
