import { escapeHtml, fmt, niceStep } from '../experiment/format';

// Static SVG charts for the sensitivity and calibration reports: drawn when the report is
// written, so the pages need no script and open offline. Text comes from toFixed only, so the
// same numbers give the same bytes anywhere.

const px = (v: number): string => v.toFixed(1);
/** An axis tick: whole numbers as such, others as fmt does. */
const tick = (v: number): string => (Number.isInteger(v) && Math.abs(v) < 1e6 ? String(v) : fmt(v));
const h = escapeHtml;

/** A chart's frame: size and margins, in px. */
interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const FRAME: Frame = { width: 460, height: 300, left: 58, right: 14, top: 12, bottom: 42 };

/** Axis from data extent: nice ticks that include 0 when asked. */
function axis(values: readonly number[], withZero: boolean, integer = false): { min: number; max: number; step: number } {
  const finite = values.filter((v) => Number.isFinite(v));
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 1;
  if (withZero) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  }
  if (hi === lo) hi = lo + 1;
  const step = integer ? Math.max(1, Math.round(niceStep((hi - lo) / 5))) : niceStep((hi - lo) / 5);
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step, step };
}

function frameParts(f: Frame, xa: ReturnType<typeof axis>, ya: ReturnType<typeof axis>, xLabel: string, yLabel: string, title: string, xTicks = true): { out: string[]; x: (v: number) => number; y: (v: number) => number } {
  const pw = f.width - f.left - f.right;
  const ph = f.height - f.top - f.bottom;
  const x = (v: number) => f.left + ((v - xa.min) / (xa.max - xa.min)) * pw;
  const y = (v: number) => f.top + ph - ((v - ya.min) / (ya.max - ya.min)) * ph;
  const out = [`<svg class="chart" width="${f.width}" height="${f.height}" viewBox="0 0 ${f.width} ${f.height}" role="img" aria-label="${h(title)}">`];
  for (let v = ya.min, i = 0; v <= ya.max + ya.step / 2 && i < 50; v += ya.step, i++) {
    out.push(`<line x1="${f.left}" x2="${f.width - f.right}" y1="${px(y(v))}" y2="${px(y(v))}" stroke="#ececec"/><text x="${f.left - 6}" y="${px(y(v) + 4)}" text-anchor="end">${tick(v)}</text>`);
  }
  for (let v = xa.min, i = 0; xTicks && v <= xa.max + xa.step / 2 && i < 50; v += xa.step, i++) {
    out.push(`<text x="${px(x(v))}" y="${f.height - f.bottom + 16}" text-anchor="middle">${tick(v)}</text>`);
  }
  out.push(`<rect x="${f.left}" y="${f.top}" width="${pw}" height="${ph}" fill="none" stroke="#bbb"/>`);
  out.push(`<text x="${px(f.left + pw / 2)}" y="${f.height - 6}" text-anchor="middle">${h(xLabel)}</text>`);
  if (yLabel) out.push(`<text x="13" y="${px(f.top + ph / 2)}" transform="rotate(-90 13 ${px(f.top + ph / 2)})" text-anchor="middle">${h(yLabel)}</text>`);
  return { out, x, y };
}

/** One labelled point of a scatter. */
export interface ScatterPoint {
  x: number;
  y: number;
  /** Shown next to the point when `labelled`; always in the tooltip. */
  label: string;
  labelled: boolean;
  /** Horizontal error bar half-width (e.g. a bootstrap interval), or 0. */
  xErr: number;
}

/** A scatter with optional x error bars and a dashed y = x reference line. */
export function scatterSvg(points: readonly ScatterPoint[], xLabel: string, yLabel: string, title: string, diagonal: boolean): string {
  // μ* and σ are ≥ 0: the axes start at 0 and an error bar is cut there.
  const xa = axis(points.flatMap((p) => [Math.max(0, p.x - p.xErr), p.x + p.xErr]), true);
  const ya = axis(points.map((p) => p.y), true);
  const { out, x, y } = frameParts(FRAME, xa, ya, xLabel, yLabel, title);
  if (diagonal) {
    const end = Math.min(xa.max, ya.max);
    out.push(`<line x1="${px(x(0))}" y1="${px(y(0))}" x2="${px(x(end))}" y2="${px(y(end))}" stroke="#999" stroke-dasharray="4 3"/>`);
  }
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    if (p.xErr > 0) out.push(`<line x1="${px(x(Math.max(xa.min, p.x - p.xErr)))}" x2="${px(x(p.x + p.xErr))}" y1="${px(y(p.y))}" y2="${px(y(p.y))}" stroke="#9bb7d4"/>`);
    out.push(`<circle cx="${px(x(p.x))}" cy="${px(y(p.y))}" r="3.5" fill="${p.labelled ? '#1f5fa8' : '#9bb7d4'}"><title>${h(`${p.label}: ${xLabel} ${fmt(p.x)}, ${yLabel} ${fmt(p.y)}`)}</title></circle>`);
    if (p.labelled) out.push(`<text x="${px(x(p.x) + 6)}" y="${px(y(p.y) - 5)}" class="pt">${h(p.label)}</text>`);
  }
  out.push('</svg>');
  return out.join('');
}

/** One series of a line chart. */
export interface LineSeries {
  name: string;
  colour: string;
  points: [number, number][];
  dashed?: boolean;
}

/** Lines with point markers and a legend (e.g. distance quantiles and ε per generation). */
export function lineSvg(series: readonly LineSeries[], xLabel: string, yLabel: string, title: string, integerX = false): string {
  const xa = axis(series.flatMap((s) => s.points.map((p) => p[0])), false, integerX);
  const ya = axis(series.flatMap((s) => s.points.map((p) => p[1])), true);
  const f: Frame = { ...FRAME, top: 12 + 14 * series.length, height: FRAME.height + 14 * series.length };
  const { out, x, y } = frameParts(f, xa, ya, xLabel, yLabel, title);
  series.forEach((s, k) => {
    const pts = s.points.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
    if (pts.length) out.push(`<polyline fill="none" stroke="${s.colour}" stroke-width="1.8"${s.dashed ? ' stroke-dasharray="5 3"' : ''} points="${pts.map((p) => `${px(x(p[0]))},${px(y(p[1]))}`).join(' ')}"/>`);
    for (const p of pts) out.push(`<circle cx="${px(x(p[0]))}" cy="${px(y(p[1]))}" r="2.6" fill="${s.colour}"><title>${h(`${s.name} at ${fmt(p[0])}: ${fmt(p[1])}`)}</title></circle>`);
    out.push(`<line x1="${f.left}" x2="${f.left + 18}" y1="${8 + 14 * k}" y2="${8 + 14 * k}" stroke="${s.colour}" stroke-width="1.8"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/><text x="${f.left + 24}" y="${12 + 14 * k}">${h(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

/**
 * A weighted histogram over [lo, hi] with `bins` bins, the prior's flat density dashed, a marker
 * at `mark`; `ends` label the two ends of the axis (e.g. the parameter's range in its units).
 */
export function histogramSvg(values: readonly number[], weights: readonly number[], lo: number, hi: number, bins: number, ends: [string, string], xLabel: string, mark: number | null): string {
  const f: Frame = { width: 300, height: 170, left: 46, right: 10, top: 10, bottom: 36 };
  const counts = new Array<number>(bins).fill(0);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  values.forEach((v, i) => {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(((v - lo) / (hi - lo || 1)) * bins)));
    counts[b] += weights[i] / total;
  });
  const xa = { min: lo, max: hi === lo ? lo + 1 : hi, step: niceStep(((hi === lo ? 1 : hi - lo)) / 4) };
  const ya = axis([...counts, 1 / bins], true);
  const { out, x, y } = frameParts(f, xa, ya, '', '', xLabel, false);
  out.push(`<text x="${f.left}" y="${f.height - f.bottom + 16}" text-anchor="start">${h(ends[0])}</text><text x="${f.width - f.right}" y="${f.height - f.bottom + 16}" text-anchor="end">${h(ends[1])}</text>`);
  const bw = (f.width - f.left - f.right) / bins;
  counts.forEach((c, b) => out.push(`<rect x="${px(f.left + b * bw + 0.5)}" y="${px(y(c))}" width="${px(bw - 1)}" height="${px(y(0) - y(c))}" fill="#7fa7d1"><title>${h(`bin ${b + 1}: ${fmt(c)}`)}</title></rect>`));
  out.push(`<line x1="${f.left}" x2="${f.width - f.right}" y1="${px(y(1 / bins))}" y2="${px(y(1 / bins))}" stroke="#999" stroke-dasharray="4 3"><title>prior (uniform)</title></line>`);
  if (mark !== null && Number.isFinite(mark)) out.push(`<line x1="${px(x(mark))}" x2="${px(x(mark))}" y1="${f.top}" y2="${px(y(0))}" stroke="#c0392b" stroke-width="1.5"><title>${h(`chosen ${fmt(mark)}`)}</title></line>`);
  out.push('</svg>');
  return out.join('');
}

/**
 * A horizontal band chart for one target: the target region shaded (green), the estimate as a
 * dot and its 95% band as a bar, on [lo, hi].
 */
export function targetBandSvg(target: { min: number | null; max: number | null }, value: number, band: [number, number], lo: number, hi: number, met: boolean): string {
  const W = 220;
  const H = 22;
  const span = hi - lo || 1;
  const x = (v: number) => 6 + ((Math.min(hi, Math.max(lo, v)) - lo) / span) * (W - 12);
  const out = [`<svg class="band" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="target and estimate">`];
  out.push(`<line x1="6" x2="${W - 6}" y1="${H / 2}" y2="${H / 2}" stroke="#ddd"/>`);
  const a = x(target.min ?? lo);
  const b = x(target.max ?? hi);
  out.push(`<rect x="${px(a)}" y="4" width="${px(Math.max(1, b - a))}" height="${H - 8}" fill="#d9f2df"/>`);
  if (Number.isFinite(band[0]) && Number.isFinite(band[1])) out.push(`<line x1="${px(x(band[0]))}" x2="${px(x(band[1]))}" y1="${H / 2}" y2="${H / 2}" stroke="${met ? '#1e7d3a' : '#b03a2e'}" stroke-width="3" stroke-linecap="round"/>`);
  if (Number.isFinite(value)) out.push(`<circle cx="${px(x(value))}" cy="${H / 2}" r="4" fill="${met ? '#1e7d3a' : '#b03a2e'}"/>`);
  out.push('</svg>');
  return out.join('');
}

/** CSS shared by the calibration reports. */
export const CALIBRATION_CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #6b6b70; --rule: #e3e3e6; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fafafa; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 64px; background: #fff; min-height: 100vh; }
h1 { font-size: 22px; margin: 0 0 6px; font-weight: 650; }
h2 { font-size: 17px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); font-weight: 620; }
h3 { font-size: 14px; margin: 18px 0 6px; font-weight: 620; }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.meta, .note { color: var(--muted); }
.note { font-size: 12.5px; max-width: 90ch; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 6px 0 12px; }
th { text-align: left; font-weight: 560; font-size: 12px; color: var(--muted); border-bottom: 1px solid var(--rule); padding: 5px 8px; vertical-align: bottom; }
td { border-bottom: 1px solid var(--rule); padding: 4px 8px; vertical-align: middle; }
td.num { text-align: right; white-space: nowrap; }
tr.fail td { background: #fdf0ee; }
tr.pass td { background: #f1faf3; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 14px 20px; }
.row { display: flex; flex-wrap: wrap; gap: 14px 28px; align-items: flex-start; }
figure { margin: 0; }
figcaption { font-size: 12.5px; margin-bottom: 2px; }
svg text { font: 11px system-ui, sans-serif; fill: #444; }
svg text.pt { font-size: 10.5px; fill: #1f5fa8; }
details { margin: 12px 0; }
summary { cursor: pointer; font-weight: 560; }
`;
