import type { SimEvent } from '../engine/events';
import { seriesCsv } from '../experiment/csv';
import type { SeriesStore } from './series-store';

/** What identifies a run in an export: enough to reproduce it with the CLI. */
export interface RunIdentity {
  scenario: string;
  scenarioName: string;
  scenarioHash: string;
  seed: number;
  whatIfs: string[];
  tick: number;
  stateHash: string;
  engineVersion: string;
  catalogVersion: string;
  /** Simulated hours per tick. */
  tickHours: number;
}

/** Metrics as tidy long CSV (the CLI's `run --csv` format): one row per tick and metric, each naming the run. */
export function metricsCsv(store: SeriesStore, run: RunIdentity): string {
  return seriesCsv(run, store.names, store.length, (t, k) => store.at(k, t));
}

/** Metrics, events and the run's identity as one JSON document (series by metric name). */
export function metricsJson(store: SeriesStore, events: readonly SimEvent[], run: RunIdentity): string {
  const series: Record<string, number[]> = {};
  for (const name of store.names) series[name] = Array.from(store.column(name));
  return JSON.stringify({ run, ticks: store.length, series, events }, null, 1);
}

/** A file-name-safe stem for exports: scenario, seed and tick. */
export function exportStem(run: Pick<RunIdentity, 'scenarioName' | 'seed' | 'tick'>): string {
  const name = run.scenarioName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'run';
  return `exocascade-${name}-seed${run.seed}-t${run.tick}`;
}

/**
 * The scenario text of a run as a file that reopens as that run: the scenario with its seed set
 * to the run's and its what-ifs replaced by every what-if in force (the file's own, then the
 * page's, canonical), other keys kept in their order. Text that is not a JSON object is returned as is.
 */
export function runScenarioText(text: string, seed: number, whatIfs: readonly string[]): string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return text;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return text;
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>), seed };
  if (whatIfs.length) out.whatIfs = [...whatIfs];
  else delete out.whatIfs;
  return `${JSON.stringify(out, null, 2)}\n`;
}
