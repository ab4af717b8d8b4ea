import { METRIC_NAMES } from '../engine/metrics';

/** Formats a number for CSV: integers as such, others with full round-trip precision. */
export function csvNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(v);
}

/** Quotes a CSV field when it contains a comma, quote or newline (RFC 4180). */
export function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The per-tick metric series in tidy long form: header `tick,metric,value`, one row per value. */
export function seriesCsv(series: readonly Float64Array[]): string {
  const lines = ['tick,metric,value'];
  series.forEach((row, tick) => {
    for (let k = 0; k < METRIC_NAMES.length; k++) lines.push(`${tick},${METRIC_NAMES[k]},${csvNumber(row[k])}`);
  });
  return lines.join('\n') + '\n';
}
