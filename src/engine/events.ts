/** A simulation event with provenance, e.g. a metastasis and the lineage that founded it. */
export interface SimEvent {
  /** Tick when it happened. */
  tick: number;
  /** Dot-separated type, e.g. 'metastasis', 'step.first.emt'. */
  type: string;
  /** Module that emitted it. */
  module: string;
  /** Plain-data details (ids, organ, niche level, cargo…). */
  data: Record<string, string | number | boolean | string[] | null>;
}
