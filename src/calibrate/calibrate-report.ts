import { escapeHtml, fmt } from '../experiment/format';
import type { CalibrationCheck } from './calibrate';
import type { CalibrationRecord, PosteriorParam } from './calibrate-outputs';
import type { TargetCheck } from './distance';
import { toUnit } from './param-space';
import { quantile } from './quantile';
import { CALIBRATION_CSS, histogramSvg, lineSvg, targetBandSvg } from './svg';
import type { Observable, Target, TargetsFile } from './targets';

// report.html of a calibration (distance and ε per generation, marginal posteriors, each
// target against the calibrated point with its 95% band) and of `calibrate --evaluate` (the
// targets table alone). Static SVG, no script, no timestamps: the same run gives the same page.

const h = escapeHtml;

/** The observable in words. */
export function describeObservable(o: Observable): string {
  switch (o.type) {
    case 'metric': return `mean of ${o.metric}`;
    case 'ratio': return `mean ${o.numerator} / mean ${o.denominator}`;
    case 'shares': return `share of distant metastases (${o.pool === 'seeds' ? 'seeds with the organ involved' : 'colonies pooled over seeds'}; among ${o.among.join(', ')})`;
    case 'fraction': return `fraction of seeds with ${o.metrics.join(' + ')}${o.atLeast !== null ? ` ≥ ${o.atLeast}` : ''}${o.atMost !== null ? ` ≤ ${o.atMost}` : ''}`;
    case 'change': return `relative change of the mean of ${o.metric} against the preset as written (same seeds)`;
  }
}

/** What the target asks, in words. */
export function describeTarget(t: Target): string {
  if (t.kind === 'ordering' && t.observable.type === 'shares') return `${t.observable.organs.join(' > ')}${t.margin ? ` (each by ≥ ${fmt(t.margin)})` : ''}`;
  if (t.kind === 'value') return `${fmt(t.value)} ± ${fmt(t.tolerance)}`;
  const subject = t.observable.type === 'shares' ? t.observable.organs[0] : '';
  if (t.min !== null && t.max !== null) return `${subject} in [${fmt(t.min)}, ${fmt(t.max)}]`.trim();
  return `${subject} ${t.min !== null ? `≥ ${fmt(t.min)}` : `≤ ${fmt(t.max)}`}`.trim();
}

function bandChart(t: Target, c: TargetCheck): string {
  if (t.kind === 'ordering') return '';
  const proportion = t.observable.type === 'shares' || t.observable.type === 'fraction';
  const ends = [c.values[0], ...c.band[0], t.min ?? NaN, t.max ?? NaN, t.value !== null ? t.value - t.tolerance! : NaN, t.value !== null ? t.value + t.tolerance! : NaN].filter((v) => Number.isFinite(v));
  const lo = proportion ? 0 : Math.min(0, ...ends);
  const hi = proportion ? 1 : Math.max(...ends) * 1.1 || 1;
  const region = t.kind === 'value' ? { min: t.value! - t.tolerance!, max: t.value! + t.tolerance! } : { min: t.min, max: t.max };
  return targetBandSvg(region, c.values[0], c.band[0], lo, hi, c.met);
}

/** The targets table: each target against the checked point with its 95% bootstrap band. */
export function targetsTable(targets: TargetsFile, check: CalibrationCheck): string {
  const rows = targets.targets.map((t, i) => {
    const c = check.checks[i];
    const values = c.values.map((v, k) => `${t.observable.type === 'shares' ? `${h(t.observable.organs[k])} ` : ''}${fmt(v)} <span class="meta">[${fmt(c.band[k][0])}, ${fmt(c.band[k][1])}]</span>`).join('<br>');
    return `<tr class="${c.met ? 'pass' : 'fail'}"><td><code>${h(t.id)}</code><div class="note">${h(describeObservable(t.observable))}</div></td><td>${h(t.whatIfs.length ? `${t.preset}, ${t.whatIfs.join(', ')}` : t.preset)}</td><td>${h(describeTarget(t))}</td>` +
      `<td class="num">${values}</td><td>${bandChart(t, c)}</td><td>${c.met ? 'met' : 'not met'}</td><td class="num">${fmt(c.metShare * 100)}%</td><td class="num">${fmt(c.distance)}</td><td class="num">${fmt(t.weight)}</td>` +
      `<td class="note">${h(t.source.length > 90 ? `${t.source.slice(0, 87)}…` : t.source)}</td></tr>`;
  });
  return '<table><thead><tr><th>target</th><th>preset</th><th>asks</th><th>model [95% band]</th><th></th><th>at the estimate</th><th>met in resamples</th><th>distance</th><th>weight</th><th>source</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>` +
    `<p class="note">Model values over seeds ${h(check.seeds.join(', '))}; bands: 2.5–97.5% percentiles of 1,000 bootstrap resamples of the seeds; "met in resamples": the share of resamples in which the target holds. Weighted total distance ${fmt(check.distance)}. Full citations are in the targets file.</p>`;
}

function head(title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${h(title)}</title><style>${CALIBRATION_CSS}</style></head><body><main>`;
}

/** report.html of a calibration. */
export function calibrationReport(r: CalibrationRecord, posterior: readonly PosteriorParam[]): string {
  const m = r.manifest;
  const last = r.generations[r.generations.length - 1];
  const parts = [head('exocascade calibration')];
  parts.push(`<h1>Calibration against <code>${h(m.targets.file)}</code>: ${r.params.length} parameters, ${r.generations.length} generations of ${m.particles} particles</h1>`);
  parts.push(`<p class="meta">targets hash <code>${h(m.targets.hash)}</code> · presets ${h(m.presets.map((p) => `${p.id} (${p.hash})`).join(', '))} · seeds ${h(m.seeds.join(', '))} · seed ${m.seed} · engine ${h(m.engineVersion)} · catalog ${h(m.catalogVersion)}</p>`);
  parts.push(`<p class="meta"><code>${h(r.command)}</code></p>`);
  if (r.stopped) parts.push(`<p class="note"><b>Stopped early:</b> ${h(r.stopped)}</p>`);
  parts.push('<h2>Each target at the calibrated point</h2>');
  parts.push(`<p class="note">The calibrated point is ${r.check.choice === 'median' ? 'the weighted posterior median of each parameter' : 'the best particle'} of the last generation, run again over the check seeds (${h(r.check.seeds.join(', '))}; by default fresh ones, not used in the fit).</p>`);
  parts.push(targetsTable(r.targets, r.check));
  parts.push('<h2>Distance per generation</h2><div class="row"><figure>');
  const gens = r.generations;
  parts.push(lineSvg([
    { name: 'ε (threshold)', colour: '#c0392b', points: gens.filter((g) => Number.isFinite(g.epsilon)).map((g) => [g.t, g.epsilon]), dashed: true },
    { name: 'median distance', colour: '#1f5fa8', points: gens.map((g) => [g.t, quantile(g.particles.map((p) => p.distance), 0.5)]) },
    { name: 'best distance', colour: '#1e7d3a', points: gens.map((g) => [g.t, Math.min(...g.particles.map((p) => p.distance))]) },
  ], 'generation', 'distance', 'distance per generation', true));
  parts.push('</figure><div><table><thead><tr><th>generation</th><th>ε</th><th>proposals</th><th>acceptance</th><th>ESS</th></tr></thead><tbody>');
  for (const g of gens) parts.push(`<tr><td class="num">${g.t}</td><td class="num">${fmt(g.epsilon)}</td><td class="num">${g.proposals}</td><td class="num">${fmt((100 * g.particles.length) / g.proposals)}%</td><td class="num">${fmt(g.ess)}</td></tr>`);
  parts.push('</tbody></table></div></div>');
  parts.push('<h2>Marginal posteriors (last generation)</h2><p class="note">Histograms over each parameter\'s range (log scale where marked), weighted by importance weight; dashed: the uniform prior; red: the calibrated value.</p><div class="grid">');
  r.params.forEach((d, j) => {
    const p = posterior[j];
    const u = last.particles.map((x) => x.u[j]);
    parts.push(`<figure><figcaption><code>${h(d.id)}</code> ${fmt(p.quantiles.q50)} [${fmt(p.quantiles.q025)}, ${fmt(p.quantiles.q975)}] ${h(d.spec.unit)}${d.log ? ' (log scale)' : ''}</figcaption>`);
    parts.push(histogramSvg(u, last.particles.map((x) => x.weight), 0, 1, 20, [fmt(d.lo), fmt(d.hi)], d.id, toUnit(d, p.chosen)));
    parts.push('</figure>');
  });
  parts.push('</div>');
  parts.push('<h2>Method</h2><p class="note">ABC-SMC (Toni et al. 2009, J R Soc Interface 6:187): generation 0 samples the uniform prior over each parameter\'s documented range; generation t accepts a candidate when its distance to the targets is at most ε<sub>t</sub>, the ' +
    `${fmt(m.quantile)}-quantile of generation t−1's distances. Candidates perturb a particle drawn by weight with a Gaussian kernel of twice the weighted covariance; weights follow Beaumont et al. (2009, Biometrika 96:983). A candidate runs every preset the targets name over seeds ${h(m.seeds.join(', '))} at ${m.ticks === null ? 'each preset\'s default run length' : `${m.ticks} ticks`}. ` +
    'particles.csv holds every particle, posterior.json the marginals, calibrated.json the chosen point as a scenario fragment, evaluations.jsonl every candidate evaluated.</p>');
  parts.push('</main></body></html>\n');
  return parts.join('\n');
}

/** report.html of `calibrate --evaluate`: the targets checked at one point. */
export function fitReport(targets: TargetsFile, check: CalibrationCheck, pointLabel: string, command: string, meta: { engineVersion: string; catalogVersion: string; targetsHash: string }): string {
  return [
    head('exocascade targets check'),
    `<h1>Targets of <code>${h(targets.file)}</code> at ${h(pointLabel)}</h1>`,
    `<p class="meta">targets hash <code>${h(meta.targetsHash)}</code> · engine ${h(meta.engineVersion)} · catalog ${h(meta.catalogVersion)}</p><p class="meta"><code>${h(command)}</code></p>`,
    targets.description ? `<p class="note">${h(targets.description)}</p>` : '',
    targetsTable(targets, check),
    '</main></body></html>\n',
  ].join('\n');
}
