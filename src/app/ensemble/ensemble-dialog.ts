import './ensemble.css';
import { fmt, fmtInterval, fmtSigned } from '../../experiment/format';
import { BASELINE, GridSyntaxError, parseSeeds, type ArmSpec } from '../../experiment/grid';
import { metricWords } from '../../experiment/metric-words';
import { effectSentence, INTERVAL_WORDS } from '../../experiment/plain-words';
import { targetMetric } from '../../experiment/target-metric';
import type { ExperimentSpec, RunRecord } from '../../experiment/spec';
import { download, h, replaceChildren, setText } from '../dom';
import { formatValue } from '../format';
import { browserEndpoint } from './endpoint';
import type { EnsembleOutputs } from './outputs';
import { EnsemblePool, ensembleWorkerCount, type EnsembleEndpoint, type EnsembleOutcome } from './pool';
import type { EnsembleRequest } from './protocol';

/** What the page is showing, which an ensemble is run over. */
export interface EnsembleContext {
  scenarioText: string;
  /** The scenario's path as the CLI takes it (a preset's `scenarios/x.json`), or null if edited. */
  file: string | null;
  name: string;
  /** The scenario's own run length. */
  ticks: number;
  /** The what-ifs chosen in the UI: the one non-baseline arm (none: baseline only). */
  whatIfs: string[];
}

/** Name of the arm made from the UI's what-ifs (also what the CLI command shown uses). */
export const WHATIF_ARM = 'what-if';
/** Default seeds: 1..10, as `--seeds 1..10`. */
export const DEFAULT_SEEDS = '1..10';
/** File label of an edited scenario in the spec and report. */
const EDITED = 'edited scenario';

/** The experiment's arms for a what-if list: baseline, plus WHATIF_ARM when there are what-ifs. */
export function ensembleArms(whatIfs: readonly string[]): ArmSpec[] {
  const arms: ArmSpec[] = [{ name: BASELINE, whatIfs: [] }];
  if (whatIfs.length) arms.push({ name: WHATIF_ARM, whatIfs: [...whatIfs] });
  return arms;
}

/** The `exocascade experiment` command that runs the same ensemble headless. */
export function ensembleCommand(file: string | null, seeds: string, ticks: number | undefined, whatIfs: readonly string[]): string {
  return ['npx exocascade experiment', file ?? 'my-scenario.json', `--seeds ${seeds}`, ticks === undefined ? '' : `--ticks ${ticks}`,
    whatIfs.length ? `--arm ${WHATIF_ARM}=${whatIfs.join(',')}` : '', '--out results'].filter(Boolean).join(' ');
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * "Run ensemble": N seeds × (baseline + the current what-ifs) on a pool of workers, with a
 * progress bar, cancel, results streaming in, and at the end the CLI's report (summary.json,
 * results.csv, report.html — the same bytes for the same arms, seeds and ticks), shown in a
 * frame, openable in a tab and downloadable.
 */
export class EnsembleDialog {
  readonly el = h('dialog', { class: 'ensemble-dialog', 'aria-label': 'Run an ensemble' });
  /** The last ensemble's outcome and outputs (null until one finishes). */
  outcome: EnsembleOutcome | null = null;
  outputs: EnsembleOutputs | null = null;
  /** Called before an ensemble starts (the page pauses its own runs: the pool takes every core). */
  onStart: () => void = () => {};
  private readonly seedsInput = h('input', { type: 'text', value: DEFAULT_SEEDS, 'aria-label': 'Seeds', class: 'seeds', title: 'Seeds as the CLI takes them: 1..10, 1,2,7, 1..5,9' });
  private readonly ticksInput = h('input', { type: 'number', min: 1, step: 1, 'aria-label': 'Ticks', class: 'ticks' });
  private readonly plan = h('p', { class: 'plan small' });
  private readonly command = h('pre', { class: 'cli' });
  private readonly startButton = h('button', { class: 'primary', type: 'button' }, 'Start');
  private readonly cancelButton = h('button', { type: 'button', disabled: true }, 'Cancel');
  private readonly progress = h('progress', { max: 1, value: 0, 'aria-label': 'Ensemble progress' });
  private readonly progressText = h('span', { class: 'small', 'data-testid': 'ensemble-progress' });
  private readonly rows = h('tbody', {});
  private readonly finish = h('div', { class: 'ensemble-finish' });
  private readonly frame = h('iframe', { class: 'ensemble-report', title: 'Experiment report', sandbox: 'allow-scripts', hidden: true });
  private context: EnsembleContext | null = null;
  private pool: EnsemblePool | null = null;
  private reportUrl: string | null = null;

  constructor(private readonly spawn: (index: number) => EnsembleEndpoint = browserEndpoint) {
    this.startButton.addEventListener('click', () => void this.start());
    this.cancelButton.addEventListener('click', () => this.pool?.cancel());
    for (const el of [this.seedsInput, this.ticksInput]) el.addEventListener('input', () => this.showPlan());
    this.el.addEventListener('cancel', (e) => {
      if (this.pool) e.preventDefault(); // Escape must not hide a running ensemble
    });
    this.el.append(
      h('header', { class: 'row' }, h('h2', {}, 'Run an ensemble'),
        h('button', { class: 'close', 'aria-label': 'Close', onclick: () => this.close() }, '×')),
      h('p', { class: 'muted small' }, 'Runs the current scenario over many seeds, baseline and with your what-ifs, on one worker per core — the same runs, statistics and report as the command line.'),
      h('div', { class: 'row' }, h('label', {}, 'seeds ', this.seedsInput), h('label', {}, 'ticks ', this.ticksInput), this.startButton, this.cancelButton),
      this.plan,
      h('details', {}, h('summary', { class: 'small' }, 'The same on the command line'), this.command),
      h('div', { class: 'row' }, this.progress, this.progressText),
      h('div', { class: 'ensemble-runs' }, h('table', { class: 'runs-table' },
        h('thead', {}, h('tr', {}, ...['arm', 'seed', 'state hash', 'metastases (all organs)', 'run ms'].map((t) => h('th', {}, t)))), this.rows)),
      this.finish,
      this.frame,
    );
  }

  /** Opens the dialog for what the page shows now (idle: keeps the last results visible). */
  open(context: EnsembleContext): void {
    if (!this.pool) {
      this.context = context;
      this.ticksInput.value = String(context.ticks);
      this.showPlan();
    }
    if (!this.el.open) this.el.showModal();
  }

  /** Closes the dialog (a running ensemble keeps running; reopen to see it). */
  close(): void {
    this.el.close();
  }

  /** The request the form describes, or why it is not valid. */
  request(): { ok: true; request: EnsembleRequest; seedsText: string } | { ok: false; message: string } {
    const c = this.context;
    if (!c) return { ok: false, message: 'no scenario loaded' };
    let seeds: number[];
    const seedsText = this.seedsInput.value.trim();
    try {
      seeds = parseSeeds(seedsText);
    } catch (err) {
      if (err instanceof GridSyntaxError) return { ok: false, message: err.message.replace(/^--seeds /, 'seeds ') };
      throw err;
    }
    const ticks = Number(this.ticksInput.value);
    if (!Number.isInteger(ticks) || ticks < 1) return { ok: false, message: `ticks must be a positive integer, got "${this.ticksInput.value}"` };
    return {
      ok: true, seedsText,
      request: { scenarioText: c.scenarioText, file: c.file ?? EDITED, arms: ensembleArms(c.whatIfs), seeds, ticks: ticks === c.ticks ? undefined : ticks },
    };
  }

  private showPlan(): void {
    const c = this.context;
    const r = this.request();
    this.startButton.disabled = !r.ok || this.pool !== null;
    if (!c || !r.ok) {
      replaceChildren(this.plan, h('span', { class: 'problem' }, r.ok ? '' : `⚠ ${r.message}`));
      return;
    }
    const { request } = r;
    const runs = request.seeds.length * request.arms.length;
    const workers = ensembleWorkerCount(navigator.hardwareConcurrency, runs);
    replaceChildren(this.plan,
      `${c.name}: ${request.seeds.length} seed${request.seeds.length === 1 ? '' : 's'} × ${request.arms.length} arm${request.arms.length === 1 ? '' : 's'} = ${runs} runs of ${request.ticks ?? c.ticks} ticks on ${workers} worker${workers === 1 ? '' : 's'}. Arms: `,
      h('b', {}, BASELINE), ' (scenario as written)',
      ...(c.whatIfs.length ? [', ', h('b', {}, WHATIF_ARM), ' = ', h('code', {}, c.whatIfs.join(', '))] : [' only — choose what-ifs in the What-if tab to compare']),
      c.file ? '' : ' (edited scenario: save it to a file to run the command below)');
    setText(this.command, ensembleCommand(c.file, r.seedsText, request.ticks, c.whatIfs));
  }

  private async start(): Promise<void> {
    const r = this.request();
    if (!r.ok || this.pool) return;
    this.onStart();
    this.reset();
    const total = r.request.seeds.length * r.request.arms.length;
    const size = ensembleWorkerCount(navigator.hardwareConcurrency, total);
    const pool = new EnsemblePool(this.spawn, size);
    this.pool = pool;
    this.setRunning(true);
    this.progress.max = total;
    const t0 = performance.now();
    setText(this.progressText, `starting ${size} worker${size === 1 ? '' : 's'}…`);
    const outcome = await pool.run(r.request, () => setText(this.progressText, `0 / ${total} runs`), (rec, done) => {
      this.addRow(rec);
      this.progress.value = done;
      const elapsed = performance.now() - t0;
      setText(this.progressText, `${done} / ${total} runs · ${duration(elapsed)} elapsed${done < total ? ` · about ${duration((elapsed / done) * (total - done))} left` : ''}`);
    });
    this.outcome = outcome;
    this.pool = null;
    this.setRunning(false);
    if (outcome.status === 'done' && outcome.spec) await this.showOutputs(outcome.spec, outcome);
    else if (outcome.status === 'cancelled') setText(this.progressText, `cancelled after ${outcome.records.length} of ${total} runs; finished runs are listed below`);
    else setText(this.progressText, `failed: ${outcome.error}`);
  }

  private async showOutputs(spec: ExperimentSpec, outcome: EnsembleOutcome): Promise<void> {
    const { buildEnsembleOutputs } = await import('./report-page');
    const out = buildEnsembleOutputs(spec, outcome.records);
    this.outputs = out;
    const runMs = outcome.records.reduce((s, rec) => s + rec.wallMs, 0);
    const overhead = outcome.overheadMs.reduce((s, v) => s + v, 0);
    setText(this.progressText, `${outcome.records.length} runs in ${duration(outcome.wallMs)} on ${outcome.workers} worker${outcome.workers === 1 ? '' : 's'} ` +
      `(${fmt(runMs / outcome.wallMs)} runs at a time on average; pool overhead ${fmt((100 * overhead) / Math.max(1, runMs))}% of run time)`);
    this.reportUrl = URL.createObjectURL(new Blob([out.reportHtml], { type: 'text/html' }));
    const s = out.summary;
    const lines = s.arms.filter((a) => a.name !== BASELINE).map((a) => {
      const metric = targetMetric(a.whatIfs, s.metrics) ?? s.headline[0] ?? s.metrics[0];
      const e = s.effects[a.name][metric];
      return h('li', {}, h('p', { class: 'plain', 'data-testid': 'ensemble-sentence' }, effectSentence(s, a.name, metric)),
        h('span', { class: 'muted small' }, `${a.name} − baseline, ${metricWords(metric).label}: ${fmtSigned(e.paired.mean)} ${fmtInterval(e.paired.ci, true)} (paired by seed, 95% interval)`));
    });
    replaceChildren(this.finish,
      lines.length ? h('ul', { class: 'plain-list' }, ...lines) : h('p', { class: 'small' }, 'Baseline only: the report shows its spread across seeds.'),
      h('details', { class: 'small' }, h('summary', {}, 'How to read the intervals'), h('p', {}, INTERVAL_WORDS)),
      h('div', { class: 'row' },
        h('a', { href: this.reportUrl, target: '_blank', rel: 'noopener', class: 'button-link' }, 'Open report in a new tab'),
        h('button', { type: 'button', onclick: () => download('report.html', out.reportHtml, 'text/html') }, 'report.html'),
        h('button', { type: 'button', onclick: () => download('summary.json', out.summaryJson, 'application/json') }, 'summary.json'),
        h('button', { type: 'button', onclick: () => download('results.csv', out.resultsCsv, 'text/csv') }, 'results.csv')));
    this.frame.src = this.reportUrl;
    this.frame.hidden = false;
  }

  private addRow(rec: RunRecord): void {
    this.rows.append(h('tr', { 'data-arm': rec.arm, 'data-seed': rec.seed },
      h('td', {}, rec.arm), h('td', {}, String(rec.seed)), h('td', {}, h('code', {}, rec.stateHash)),
      h('td', {}, formatValue(rec.metrics['metastases.total'] ?? NaN)), h('td', {}, rec.wallMs.toFixed(0))));
  }

  private reset(): void {
    this.outcome = null;
    this.outputs = null;
    replaceChildren(this.rows);
    replaceChildren(this.finish);
    this.progress.value = 0;
    this.frame.hidden = true;
    this.frame.removeAttribute('src');
    if (this.reportUrl) URL.revokeObjectURL(this.reportUrl);
    this.reportUrl = null;
  }

  private setRunning(on: boolean): void {
    this.startButton.disabled = on;
    this.cancelButton.disabled = !on;
    this.seedsInput.disabled = on;
    this.ticksInput.disabled = on;
  }
}
