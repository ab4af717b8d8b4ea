import { h, replaceChildren } from '../dom';
import type { LessonMoment } from '../lesson/lesson-plan';
import { STEPS, type StepDef } from '../steps';

/** A lesson step ready to show: its moment, its definition, when (in words) and what happened. */
export interface LessonItem {
  moment: LessonMoment;
  def: StepDef;
  when: string;
  /** What happened, with the run's numbers. */
  happened: string;
}

/** The learner's prediction at one step. */
export interface Prediction {
  step: number;
  prompt: string;
  choice: string;
  correct: boolean;
}

/**
 * The lesson dialog: for each step, in the cascade's order, what just happened, a "what
 * happens next?" question, and — only once the learner has predicted — whether the prediction
 * was right and why; after step 5, a summary of their predictions. It also offers a restart
 * when the lesson is turned on mid-run. It takes focus when it opens and closes with Esc.
 */
export class LessonDialog {
  readonly el = h('div', { class: 'lesson-dialog', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'lesson-title', tabindex: -1, hidden: true });
  private queue: LessonItem[] = [];
  /** Predictions made in this lesson, in step order. */
  readonly predictions: Prediction[] = [];
  /** The step shown, or null. */
  current: LessonItem | null = null;
  /** Called when the learner continues past the last queued step. */
  onContinue: () => void = () => {};
  /** Called when the learner ends the lesson (button or Esc). */
  onEnd: () => void = () => {};
  /** Called when a step is shown (to point the map at it). */
  onShow: (item: LessonItem) => void = () => {};
  /** Called from the summary to follow the cell that founded the first metastasis (null: none). */
  onFollow: (() => void) | null = null;
  /** Called to restart the run for the lesson. */
  onRestart: () => void = () => {};

  constructor() {
    this.el.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      this.onEnd();
    });
  }

  /** True while the dialog is shown. */
  get open(): boolean {
    return !this.el.hidden;
  }

  /** Forgets the predictions (a new lesson). */
  resetPredictions(): void {
    this.predictions.length = 0;
  }

  /** Queues steps; shows the first if none is open. */
  show(items: readonly LessonItem[]): void {
    this.queue.push(...items);
    if (!this.open) this.next();
  }

  /** Closes without continuing (run reloaded or lesson ended). */
  close(): void {
    this.queue = [];
    this.current = null;
    this.el.hidden = true;
  }

  /** Asks, when the lesson is turned on mid-run, whether to restart from the beginning. */
  offerRestart(tickWords: string, onHere: () => void): void {
    this.queue = [];
    this.current = null;
    const restart = h('button', { class: 'primary', onclick: () => { this.el.hidden = true; this.onRestart(); } }, 'Restart from day 0');
    replaceChildren(this.el,
      h('h3', { id: 'lesson-title' }, 'Start the lesson from the beginning?'),
      h('p', {}, `The run is at ${tickWords}. The lesson walks through the five steps in order as they happen, so it is best seen from the start.`),
      h('div', { class: 'lesson-actions' },
        h('button', { class: 'link', onclick: () => { this.el.hidden = true; onHere(); } }, 'Continue from here (step 1 opens at the next invasion)'), restart));
    this.el.hidden = false;
    restart.focus();
  }

  /** Shows the closing summary of the learner's predictions. */
  showSummary(): void {
    this.current = null;
    const right = this.predictions.filter((p) => p.correct).length;
    const follow = this.onFollow;
    const close = h('button', { class: 'primary', onclick: () => this.onEnd() }, 'Close');
    replaceChildren(this.el,
      h('h3', { id: 'lesson-title' }, 'Lesson summary'),
      h('p', {}, `You predicted ${right} of ${this.predictions.length} steps right.`),
      h('ol', { class: 'lesson-summary' }, ...STEPS.map((s) => {
        const p = this.predictions.find((x) => x.step === s.step);
        return h('li', { class: p ? (p.correct ? 'right' : 'wrong') : 'skipped', 'data-step': s.step },
          h('strong', {}, `${s.title}: `), s.takeaway,
          h('div', { class: 'small muted' }, p ? `${p.correct ? '✓' : '✗'} You predicted: “${p.choice}”` : 'No prediction made.'));
      })),
      h('div', { class: 'lesson-actions' },
        h('button', { class: 'link', onclick: () => { this.resetPredictions(); this.onRestart(); } }, 'Restart the lesson'),
        follow ? h('button', { onclick: () => follow() }, 'Follow the cell that founded the first metastasis') : null,
        close));
    this.el.hidden = false;
    this.el.scrollTop = 0;
    this.el.focus();
  }

  private next(): void {
    const item = this.queue.shift();
    if (!item) {
      this.el.hidden = true;
      this.current = null;
      this.onContinue();
      return;
    }
    this.current = item;
    const { def } = item;
    const q = def.question;
    const feedback = h('p', { class: 'feedback', hidden: true, 'aria-live': 'polite' });
    const explanation = h('p', { class: 'explanation', hidden: true }, h('strong', {}, 'Why: '), def.explanation);
    const cont = h('button', { class: 'primary', disabled: true, onclick: () => this.next() }, 'Continue ▶');
    const choices = q.choices.map((c, i) => {
      const input = h('input', { type: 'radio', name: 'lesson-choice', value: i });
      input.addEventListener('change', () => {
        feedback.hidden = false;
        explanation.hidden = false;
        feedback.className = `feedback ${c.correct ? 'right' : 'wrong'}`;
        replaceChildren(feedback, h('strong', {}, c.correct ? 'Good prediction. ' : 'Not quite. '), q.explain);
        const entry: Prediction = { step: def.step, prompt: q.prompt, choice: c.text, correct: c.correct };
        const k = this.predictions.findIndex((p) => p.step === def.step);
        if (k >= 0) this.predictions[k] = entry;
        else this.predictions.push(entry);
        cont.disabled = false;
      });
      return h('label', { class: 'choice' }, input, ' ', c.text);
    });
    replaceChildren(this.el,
      h('div', { class: 'lesson-head' },
        h('span', { class: `step-num step-${def.step}` }, String(def.step)),
        h('div', {}, h('h3', { id: 'lesson-title' }, `Step ${def.step} of 5 · ${def.title}`), h('p', { class: 'muted' }, item.when))),
      h('p', { class: 'happened', 'data-testid': 'lesson-happened' }, item.happened),
      h('fieldset', { class: 'choices' }, h('legend', {}, h('strong', {}, 'Predict: '), q.prompt), ...choices),
      feedback,
      explanation,
      h('div', { class: 'lesson-actions' }, h('button', { class: 'link', onclick: () => this.onEnd() }, 'End lesson'), cont));
    this.el.hidden = false;
    this.onShow(item);
    (choices[0]?.querySelector('input') as HTMLInputElement | null)?.focus();
  }
}
