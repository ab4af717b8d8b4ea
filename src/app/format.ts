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

/** Simulated day of a tick, one decimal: "day 3.6" (the page's time everywhere; ticks are a resolution). */
export function formatDay(tick: number, tickHours: number): string {
  return `day ${((tick * tickHours) / 24).toFixed(1)}`;
}

/** Simulated time of a tick in words: "day 3, 14 h". */
export function formatSimTime(tick: number, tickHours: number): string {
  const hours = tick * tickHours;
  const day = Math.floor(hours / 24);
  const h = Math.round((hours - day * 24) * 10) / 10;
  return `day ${day}, ${h} h`;
}

/** A metric value in few characters, for tables: .29, ~0 (below .005), 1.2k, 34k. */
export function formatCompact(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a >= 1e6) return `${(v / 1e6).toFixed(a >= 1e7 ? 0 : 1)}M`;
  if (a >= 1e4) return `${Math.round(v / 1e3)}k`;
  if (a >= 1e3) return `${(v / 1e3).toFixed(1).replace(/\.0$/, '')}k`;
  if (Number.isInteger(v)) return String(v);
  if (a >= 10) return v.toFixed(0);
  if (a >= 1) return v.toFixed(1);
  // Fractions without the leading zero keep table columns narrow: .35, <.01.
  if (a >= 0.005) return `${v < 0 ? '-' : ''}${a.toFixed(2).slice(1)}`;
  return '~0';
}
