import { BASELINE } from './grid';
import { escapeHtml, fmt, fmtInterval, fmtPercent, fmtSigned } from './format';
import type { ReportData } from './report-data';
import { intervalGlyph, organChart, type OrganChartInput } from './report-svg';
import { hasMetricWords, isTimeToEvent, metricWords } from './metric-words';
import { effectSentence, INTERVAL_WORDS } from './plain-words';
import { excludesZero } from './stats';
import type { Summary } from './summary';
import { targetMetric } from './target-metric';
/** What the page inlines so it opens offline: uPlot's script and stylesheet, and the page's own script. */
export interface ReportAssets {
  uplotJs: string;
  uplotCss: string;
  /** dist/report-page.js: src/experiment/report-page.ts compiled by `npm run build:cli`. */
  pageScript: string;
}

// report.html: one self-contained page (uPlot inlined, no network) that answers "what did each
// arm do?" first — headline effects with intervals, outcomes by organ — and keeps trajectories
// and every metric a click away. No timestamps or machine details: the same records give the
// same bytes. Pure string building; a browser can call it with its own copy of uPlot.

/** Everything the page shows. */
export interface ReportInput {
  summary: Summary;
  data: ReportData;
  /** Per-organ chart input, or null when the engine has no per-organ metrics. */
  organs: (OrganChartInput & { prefix: string }) | null;
  /** One-line description per metric name, where known. */
  docs: Readonly<Record<string, string>>;
  assets: ReportAssets;
}

const h = escapeHtml;

function metricCell(name: string, docs: Readonly<Record<string, string>>): string {
  const doc = docs[name];
  // In words first (a time to an event is reported in the engine's hours), then the id and its definition.
  const words = hasMetricWords(name) ? `<div class="words">${h(metricWords(name).label)}${isTimeToEvent(name) ? ' (hours)' : ''}</div>` : '';
  return `<td class="metric">${words}<code>${h(name)}</code>${doc ? `<div class="doc">${h(doc)}</div>` : ''}</td>`;
}

/** For a time to an event, the runs of an arm that did not reach it ("not reached in 2 of 10 runs"). */
function notReached(s: Summary, arm: string, m: string): string {
  const c = s.censored?.[arm]?.[m];
  return c && c.notReached ? ` <span class="censored">not reached in ${c.notReached} of ${c.n} runs</span>` : '';
}

function effectTable(s: Summary, arm: string, metrics: readonly string[], colour: string, docs: Readonly<Record<string, string>>): string {
  const rows = metrics.map((m) => {
    const e = s.effects[arm][m];
    const base = s.stats[BASELINE][m];
    const mine = s.stats[arm][m];
    const resolved = excludesZero(e.paired.ci);
    const pairedNote = isTimeToEvent(m) ? ` <span class="censored">over the ${e.paired.n} seeds where both reached it</span>` : '';
    return `<tr${resolved ? ' class="resolved"' : ''}>${metricCell(m, docs)}` +
      `<td class="num">${fmt(base.mean)} <span class="ci">${fmtInterval(base.ci)}</span>${notReached(s, BASELINE, m)}</td>` +
      `<td class="num">${fmt(mine.mean)} <span class="ci">${fmtInterval(mine.ci)}</span>${notReached(s, arm, m)}</td>` +
      `<td class="num">${fmtSigned(e.welch.diff)} <span class="ci">${fmtInterval(e.welch.ci, true)}</span></td>` +
      `<td class="num strong">${fmtSigned(e.paired.mean)} <span class="ci">${fmtInterval(e.paired.ci, true)}</span>${pairedNote}</td>` +
      `<td>${intervalGlyph(e.paired.mean, e.paired.ci, colour)}</td>` +
      `<td class="num">${fmtPercent(e.relative)}</td></tr>`;
  });
  return `<table class="effects"><thead><tr><th>metric</th><th>${h(BASELINE)} mean [95% CI]</th><th>${h(arm)} mean [95% CI]</th>` +
    '<th>difference in means [Welch 95% CI]</th><th>paired difference by seed [95% CI]</th><th>paired CI around 0</th><th>change</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`;
}

function chartGrid(kind: 'traj' | 'diff', indices: number[], names: string[], docs: Readonly<Record<string, string>>): string {
  return `<div class="grid">${indices.map((k, j) => {
    const doc = docs[names[j]];
    return `<figure><figcaption><code>${h(names[j])}</code>${doc ? ` <span class="doc">${h(doc)}</span>` : ''}</figcaption><div class="chart" data-kind="${kind}" data-index="${k}"></div></figure>`;
  }).join('')}</div>`;
}

function legend(s: Summary, data: ReportData): string {
  return `<ul class="legend">${s.arms.map((a, k) => `<li><span class="swatch" style="background:${data.arms[k].colour}"></span><b>${h(a.name)}</b> ` +
    `<code>${h(a.name === BASELINE ? 'scenario as written' : a.whatIfs.join(', ') || 'no change (control)')}</code> <span class="hash">config ${h(a.scenarioHash)}</span></li>`).join('')}</ul>`;
}

function seedText(seeds: readonly number[]): string {
  if (!seeds.length) return 'none';
  const contiguous = seeds[seeds.length - 1] - seeds[0] === seeds.length - 1;
  return contiguous ? `${seeds[0]}–${seeds[seeds.length - 1]}` : seeds.join(', ');
}

/** The full HTML page. */
export function reportHtml(input: ReportInput): string {
  const { summary: s, data, docs } = input;
  const arms = s.arms.filter((a) => a.name !== BASELINE);
  const headline = s.headline.length ? s.headline : s.metrics.slice(0, 6);
  const rest = s.metrics.filter((m) => !headline.includes(m));
  const colourOf = (arm: string) => data.arms.find((a) => a.name === arm)?.colour ?? '#333';
  const trajIndex = (m: string) => data.trajectories.findIndex((c) => c.metric === m);
  const days = (s.ticks * s.tickHours) / 24;
  const parts: string[] = [];
  parts.push('<!doctype html><html lang="en"><head><meta charset="utf-8">');
  parts.push(`<meta name="viewport" content="width=device-width, initial-scale=1"><title>${h(s.scenario.name)} — experiment report</title>`);
  parts.push(`<style>${input.assets.uplotCss}</style><style>${REPORT_CSS}</style></head><body><main>`);
  parts.push(`<header><h1>${h(s.scenario.name)}: ${arms.length ? `${h(arms.map((a) => a.name).join(', '))} vs baseline` : 'baseline ensemble'}</h1>`);
  parts.push(`<p class="meta">${s.seeds.length} seeds (${h(seedText(s.seeds))}) × ${s.arms.length} arm${s.arms.length === 1 ? '' : 's'} · ` +
    `${s.ticks} ticks of ${fmt(s.tickHours)} h (${fmt(days)} days) · scenario <code>${h(s.scenario.file)}</code> hash <code>${h(s.scenario.hash)}</code> · ` +
    `engine ${h(s.engineVersion)} · catalog ${h(s.catalogVersion)}</p>${legend(s, data)}</header>`);

  parts.push('<section><h2>Effects at the end of the run</h2>');
  if (!arms.length) parts.push('<p>Only the baseline was run; add <code>--arm NAME=WHATIF</code> to compare.</p>');
  for (const arm of arms) {
    parts.push(`<h3><span class="swatch" style="background:${colourOf(arm.name)}"></span>${h(arm.name)} − baseline</h3>`);
    const target = targetMetric(arm.whatIfs, s.metrics) ?? headline[0];
    if (target) parts.push(`<p class="plain" data-arm="${h(arm.name)}">${h(effectSentence(s, arm.name, target))}</p>`);
    parts.push(effectTable(s, arm.name, headline, colourOf(arm.name), docs));
  }
  parts.push(`<p class="note">${h(INTERVAL_WORDS)} Highlighted rows: the paired 95% interval excludes zero. ` +
    'A time to an event (the first metastasis) counts only the runs that reached it; the others are listed as not reached, never averaged in.</p></section>');

  if (input.organs) {
    parts.push(`<section><h2>By organ: <code>${h(input.organs.prefix)}*</code> at the end of the run</h2>${organChart(input.organs)}`);
    const allZero = input.organs.arms.every((a) => a.stats.every((st) => st.mean === 0));
    parts.push(`<p class="note">${allZero ? 'Every arm is 0 at every organ at the end of the run. ' : ''}Bars: mean across seeds; whiskers: 95% CI of the mean. Hover a bar for its numbers.</p></section>`);
  }

  parts.push('<section><h2>Over time</h2><p class="note">Lines: mean across seeds; bands: 95% CI of the mean. The cursor is shared by all charts.</p>');
  parts.push(chartGrid('traj', headline.map(trajIndex), headline, docs));
  if (arms.length) {
    parts.push('<h3>Paired difference from baseline over time</h3>');
    parts.push(chartGrid('diff', data.differences.map((_, k) => k), data.differences.map((c) => c.metric), docs));
  }
  if (rest.length) parts.push(`<details><summary>All other metrics (${rest.length})</summary>${chartGrid('traj', rest.map(trajIndex), rest, docs)}</details>`);
  parts.push('</section>');

  if (arms.length && rest.length) {
    parts.push('<section><details><summary>Effect tables for every metric</summary>');
    for (const arm of arms) parts.push(`<h3>${h(arm.name)} − baseline</h3>${effectTable(s, arm.name, s.metrics, colourOf(arm.name), docs)}`);
    parts.push('</details></section>');
  }

  parts.push(`<section class="method"><h2>Method and reproducibility</h2><p>${h(s.method)}</p>`);
  parts.push(`<p>Any single run can be repeated exactly: <code>exocascade run ${h(s.scenario.file)} --seed S --ticks ${s.ticks} --what-if …</code> gives the state hash listed for it in <code>summary.json</code>. ` +
    'The numbers behind this page are in <code>results.csv</code> (one row per arm × seed × metric) and <code>summary.json</code>.</p></section>');
  parts.push(`</main><script>${input.assets.uplotJs.replace(/<\/script/gi, '<\\/script')}</script>`);
  parts.push(`<script type="application/json" id="report-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`);
  parts.push(`<script>${input.assets.pageScript.replace(/<\/script/gi, '<\\/script')}</script></body></html>\n`);
  return parts.join('\n');
}

// Quiet typography, tabular numbers, tables that read left to right, small-multiple charts.
/** CSS inlined into report.html after uPlot's own. */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #6b6b70; --rule: #e3e3e6; --hi: #fff8e1; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fafafa; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 64px; background: #fff; min-height: 100vh; }
h1 { font-size: 22px; margin: 0 0 6px; font-weight: 650; }
h2 { font-size: 17px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); font-weight: 620; }
h3 { font-size: 14px; margin: 20px 0 8px; font-weight: 620; display: flex; align-items: center; gap: 8px; }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.meta, .note, .doc, .hash, .ci { color: var(--muted); }
.meta { margin: 0 0 10px; }
.note { font-size: 12.5px; max-width: 80ch; }
.legend { list-style: none; padding: 0; margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 6px 22px; }
.legend .hash { font-size: 11.5px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; }
table.effects { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
.effects th { text-align: left; font-weight: 560; font-size: 12px; color: var(--muted); border-bottom: 1px solid var(--rule); padding: 6px 8px; vertical-align: bottom; }
.effects td { border-bottom: 1px solid var(--rule); padding: 5px 8px; vertical-align: middle; }
.effects td.num { white-space: nowrap; text-align: right; }
.effects td.strong { font-weight: 600; }
.effects .ci { display: block; font-size: 11.5px; font-weight: 400; }
.effects .doc { font-size: 11.5px; }
.effects .words { font-weight: 600; }
.effects tr.resolved td { background: var(--hi); }
.effects .censored { display: block; font-size: 11.5px; font-weight: 400; color: #8a4b00; white-space: normal; }
p.plain { font-size: 15px; max-width: 90ch; margin: 6px 0 10px; }
.effects td.metric { min-width: 200px; max-width: 320px; }
svg text { font: 11.5px system-ui, sans-serif; fill: #444; }
svg.organs { max-width: 100%; height: auto; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 16px 22px; }
figure { margin: 0; min-width: 0; }
figcaption { font-size: 12.5px; margin-bottom: 2px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.chart { width: 100%; min-height: 190px; }
.readout { font-size: 11.5px; color: var(--muted); min-height: 1.4em; font-variant-numeric: tabular-nums; }
details { margin: 16px 0; }
summary { cursor: pointer; font-weight: 560; }
.method p { max-width: 90ch; }
`;
