import { escapeHtml, fmt, niceStep } from './format';
import type { Describe, Interval } from './stats';

// Static SVG pieces of the report, drawn at build time so they need no script: a small
// interval glyph for effect tables and the grouped bar chart of per-organ outcomes. Output is
// plain text built from toFixed, hence the same bytes wherever it is built.

const px = (v: number): string => v.toFixed(1);

/**
 * A 150×18 glyph of an interval on a scale centred on zero (each row its own scale): a grey
 * zero line, the CI as a bar, the estimate as a dot. Coloured when the CI excludes zero.
 */
export function intervalGlyph(estimate: number | null, ci: Interval, colour: string): string {
  const W = 150;
  const H = 18;
  const mid = W / 2;
  const parts = [`<svg class="glyph" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="interval">`];
  parts.push(`<line x1="${mid}" y1="2" x2="${mid}" y2="${H - 2}" stroke="#bbb" stroke-width="1"/>`);
  if (estimate !== null && Number.isFinite(estimate)) {
    const extent = Math.max(Math.abs(estimate), ci ? Math.max(Math.abs(ci[0]), Math.abs(ci[1])) : 0);
    const scale = extent > 0 ? (mid - 8) / extent : 0;
    const x = (v: number) => px(mid + v * scale);
    const resolved = ci !== null && (ci[0] > 0 || ci[1] < 0);
    const c = resolved ? colour : '#888';
    if (ci) parts.push(`<line x1="${x(ci[0])}" y1="${H / 2}" x2="${x(ci[1])}" y2="${H / 2}" stroke="${c}" stroke-width="3" stroke-linecap="round"/>`);
    parts.push(`<circle cx="${x(estimate)}" cy="${H / 2}" r="3.5" fill="${resolved ? c : '#fff'}" stroke="${c}" stroke-width="1.5"/>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

/** Input of the organ chart: organs, and per arm its colour and final-tick stats per organ. */
export interface OrganChartInput {
  organs: string[];
  arms: { name: string; colour: string; stats: Describe[] }[];
  /** Axis label (the metric family). */
  label: string;
}

/** Grouped bars (mean) with 95% CI whiskers, one group per organ, one bar per arm. */
export function organChart(input: OrganChartInput): string {
  const W = 760;
  const H = 280;
  const left = 56;
  const right = 12;
  const top = 14;
  const bottom = 40;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const values: number[] = [0];
  for (const a of input.arms) for (const s of a.stats) for (const v of [s.mean, s.ci?.[0], s.ci?.[1]]) if (v !== null && v !== undefined && Number.isFinite(v)) values.push(v);
  const step = niceStep((Math.max(...values) - Math.min(...values)) / 5 || 1);
  const yMin = Math.min(0, Math.floor(Math.min(...values) / step) * step);
  const yMax = Math.max(step, Math.ceil(Math.max(...values) / step) * step);
  const y = (v: number) => top + plotH - ((v - yMin) / (yMax - yMin)) * plotH;
  const out = [`<svg class="organs" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(input.label)} by organ and arm">`];
  const gridLines = Math.round((yMax - yMin) / step);
  for (let i = 0; i <= gridLines; i++) {
    const v = yMin + i * step;
    out.push(`<line x1="${left}" x2="${W - right}" y1="${px(y(v))}" y2="${px(y(v))}" stroke="#e6e6e6"/>`);
    out.push(`<text x="${left - 6}" y="${px(y(v) + 4)}" text-anchor="end">${fmt(v)}</text>`);
  }
  out.push(`<text x="12" y="${px(top + plotH / 2)}" transform="rotate(-90 12 ${px(top + plotH / 2)})" text-anchor="middle">${escapeHtml(input.label)}</text>`);
  const groupW = plotW / Math.max(1, input.organs.length);
  const barW = Math.min(28, (groupW * 0.8) / Math.max(1, input.arms.length));
  input.organs.forEach((organ, g) => {
    const gx = left + g * groupW + (groupW - barW * input.arms.length) / 2;
    input.arms.forEach((arm, k) => {
      const s = arm.stats[g];
      const x0 = gx + k * barW;
      if (s.mean !== null && Number.isFinite(s.mean)) {
        const y0 = y(Math.max(0, yMin));
        const y1 = y(s.mean);
        out.push(`<rect x="${px(x0 + 1)}" y="${px(Math.min(y0, y1))}" width="${px(barW - 2)}" height="${px(Math.abs(y1 - y0))}" fill="${arm.colour}"><title>${escapeHtml(`${arm.name} · ${organ}: mean ${fmt(s.mean)}, 95% CI ${s.ci ? `${fmt(s.ci[0])} to ${fmt(s.ci[1])}` : '—'} (n=${s.n})`)}</title></rect>`);
      }
      if (s.ci) {
        const cx = px(x0 + barW / 2);
        out.push(`<path d="M${cx} ${px(y(s.ci[0]))}V${px(y(s.ci[1]))}M${px(x0 + barW / 2 - 4)} ${px(y(s.ci[0]))}h8M${px(x0 + barW / 2 - 4)} ${px(y(s.ci[1]))}h8" stroke="#222" stroke-width="1.2" fill="none"/>`);
      }
    });
    out.push(`<text x="${px(left + g * groupW + groupW / 2)}" y="${H - bottom + 18}" text-anchor="middle" class="organ">${escapeHtml(organ)}</text>`);
  });
  out.push(`<line x1="${left}" x2="${W - right}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="#888"/>`);
  out.push('</svg>');
  return out.join('');
}
