import { ORGANS } from '../world/regions';

/** How a metric is produced: a cumulative counter modules add to, or a gauge measured from state. */
export type MetricKind = 'counter' | 'gauge';

/** One metric of the run: its dot-separated name, kind and meaning. */
export interface MetricDef {
  name: string;
  kind: MetricKind;
  doc: string;
}

const perOrgan = (prefix: string, kind: MetricKind, doc: string): MetricDef[] =>
  ORGANS.map((o) => ({ name: `${prefix}.${o}`, kind, doc: `${doc} (${o})` }));

/**
 * Every metric, in output order. Counters are cumulative since tick 0; gauges are the value at
 * the end of the tick. Modules find a counter's slot once with `metricIndex`.
 */
export const METRICS: readonly MetricDef[] = [
  // Step 1: migration
  { name: 'emt.fraction', kind: 'gauge', doc: 'fraction of tumour cells in the primary with EMT level ≥ 0.5' },
  { name: 'ecm.degraded', kind: 'gauge', doc: 'fraction of the primary’s extracellular matrix degraded (1 − mean density)' },
  { name: 'caf.fraction', kind: 'gauge', doc: 'fraction of the primary’s fibroblasts activated into CAFs (activation ≥ 0.5)' },
  { name: 'caf.activation', kind: 'gauge', doc: 'mean activation (0–1) of the primary’s fibroblasts toward the CAF state' },
  { name: 'cells.invading', kind: 'gauge', doc: 'tumour cells invading the primary stroma' },
  { name: 'ctc.intravasated', kind: 'counter', doc: 'tumour cells that entered blood or lymph' },
  // Step 2: angiogenesis
  { name: 'vessels.length', kind: 'gauge', doc: 'total length of endothelial segments in the primary (µm)' },
  { name: 'vessels.sprouts', kind: 'counter', doc: 'new vessel sprouts in the primary' },
  { name: 'vessels.sprouts.metastatic', kind: 'counter', doc: 'new vessel sprouts in the organs (angiogenesis at metastatic sites)' },
  { name: 'vessels.permeability', kind: 'gauge', doc: 'mean permeability of primary vessel segments (0..1)' },
  { name: 'macrophages.m2', kind: 'gauge', doc: 'fraction of macrophages polarised to M2' },
  // Step 3: protection in the circulation
  { name: 'ctc.circulating', kind: 'gauge', doc: 'circulating tumour cells in blood or lymph' },
  { name: 'ctc.killed.nk', kind: 'counter', doc: 'CTCs killed by NK cells' },
  { name: 'ctc.killed.t', kind: 'counter', doc: 'CTCs killed by CD8 T cells' },
  { name: 'ctc.killed.shear', kind: 'counter', doc: 'CTCs lost to shear stress' },
  { name: 'organs.killed.t', kind: 'counter', doc: 'disseminated tumour cells in organs killed by CD8 T cells' },
  { name: 'ctc.cloaked', kind: 'gauge', doc: 'circulating tumour cells cloaked by platelets' },
  { name: 'ctc.cloaked.total', kind: 'counter', doc: 'circulating tumour cells ever cloaked by platelets' },
  { name: 'platelets.activated', kind: 'gauge', doc: 'fraction of platelets activated (free or in a cloak)' },
  { name: 'tcells.exhausted', kind: 'gauge', doc: 'CD8 T cells exhausted' },
  { name: 'nk.suppressed', kind: 'gauge', doc: 'NK cells suppressed (NKG2D activation below 0.5)' },
  { name: 'nk.nkg2d', kind: 'gauge', doc: 'mean NK-cell activation (NKG2D), 0..1' },
  { name: 'bcells.regulatory', kind: 'gauge', doc: 'B cells turned regulatory (TIM-1+)' },
  { name: 'mdsc.count', kind: 'gauge', doc: 'myeloid-derived suppressor cells' },
  { name: 'ctc.bloodHours', kind: 'counter', doc: 'hours spent in blood and lymph by all CTCs (for the half-life)' },
  { name: 'ctc.bloodExits', kind: 'counter', doc: 'CTCs that left the blood, by arrest or death (for the half-life)' },
  { name: 'ctc.bloodHalfLifeHours', kind: 'gauge', doc: 'half-life of a CTC in the blood: ln 2 × mean time in blood (h; 0 before any left)' },
  // Step 4: organotropism
  { name: 'exosomes.released', kind: 'counter', doc: 'exosome packets released by tumour cells' },
  { name: 'exosomes.released.primary', kind: 'counter', doc: 'exosome packets released by tumour cells of the primary' },
  { name: 'exosomes.released.ctc', kind: 'counter', doc: 'exosome packets released by circulating tumour cells' },
  { name: 'exosomes.released.colony', kind: 'counter', doc: 'exosome packets released by tumour cells in organs' },
  { name: 'exosomes.live', kind: 'gauge', doc: 'exosome packets present anywhere' },
  { name: 'exosomes.entered', kind: 'counter', doc: 'exosome packets that drained into vessels from the primary' },
  { name: 'exosomes.decayed', kind: 'counter', doc: 'exosome packets degraded in tissue (half-life)' },
  { name: 'exosomes.cleared', kind: 'counter', doc: 'exosome packets cleared from blood by the rest of the body' },
  { name: 'exosomes.bloodMinutes', kind: 'counter', doc: 'minutes spent in blood by all exosome packets (for the half-life)' },
  { name: 'exosomes.bloodExits', kind: 'counter', doc: 'exosome packets that left the blood (for the half-life)' },
  { name: 'exosomes.bloodHalfLifeMinutes', kind: 'gauge', doc: 'half-life of an exosome in the blood: ln 2 × mean time in blood (min; 0 before any left)' },
  ...perOrgan('exosomes.homed', 'counter', 'exosome packets kept by the organ’s capillary bed'),
  { name: 'exosomes.uptake.primary', kind: 'counter', doc: 'exosome packets taken up by cells in the primary' },
  ...perOrgan('exosomes.uptake', 'counter', 'exosome packets taken up by cells'),
  ...perOrgan('ctc.arrested', 'counter', 'CTCs arrested in the capillary bed'),
  { name: 'ctc.arrested.systemic', kind: 'counter', doc: 'CTCs arrested in the rest of the body (lost to the organs shown)' },
  ...perOrgan('ctc.shed', 'counter', 'tumour cells shed into the blood by the organ’s colonies (secondary tumours’ CTCs)'),
  // Step 5: niche and growth
  ...perOrgan('niche', 'gauge', 'mean pre-metastatic niche level'),
  ...perOrgan('bmdc.recruited', 'counter', 'bone-marrow-derived cells recruited'),
  ...perOrgan('cells.extravasated', 'counter', 'tumour cells that extravasated'),
  ...perOrgan('cells.dormant', 'gauge', 'dormant disseminated tumour cells'),
  ...perOrgan('metastases', 'gauge', 'colonies past the metastasis size threshold'),
  { name: 'metastases.total', kind: 'gauge', doc: 'colonies past the size threshold, all organs' },
  ...perOrgan('burden', 'gauge', 'tumour cells in the organ'),
  { name: 'time.firstMetastasis', kind: 'counter', doc: 'hours until the first metastasis (-1 while none; set once by the growth module)' },
  // Primary tumour and fields
  { name: 'cells.primary', kind: 'gauge', doc: 'tumour cells in the primary region' },
  { name: 'cells.born', kind: 'counter', doc: 'tumour-cell divisions' },
  { name: 'cells.died', kind: 'counter', doc: 'tumour-cell deaths in tissue' },
  { name: 'field.vegf.primary', kind: 'gauge', doc: 'total VEGF in the primary region (arbitrary units)' },
];

/** Metric names in output order. */
export const METRIC_NAMES: readonly string[] = METRICS.map((m) => m.name);

/** Slot of a metric in the per-tick value vector; throws for an unknown name (a typo is a bug). */
export function metricIndex(name: string): number {
  const i = METRIC_NAMES.indexOf(name);
  if (i < 0) throw new Error(`unknown metric ${name}`);
  return i;
}
