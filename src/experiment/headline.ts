import { BASELINE } from './grid';
import type { ExperimentSpec } from './spec';
import { targetMetric } from './target-metric';

// Which metrics a report puts first. This is the one place that names metrics: by prefix, in
// order of preference, tolerating any that the engine does not (yet) produce. Everything else
// in the experiment code follows METRIC_NAMES as recorded.

/** Prefixes (or whole names) of headline metrics, most important first. */
export const HEADLINE_PREFIXES = ['metastases.', 'time.firstMetastasis'] as const;

/** Used instead when no HEADLINE_PREFIXES metric exists (an engine without the cascade). */
export const FALLBACK_HEADLINE_PREFIXES = ['niche.', 'cells.primary', 'exosomes.released'] as const;

/** Prefixes of per-organ metrics for the "by organ" chart, first present wins. */
export const ORGAN_PREFIXES = ['metastases.', 'burden.', 'niche.', 'exosomes.uptake.'] as const;

/** Suffixes under an organ prefix that are not organs. */
const NOT_ORGANS = new Set(['total', 'primary']);

/** Headline metrics among `names`, grouped by prefix order, each group in `names` order. */
export function headlineMetrics(names: readonly string[]): string[] {
  const pick = (prefixes: readonly string[]): string[] => {
    const out: string[] = [];
    for (const prefix of prefixes) {
      for (const n of names) if ((n === prefix || n.startsWith(prefix)) && !out.includes(n)) out.push(n);
    }
    return out;
  };
  const main = pick(HEADLINE_PREFIXES);
  return main.length ? main : pick(FALLBACK_HEADLINE_PREFIXES);
}

/** An experiment's headline: each arm's targeted metric (target-metric.ts) first, then headlineMetrics. */
export function experimentHeadline(spec: Pick<ExperimentSpec, 'arms' | 'metricNames'>): string[] {
  const targets = spec.arms.filter((a) => a.name !== BASELINE).map((a) => targetMetric(a.whatIfs, spec.metricNames)).filter((m): m is string => m !== null);
  return [...new Set([...targets, ...headlineMetrics(spec.metricNames)])];
}

/** The per-organ metric family to chart: its prefix and (organ, metric) pairs; null if none. */
export interface OrganGroup {
  prefix: string;
  organs: string[];
  metrics: string[];
}

/** Finds the first ORGAN_PREFIXES family present in `names`. */
export function organGroup(names: readonly string[]): OrganGroup | null {
  for (const prefix of ORGAN_PREFIXES) {
    const metrics = names.filter((n) => n.startsWith(prefix) && !n.slice(prefix.length).includes('.') && !NOT_ORGANS.has(n.slice(prefix.length)));
    if (metrics.length) return { prefix, organs: metrics.map((m) => m.slice(prefix.length)), metrics };
  }
  return null;
}
