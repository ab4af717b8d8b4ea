import type { ExperimentSpec, RunRecord } from './spec';

// results.csv: the experiment in tidy long form, one row per arm × seed × metric, so that
// pandas.read_csv / R read.csv / readr load it without cleaning. RFC 4180 quoting (fields with
// a comma, quote or line break are quoted, quotes doubled), a single header, no index column,
// '\n' line ends (both readers accept them). Numbers are written in JavaScript's shortest
// round-trip form; a non-finite value is written as NA / Inf / -Inf, which both readers parse
// as numbers in a numeric column.

/** Column names of results.csv, in order. */
export const RESULTS_COLUMNS = ['arm', 'seed', 'metric', 'value', 'scenario_hash', 'engine_version', 'catalog_version', 'what_ifs'] as const;

/** Quotes a field when RFC 4180 requires it. */
export function csvQuote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A number as a CSV field (shortest round-trip text; NA, Inf, -Inf for non-finite). */
export function csvValue(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return 'NA';
  if (v === Infinity) return 'Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

/**
 * The CSV text for records already in canonical order (arms as given, seeds ascending);
 * metrics follow the spec's METRIC_NAMES order. The same records give the same bytes.
 */
export function resultsCsv(spec: ExperimentSpec, records: readonly RunRecord[]): string {
  const out: string[] = [RESULTS_COLUMNS.join(',')];
  for (const rec of records) {
    const tail = [rec.scenarioHash, rec.engineVersion, rec.catalogVersion, rec.whatIfs.join(',')].map(csvQuote).join(',');
    const head = `${csvQuote(rec.arm)},${rec.seed}`;
    for (const metric of spec.metricNames) out.push(`${head},${csvQuote(metric)},${csvValue(rec.metrics[metric])},${tail}`);
  }
  return `${out.join('\n')}\n`;
}

/** Parses results.csv text back into rows (for tests and tools; RFC 4180 quoting honoured). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}
