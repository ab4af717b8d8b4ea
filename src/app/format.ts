/** Formats a metric value for a counter: integers with separators, small fractions with 3 digits. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (Number.isInteger(v)) return Math.abs(v) >= 10000 ? v.toLocaleString('en-GB') : String(v);
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-GB');
  if (a >= 10) return v.toFixed(1);
  if (a >= 0.001 || a === 0) return v.toFixed(3);
  return v.toExponential(1);
}

/** Simulated time of a tick in words: "day 3, 14 h". */
export function formatSimTime(tick: number, tickHours: number): string {
  const hours = tick * tickHours;
  const day = Math.floor(hours / 24);
  const h = Math.round((hours - day * 24) * 10) / 10;
  return `day ${day}, ${h} h`;
}

/** A metric name as a short label: the part after the step prefix, dots to spaces. */
export function metricLabel(name: string): string {
  return name.replace(/\./g, ' ');
}
