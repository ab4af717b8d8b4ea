// The browser build: the package's main build uses Node's Buffer at load, and this module runs
// in the page (the app's exports and ensemble report) as well as in Node.
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { ExperimentSpec, RunRecord } from './spec';

// The project's one CSV writer: `exocascade run --csv`, the app's metric export and an
// experiment's results.csv. Every file is tidy long form — one value per row, a single header,
// no index column — and every row names its run (seed, scenario hash, engine and catalog
// versions, what-ifs), so pandas.read_csv / R read.csv / readr load and combine them without
// cleaning. csv-stringify writes the rows (RFC 4180 quoting: fields with a comma, quote or
// line break quoted, quotes doubled; '\n' line ends, which both readers accept). Numbers are in
// JavaScript's shortest round-trip form; a non-finite value is NA / Inf / -Inf, which both
// readers parse as numbers in a numeric column.

/** One CSV field before formatting. */
export type CsvCell = string | number;

/** A number as a CSV field (shortest round-trip text; NA, Inf, -Inf for non-finite). */
export function csvValue(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return 'NA';
  if (v === Infinity) return 'Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

/** CSV text of a header and rows. The same rows give the same bytes. */
export function tidyCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cells = (row: readonly CsvCell[]) => row.map((c) => (typeof c === 'number' ? csvValue(c) : c));
  return stringify([cells(columns), ...rows.map(cells)], { record_delimiter: '\n' });
}

/** What every row of a run's CSV says about the run it comes from. */
export interface CsvRunIdentity {
  seed: number;
  scenarioHash: string;
  engineVersion: string;
  catalogVersion: string;
  /** Canonical what-if texts, in order. */
  whatIfs: readonly string[];
  /** Simulated hours per tick (gives the `hours` column). */
  tickHours: number;
}

/** Column names of a run's metric series CSV, in order. */
export const SERIES_COLUMNS = ['seed', 'tick', 'hours', 'metric', 'value', 'scenario_hash', 'engine_version', 'catalog_version', 'what_ifs'] as const;

/**
 * A run's metric series (`exocascade run --csv`, the app's "Metrics CSV"): one row per tick and
 * metric, ticks 0…ticks−1 in order, metrics in `metricNames` order; `value(tick, k)` is metric k
 * after that tick.
 */
export function seriesCsv(run: CsvRunIdentity, metricNames: readonly string[], ticks: number, value: (tick: number, k: number) => number): string {
  const tail = [run.scenarioHash, run.engineVersion, run.catalogVersion, run.whatIfs.join(',')];
  const rows: CsvCell[][] = [];
  for (let t = 0; t < ticks; t++) {
    metricNames.forEach((name, k) => rows.push([run.seed, t, t * run.tickHours, name, value(t, k), ...tail]));
  }
  return tidyCsv(SERIES_COLUMNS, rows);
}

/** Column names of results.csv, in order. */
export const RESULTS_COLUMNS = ['arm', 'seed', 'metric', 'value', 'scenario_hash', 'engine_version', 'catalog_version', 'what_ifs'] as const;

/**
 * An experiment's results.csv: one row per arm × seed × metric (final values), for records
 * already in canonical order (arms as given, seeds ascending); metrics follow the spec's
 * METRIC_NAMES order.
 */
export function resultsCsv(spec: ExperimentSpec, records: readonly RunRecord[]): string {
  const rows: CsvCell[][] = [];
  for (const rec of records) {
    const tail = [rec.scenarioHash, rec.engineVersion, rec.catalogVersion, rec.whatIfs.join(',')];
    for (const metric of spec.metricNames) rows.push([rec.arm, rec.seed, metric, rec.metrics[metric] ?? NaN, ...tail]);
  }
  return tidyCsv(RESULTS_COLUMNS, rows);
}
