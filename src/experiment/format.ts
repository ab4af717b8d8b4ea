// Number and text formatting for the report and the command-line summary. Only toFixed and
// toPrecision are used (exactly specified by ECMAScript, locale-free), so the same numbers give
// the same text in Node and in a browser.

const MINUS = '\u2212';

/** A number for people: about three significant figures, a true minus sign, '—' for none. */
export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : `${MINUS}∞`;
  const a = Math.abs(v);
  let s: string;
  if (a === 0) s = '0';
  else if (a >= 1e6 || a < 1e-3) s = a.toPrecision(3).replace('e+', 'e');
  else if (a >= 100) s = a.toFixed(0);
  else if (a >= 10) s = a.toFixed(1);
  else if (a >= 1) s = a.toFixed(2);
  else s = a.toPrecision(3);
  return v < 0 ? `${MINUS}${s}` : s;
}

/** Like fmt but with an explicit '+' on positive values (for differences). */
export function fmtSigned(v: number | null | undefined): string {
  const s = fmt(v);
  return v !== null && v !== undefined && v > 0 ? `+${s}` : s;
}

/** An interval as "[lo, hi]" or '—'; `signed` puts '+' on positive bounds (for differences). */
export function fmtInterval(ci: [number, number] | null, signed = false): string {
  const f = signed ? fmtSigned : fmt;
  return ci ? `[${f(ci[0])}, ${f(ci[1])}]` : '—';
}

/** A fraction as a signed percentage ("+12%"), or '—'. */
export function fmtPercent(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const p = v * 100;
  const s = Math.abs(p) >= 10 ? Math.abs(p).toFixed(0) : Math.abs(p).toFixed(1);
  return `${p > 0 ? '+' : p < 0 ? MINUS : ''}${s}%`;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A step of 1, 2 or 5 × 10^k near `raw` (no logarithms: deterministic everywhere). */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  let p = 1;
  while (p * 10 <= raw) p *= 10;
  while (p > raw) p /= 10;
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}
