import { effectSentence } from '../../experiment/plain-words';
import type { ExperimentSpec, RunRecord } from '../../experiment/spec';
import { buildSummary, type Summary } from '../../experiment/summary';
import { targetMetric } from '../../experiment/target-metric';
import { h, replaceChildren, setText } from '../dom';
import { browserEndpoint } from '../ensemble/endpoint';
import { ensembleArms, ensembleCommand, WHATIF_ARM } from '../ensemble/ensemble-dialog';
import { canonicalRecords } from '../ensemble/outputs';
import { EnsemblePool, ensembleWorkerCount, type EnsembleEndpoint } from '../ensemble/pool';

/** Seeds "How sure?" runs: ten, as `--seeds 1..10`. */
export const HOW_SURE_SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);
/** The same seeds as the CLI writes them. */
const SEEDS_TEXT = '1..10';

/** What "How sure?" runs: the page's scenario and what-ifs. */
export interface HowSureContext {
  scenarioText: string;
  /** The scenario's file as the CLI takes it, or null when edited. */
  file: string | null;
  whatIfs: string[];
}

/** The answer: the sentence, the metric it is about, and the summary behind it. */
export interface HowSureAnswer {
  sentence: string;
  metric: string;
  summary: Summary;
}

/**
 * "How sure?" (issue 14, teaching feature 4): runs the baseline and the current what-ifs over
 * ten seeds in the background on the ensemble pool (one worker per core but one, so the page
 * stays responsive), and answers in one plain sentence about the metric the what-if targets —
 * the same sentence and numbers as `exocascade experiment` for the same seeds.
 */
export class HowSure {
  readonly el = h('div', { class: 'how-sure' });
  /** The last answer (null before one). */
  answer: HowSureAnswer | null = null;
  private readonly button = h('button', { class: 'small', title: 'Run the baseline and these what-ifs over 10 seeds in the background and say how sure the effect is' }, 'How sure? (10 seeds)');
  private readonly out = h('div', { class: 'how-sure-out', 'aria-live': 'polite' });
  private pool: EnsemblePool | null = null;
  private context: HowSureContext | null = null;
  private generation = 0;

  constructor(private readonly spawn: (index: number) => EnsembleEndpoint = browserEndpoint) {
    this.button.addEventListener('click', () => void this.run());
    this.el.append(this.button, this.out);
  }

  /** Sets what it would run (a new what-if list clears the old answer). */
  reset(context: HowSureContext): void {
    this.generation++;
    this.pool?.cancel();
    this.pool = null;
    this.context = context;
    this.answer = null;
    this.el.hidden = context.whatIfs.length === 0;
    this.button.disabled = false;
    replaceChildren(this.out);
  }

  /** Runs the ensemble and shows the sentence. */
  async run(): Promise<HowSureAnswer | null> {
    const c = this.context;
    if (!c || this.pool || c.whatIfs.length === 0) return null;
    const gen = this.generation;
    const arms = ensembleArms(c.whatIfs);
    const total = HOW_SURE_SEEDS.length * arms.length;
    const cores = typeof navigator.hardwareConcurrency === 'number' ? navigator.hardwareConcurrency : 2;
    const pool = new EnsemblePool(this.spawn, ensembleWorkerCount(Math.max(1, cores - 1), total));
    this.pool = pool;
    this.button.disabled = true;
    const progress = h('span', { class: 'muted small', 'data-testid': 'how-sure-progress' }, `0 / ${total} runs…`);
    replaceChildren(this.out, progress);
    const outcome = await pool.run({ scenarioText: c.scenarioText, file: c.file ?? 'edited scenario', arms, seeds: HOW_SURE_SEEDS }, () => undefined,
      (_rec, done) => setText(progress, `${done} / ${total} runs…`));
    if (gen !== this.generation) return null;
    this.pool = null;
    this.button.disabled = false;
    if (outcome.status !== 'done' || !outcome.spec) {
      replaceChildren(this.out, h('p', { class: 'problem' }, `⚠ ${outcome.status === 'cancelled' ? 'Cancelled.' : `Could not run: ${outcome.error}`}`));
      return null;
    }
    this.answer = answerOf(outcome.spec, outcome.records, c.whatIfs);
    replaceChildren(this.out,
      h('p', { class: 'plain', 'data-testid': 'how-sure-sentence' }, this.answer.sentence),
      h('details', { class: 'small' }, h('summary', {}, 'The same on the command line'),
        h('pre', { class: 'cli' }, ensembleCommand(c.file, SEEDS_TEXT, undefined, c.whatIfs))));
    return this.answer;
  }
}

/** The sentence for an ensemble's records (any order), about the metric the what-ifs target. */
export function answerOf(spec: ExperimentSpec, records: readonly RunRecord[], whatIfs: readonly string[]): HowSureAnswer {
  const summary = buildSummary(spec, canonicalRecords(spec, records));
  const metric = targetMetric(whatIfs, summary.metrics) ?? summary.headline[0];
  return { sentence: effectSentence(summary, WHATIF_ARM, metric), metric, summary };
}
