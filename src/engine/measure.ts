import { ORGANS, REGION_BLOOD, REGION_PRIMARY } from '../world/regions';
import { ImmuneState, ImmuneType, Stage } from './kinds';
import { METRICS, metricIndex } from './metrics';
import type { World } from './world';

const M = (name: string) => metricIndex(name);
const IS_COUNTER = METRICS.map((m) => m.kind === 'counter');
const EMT_FRACTION = M('emt.fraction');
const ECM_DEGRADED = M('ecm.degraded');
const INVADING = M('cells.invading');
const VESSEL_LENGTH = M('vessels.length');
const PERMEABILITY = M('vessels.permeability');
const M2 = M('macrophages.m2');
const CIRCULATING = M('ctc.circulating');
const CLOAKED = M('ctc.cloaked');
const EXHAUSTED = M('tcells.exhausted');
const NK_SUPPRESSED = M('nk.suppressed');
const BREG = M('bcells.regulatory');
const MDSC = M('mdsc.count');
const EXO_LIVE = M('exosomes.live');
const EXO_BLOOD = M('exosomes.blood');
const CELLS_PRIMARY = M('cells.primary');
const VEGF_PRIMARY = M('field.vegf.primary');
const METASTASES_TOTAL = M('metastases.total');
const NICHE = ORGANS.map((o) => M(`niche.${o}`));
const DORMANT = ORGANS.map((o) => M(`cells.dormant.${o}`));
const METASTASES = ORGANS.map((o) => M(`metastases.${o}`));
const BURDEN = ORGANS.map((o) => M(`burden.${o}`));

/** Writes every metric's current value (counters as accumulated, gauges measured now) into `out`. */
export function measure(world: World, out: Float64Array): void {
  for (let k = 0; k < out.length; k++) out[k] = IS_COUNTER[k] ? world.counters[k] : 0;
  const t = world.pools.tumour.cols;
  let primary = 0;
  let mesenchymal = 0;
  for (let i = 0; i < world.pools.tumour.count; i++) {
    const region = t.region[i];
    const stage = t.stage[i];
    if (region === REGION_PRIMARY) {
      primary++;
      if (t.emt[i] >= 0.5) mesenchymal++;
      if (stage === Stage.invading) out[INVADING]++;
    } else if (stage === Stage.circulating) {
      out[CIRCULATING]++;
      if (t.cloak[i] > 0) out[CLOAKED]++;
    } else {
      out[BURDEN[region - 1]]++;
      if (stage === Stage.dormant) out[DORMANT[region - 1]]++;
    }
  }
  out[CELLS_PRIMARY] = primary;
  out[EMT_FRACTION] = primary > 0 ? mesenchymal / primary : 0;

  const ecm = world.regions[REGION_PRIMARY].fields.ecm;
  out[ECM_DEGRADED] = world.config.world.ecmInitial > 0 ? 1 - ecm.total() / ecm.values.length / world.config.world.ecmInitial : 0;

  const e = world.pools.endothelium.cols;
  let segs = 0;
  for (let i = 0; i < world.pools.endothelium.count; i++) {
    if (e.region[i] !== REGION_PRIMARY) continue;
    const dx = e.bx[i] - e.ax[i];
    const dy = e.by[i] - e.ay[i];
    out[VESSEL_LENGTH] += Math.sqrt(dx * dx + dy * dy);
    out[PERMEABILITY] += e.permeability[i];
    segs++;
  }
  out[PERMEABILITY] = segs > 0 ? out[PERMEABILITY] / segs : 0;

  const im = world.pools.immune.cols;
  let macrophages = 0;
  for (let i = 0; i < world.pools.immune.count; i++) {
    const type = im.type[i];
    const state = im.state[i];
    if (type === ImmuneType.macrophage) {
      macrophages++;
      if (state === ImmuneState.m2) out[M2]++;
    } else if (type === ImmuneType.cd8 && state === ImmuneState.exhausted) out[EXHAUSTED]++;
    else if (type === ImmuneType.nk && state === ImmuneState.suppressed) out[NK_SUPPRESSED]++;
    else if (type === ImmuneType.bcell && state === ImmuneState.regulatory) out[BREG]++;
    else if (type === ImmuneType.mdsc) out[MDSC]++;
  }
  out[M2] = macrophages > 0 ? out[M2] / macrophages : 0;

  const ex = world.pools.exosome;
  let blood = 0;
  for (let i = 0; i < ex.count; i++) if (ex.cols.region[i] === REGION_BLOOD) blood++;
  out[EXO_LIVE] = ex.count;
  out[EXO_BLOOD] = blood;
  out[VEGF_PRIMARY] = world.regions[REGION_PRIMARY].fields.vegf.total();

  const col = world.pools.colony.cols;
  for (let k = 0; k < world.pools.colony.count; k++) {
    if (!col.metastasis[k]) continue;
    out[METASTASES[col.region[k] - 1]]++;
    out[METASTASES_TOTAL]++;
  }
  for (let o = 0; o < ORGANS.length; o++) {
    const niche = world.regions[o + 1].fields.niche;
    out[NICHE[o]] = niche.total() / niche.values.length;
  }
}
