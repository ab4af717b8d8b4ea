import { join } from 'node:path';
import { escapeHtml, fmt } from '../experiment/format';
import { writeFileAtomic } from '../experiment/store';
import { tidyCsv, type CsvCell } from '../experiment/csv';
import { metricValue } from './distance';
import { elementaryEffects, morrisAnalyze } from './morris';
import type { DesignFile } from './sensitivity';
import { CALIBRATION_CSS, scatterSvg } from './svg';

// The outputs of a finished screen, derived only from the design and the runs (in design
// order), so they are the same bytes for any worker count, shard split or resume:
// sensitivity.csv (tidy: one row per parameter × metric), sensitivity.json (the same with
// provenance) and report.html (a μ*–σ plot and a ranked table per metric, no script).

/** Output file names. */
export const SENSITIVITY_FILES = { csv: 'sensitivity.csv', json: 'sensitivity.json', report: 'report.html' } as const;

/** Columns of sensitivity.csv, in order. */
export const SENSITIVITY_COLUMNS = ['parameter', 'metric', 'mu_star', 'mu', 'sigma', 'mu_star_conf', 'rank', 'range_lo', 'range_hi', 'log_scale', 'range_documented', 'unit', 'trajectories', 'levels', 'seeds', 'scenario_hash', 'engine_version'] as const;

/** Morris indices of one parameter for one metric. */
export interface SensitivityRow {
  parameter: string;
  metric: string;
  mu: number;
  muStar: number;
  sigma: number;
  muStarConf: number;
  /** 1 = largest mu_star for this metric. */
  rank: number;
}

/** What writeSensitivityOutputs wrote. */
export interface SensitivityOutputs {
  rows: SensitivityRow[];
  paths: string[];
}

/**
 * Morris indices per metric: each design point's output is its metric averaged over the seeds
 * (common random numbers), the effects are SALib's, and mu_star_conf bootstraps 100 resamples.
 */
export function analyseDesign(d: DesignFile, records: readonly (readonly Record<string, number>[])[]): SensitivityRow[] {
  const out: SensitivityRow[] = [];
  for (const metric of d.metrics) {
    const y = records.map((seeds) => seeds.reduce((s, r) => s + metricValue(r, metric), 0) / seeds.length);
    const indices = morrisAnalyze(elementaryEffects(d.rows, y, d.delta), { seed: d.seed, stream: metric, numResamples: 100, confLevel: 0.95 });
    const order = indices.map((_, j) => j).sort((a, b) => (indices[b].muStar || 0) - (indices[a].muStar || 0) || a - b);
    const rank = new Array<number>(indices.length);
    order.forEach((j, r) => (rank[j] = r + 1));
    indices.forEach((ix, j) => out.push({ parameter: d.params[j].id, metric, mu: ix.mu, muStar: ix.muStar, sigma: ix.sigma, muStarConf: ix.muStarConf, rank: rank[j] }));
  }
  return out;
}

/** sensitivity.csv text (RFC 4180, '\n', NA for undefined numbers). */
export function sensitivityCsv(d: DesignFile, rows: readonly SensitivityRow[]): string {
  const byId = new Map(d.params.map((p) => [p.id, p]));
  const out: CsvCell[][] = rows.map((r) => {
    const p = byId.get(r.parameter)!;
    return [
      r.parameter, r.metric, r.muStar, r.mu, r.sigma, r.muStarConf, r.rank,
      p.lo, p.hi, p.log ? 'TRUE' : 'FALSE', p.documented ? 'TRUE' : 'FALSE', p.unit,
      d.trajectories, d.levels, d.seeds.length, d.scenario.hash, d.engineVersion,
    ];
  });
  return tidyCsv(SENSITIVITY_COLUMNS, out);
}

/** The method in one paragraph (report and JSON). */
export function methodText(d: DesignFile): string {
  return `Morris elementary effects (Morris 1991; Campolongo et al. 2007) as SALib computes them: ${d.trajectories} trajectories on a ${d.levels}-level grid (Δ = ${fmt(d.delta)} of each range), ` +
    `${d.params.length} parameters, ${d.rows.length} design points × ${d.seeds.length} seeds = ${d.rows.length * d.seeds.length} runs of ${d.ticks} ticks. ` +
    'Each point\'s output is the metric at the end of the run, averaged over the seeds (every point runs the same seeds: common random numbers). ' +
    'mu_star is the mean absolute effect (importance), mu the mean effect (sign), sigma the standard deviation of the effects (ddof 1: non-linearity or interactions); ' +
    'mu_star_conf is the half-width of its 95% interval, z(0.975) × the standard deviation of mu_star over 100 bootstrap resamples of the effects. ' +
    'Effects are per unit of the normalised range (log-scaled ranges in log space), so they compare across parameters of different units.';
}

/** sensitivity.json text: results with provenance. */
export function sensitivityJson(d: DesignFile, rows: readonly SensitivityRow[]): string {
  return `${JSON.stringify({
    format: 1,
    provenance: {
      engineVersion: d.engineVersion, catalogVersion: d.catalogVersion, scenario: d.scenario, command: d.command,
      seed: d.seed, seeds: d.seeds, trajectories: d.trajectories, levels: d.levels, delta: d.delta,
      ticks: d.ticks, tickHours: d.tickHours, designPoints: d.rows.length, runs: d.rows.length * d.seeds.length,
    },
    method: methodText(d),
    params: d.params,
    metrics: d.metrics,
    results: rows.map((r) => ({ parameter: r.parameter, metric: r.metric, mu_star: r.muStar, mu: r.mu, sigma: r.sigma, mu_star_conf: r.muStarConf, rank: r.rank })),
  }, null, 1)}\n`;
}

const h = escapeHtml;
/** Labels shown in plots: the parameter's last id segment. */
const short = (id: string) => id.slice(id.lastIndexOf('.') + 1);

/** report.html: a μ*–σ plot and a ranked table per metric, self-contained. */
export function sensitivityReport(d: DesignFile, rows: readonly SensitivityRow[]): string {
  const undocumented = d.params.filter((p) => !p.documented);
  const parts = ['<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'];
  parts.push(`<title>${h(d.scenario.name)} — sensitivity</title><style>${CALIBRATION_CSS}</style></head><body><main>`);
  parts.push(`<h1>Sensitivity of ${h(d.scenario.name)}: Morris screen of ${d.params.length} parameters</h1>`);
  parts.push(`<p class="meta">scenario <code>${h(d.scenario.file)}</code> hash <code>${h(d.scenario.hash)}</code> · ${d.ticks} ticks of ${fmt(d.tickHours)} h · seeds ${h(d.seeds.join(', '))} · engine ${h(d.engineVersion)} · catalog ${h(d.catalogVersion)}</p>`);
  parts.push(`<p class="meta"><code>${h(d.command)}</code></p>`);
  parts.push(`<p class="note">${h(methodText(d))} Points above the dashed line (σ &gt; μ*) act non-linearly or through interactions; the top eight by μ* are labelled.</p>`);
  if (undocumented.length) parts.push(`<p class="note">${undocumented.length} of ${d.params.length} parameters have no documented range; their [min, max] stood in: ${h(undocumented.map((p) => p.id).join(', '))}.</p>`);
  for (const metric of d.metrics) {
    const mine = rows.filter((r) => r.metric === metric).sort((a, b) => a.rank - b.rank);
    parts.push(`<section><h2><code>${h(metric)}</code></h2><div class="row"><figure>`);
    parts.push(scatterSvg(mine.map((r) => ({ x: r.muStar, y: r.sigma, label: short(r.parameter), labelled: r.rank <= 8, xErr: Number.isFinite(r.muStarConf) ? r.muStarConf : 0 })), 'μ*', 'σ', `${metric}: μ* against σ`, true));
    parts.push('</figure><div><table><thead><tr><th>#</th><th>parameter</th><th>μ* ± 95%</th><th>μ</th><th>σ</th><th>range</th></tr></thead><tbody>');
    for (const r of mine) {
      const p = d.params.find((x) => x.id === r.parameter)!;
      parts.push(`<tr><td class="num">${r.rank}</td><td><code>${h(r.parameter)}</code></td><td class="num">${fmt(r.muStar)} ± ${fmt(r.muStarConf)}</td><td class="num">${fmt(r.mu)}</td><td class="num">${fmt(r.sigma)}</td>` +
        `<td class="num">${fmt(p.lo)}–${fmt(p.hi)} ${h(p.unit)}${p.log ? ' (log)' : ''}${p.documented ? '' : ' *'}</td></tr>`);
    }
    parts.push('</tbody></table></div></div></section>');
  }
  parts.push(`<section><h2>Files</h2><p class="note"><code>sensitivity.csv</code> holds every number on this page (one row per parameter × metric); <code>sensitivity.json</code> the same with provenance; <code>runs.jsonl</code> every run (state hash included), so any point can be rerun and checked.</p></section>`);
  parts.push('</main></body></html>\n');
  return parts.join('\n');
}

/** Writes the three outputs into `dir` from the design and its runs (design order). */
export function writeSensitivityOutputs(dir: string, d: DesignFile, records: readonly (readonly Record<string, number>[])[]): SensitivityOutputs {
  const rows = analyseDesign(d, records);
  const paths = [join(dir, SENSITIVITY_FILES.csv), join(dir, SENSITIVITY_FILES.json), join(dir, SENSITIVITY_FILES.report)];
  writeFileAtomic(paths[0], sensitivityCsv(d, rows));
  writeFileAtomic(paths[1], sensitivityJson(d, rows));
  writeFileAtomic(paths[2], sensitivityReport(d, rows));
  return { rows, paths };
}
