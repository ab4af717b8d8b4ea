import { ORGANS, REGION_BLOOD, REGION_PRIMARY } from '../world/regions';
import { Stage } from './kinds';
import { METRICS, metricIndex } from './metrics';
import type { World } from './world';

const CELLS_PRIMARY = metricIndex('cells.primary');
const EXO_LIVE = metricIndex('exosomes.live');
const EXO_BLOOD = metricIndex('exosomes.blood');
const VEGF_PRIMARY = metricIndex('field.vegf.primary');
const NICHE = ORGANS.map((o) => metricIndex(`niche.${o}`));
const IS_COUNTER = METRICS.map((m) => m.kind === 'counter');

/** Writes every metric's current value (counters as accumulated, gauges measured now) into `out`. */
export function measure(world: World, out: Float64Array): void {
  for (let k = 0; k < out.length; k++) if (IS_COUNTER[k]) out[k] = world.counters[k];
  const t = world.pools.tumour;
  let primary = 0;
  for (let i = 0; i < t.count; i++) if (t.cols.region[i] === REGION_PRIMARY && t.cols.stage[i] === Stage.primary) primary++;
  out[CELLS_PRIMARY] = primary;
  const ex = world.pools.exosome;
  let blood = 0;
  for (let i = 0; i < ex.count; i++) if (ex.cols.region[i] === REGION_BLOOD) blood++;
  out[EXO_LIVE] = ex.count;
  out[EXO_BLOOD] = blood;
  out[VEGF_PRIMARY] = world.regions[REGION_PRIMARY].fields.vegf.total();
  for (let o = 0; o < ORGANS.length; o++) {
    const niche = world.regions[o + 1].fields.niche;
    out[NICHE[o]] = niche.total() / niche.values.length;
  }
}
