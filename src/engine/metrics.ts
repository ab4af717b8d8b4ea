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
  { name: 'cells.primary', kind: 'gauge', doc: 'tumour cells in the primary region' },
  { name: 'cells.born', kind: 'counter', doc: 'tumour-cell divisions' },
  { name: 'cells.died', kind: 'counter', doc: 'tumour-cell deaths in tissue' },
  { name: 'exosomes.released', kind: 'counter', doc: 'exosome packets released by tumour cells' },
  { name: 'exosomes.live', kind: 'gauge', doc: 'exosome packets present anywhere' },
  { name: 'exosomes.blood', kind: 'gauge', doc: 'exosome packets in vessels (blood or lymph)' },
  { name: 'exosomes.entered', kind: 'counter', doc: 'exosome packets that entered vessels from the primary' },
  { name: 'exosomes.decayed', kind: 'counter', doc: 'exosome packets cleared (half-life)' },
  { name: 'exosomes.uptake.primary', kind: 'counter', doc: 'exosome packets taken up by cells in the primary' },
  ...perOrgan('exosomes.uptake', 'counter', 'exosome packets taken up by resident cells'),
  ...perOrgan('niche', 'gauge', 'mean pre-metastatic niche level'),
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
