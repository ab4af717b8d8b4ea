import { ORGANS, REGION_PRIMARY } from '../world/regions';
import { LN2 } from '../core/rates';
import { ImmuneState, ImmuneType, PlateletState, Stage, StromaType } from './kinds';
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
const CAF_FRACTION = M('caf.fraction');
const CAF_ACTIVATION = M('caf.activation');
const PLATELETS_ACTIVATED = M('platelets.activated');
const NKG2D = M('nk.nkg2d');
const CTC_HOURS = M('ctc.bloodHours');
const CTC_EXITS = M('ctc.bloodExits');
const CTC_HALF_LIFE = M('ctc.bloodHalfLifeHours');
const EXO_MINUTES = M('exosomes.bloodMinutes');
const EXO_EXITS = M('exosomes.bloodExits');
const EXO_HALF_LIFE = M('exosomes.bloodHalfLifeMinutes');
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
  let nk = 0;
  let nkActivation = 0;
  for (let i = 0; i < world.pools.immune.count; i++) {
    const type = im.type[i];
    const state = im.state[i];
    if (type === ImmuneType.macrophage) {
      macrophages++;
      if (state === ImmuneState.m2) out[M2]++;
    } else if (type === ImmuneType.cd8 && state === ImmuneState.exhausted) out[EXHAUSTED]++;
    else if (type === ImmuneType.nk) {
      nk++;
      nkActivation += im.activation[i];
      if (state === ImmuneState.suppressed) out[NK_SUPPRESSED]++;
    }
    else if (type === ImmuneType.bcell && state === ImmuneState.regulatory) out[BREG]++;
    else if (type === ImmuneType.mdsc) out[MDSC]++;
  }
  out[M2] = macrophages > 0 ? out[M2] / macrophages : 0;
  out[NKG2D] = nk > 0 ? nkActivation / nk : 0;

  const pl = world.pools.platelet;
  let activated = 0;
  for (let i = 0; i < pl.count; i++) if (pl.cols.state[i] !== PlateletState.resting) activated++;
  out[PLATELETS_ACTIVATED] = pl.count > 0 ? activated / pl.count : 0;

  const st = world.pools.stroma.cols;
  let fibroblasts = 0;
  let cafs = 0;
  let activation = 0;
  for (let i = 0; i < world.pools.stroma.count; i++) {
    if (st.region[i] !== REGION_PRIMARY || st.type[i] !== StromaType.fibroblast) continue;
    fibroblasts++;
    activation += st.education[i];
    if (st.education[i] >= 0.5) cafs++;
  }
  out[CAF_FRACTION] = fibroblasts > 0 ? cafs / fibroblasts : 0;
  out[CAF_ACTIVATION] = fibroblasts > 0 ? activation / fibroblasts : 0;
  const c = world.counters;
  out[CTC_HALF_LIFE] = c[CTC_EXITS] > 0 ? (LN2 * c[CTC_HOURS]) / c[CTC_EXITS] : 0;
  out[EXO_HALF_LIFE] = c[EXO_EXITS] > 0 ? (LN2 * c[EXO_MINUTES]) / c[EXO_EXITS] : 0;

  out[EXO_LIVE] = world.pools.exosome.count;
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
