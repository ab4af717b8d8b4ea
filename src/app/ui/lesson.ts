import { h, replaceChildren } from '../dom';
import type { SeriesStore } from '../series-store';
import { STEPS, type Milestone, type StepDef } from '../steps';

/** A milestone that just happened: which step, which metric crossed zero, and when. */
export interface Reached {
  def: StepDef;
  milestone: Milestone;
  metric: string;
  tick: number;
}

/**
 * Watches the metrics for each step's first event — a matching metric rising above zero, so it
 * works for whatever metrics the engine reports — and, in lesson mode, runs the dialog that
 * asks the learner to predict what comes next before the run continues.
 */
export class LessonWatch {
  private fired = new Set<string>();
  private watched: Array<{ def: StepDef; milestone: Milestone; metrics: number[] }> = [];
  private names: readonly string[] = [];

  /** Starts watching a new run's metrics. */
  reset(names: readonly string[]): void {
    this.names = names;
    this.fired.clear();
    this.watched = STEPS.flatMap((def) => def.milestones.map((milestone) => ({
      def, milestone, metrics: names.flatMap((n, k) => (milestone.metric.test(n) ? [k] : [])),
    })));
  }

  /** Milestones not reached yet that no metric can ever report (the engine lacks them). */
  unobservable(): Milestone[] {
    return this.watched.filter((w) => w.metrics.length === 0).map((w) => w.milestone);
  }

  /** Milestones reached in ticks (fromTick, toTick], in tick order (tick 0 counts when fromTick < 0). */
  check(store: SeriesStore, fromTick: number, toTick: number): Reached[] {
    const out: Reached[] = [];
    for (let t = Math.max(0, fromTick + 1); t <= toTick && t < store.length; t++) {
      for (const w of this.watched) {
        if (this.fired.has(w.milestone.id)) continue;
        for (const k of w.metrics) {
          const before = t > 0 ? store.at(k, t - 1) : 0;
          if (!(before <= 0 && store.at(k, t) > 0)) continue;
          this.fired.add(w.milestone.id);
          out.push({ def: w.def, milestone: w.milestone, metric: this.names[k], tick: t });
          break;
        }
      }
    }
    return out;
  }
}

/**
 * The lesson dialog: says what just happened, asks "what happens next?", and enables
 * Continue only once the learner has made a prediction.
 */
export class LessonDialog {
  readonly el = h('div', { class: 'lesson-dialog', role: 'dialog', 'aria-live': 'polite', hidden: true });
  private queue: Array<{ r: Reached; when: string }> = [];
  /** Called when the learner continues past the last queued checkpoint. */
  onContinue: () => void = () => {};
  /** Called when the learner ends the lesson. */
  onEnd: () => void = () => {};
  /** Called when a checkpoint is shown (to highlight it on the map). */
  onShow: (r: Reached) => void = () => {};

  /** True while a checkpoint waits for the learner. */
  get open(): boolean {
    return !this.el.hidden;
  }

  /** Queues checkpoints; shows the first if none is open. */
  show(reached: Reached[], when: (tick: number) => string): void {
    for (const r of reached) this.queue.push({ r, when: when(r.tick) });
    if (!this.open) this.next();
  }

  /** Closes without continuing (run reloaded or lesson ended). */
  close(): void {
    this.queue = [];
    this.el.hidden = true;
  }

  private next(): void {
    const item = this.queue.shift();
    if (!item) {
      this.el.hidden = true;
      this.onContinue();
      return;
    }
    const { r, when } = item;
    const q = r.def.question;
    const feedback = h('p', { class: 'feedback', hidden: true });
    const cont = h('button', { class: 'primary', disabled: true, onclick: () => this.next() }, 'Continue ▶');
    const choices = q.choices.map((c, i) => {
      const input = h('input', { type: 'radio', name: 'lesson-choice', value: i });
      input.addEventListener('change', () => {
        feedback.hidden = false;
        feedback.className = `feedback ${c.correct ? 'right' : 'wrong'}`;
        replaceChildren(feedback, h('strong', {}, c.correct ? 'Good prediction. ' : 'Not quite. '), q.explain);
        cont.disabled = false;
      });
      return h('label', { class: 'choice' }, input, ' ', c.text);
    });
    replaceChildren(this.el,
      h('div', { class: 'lesson-head' },
        h('span', { class: `step-num step-${r.def.step}` }, String(r.def.step)),
        h('div', {}, h('h3', {}, `Step ${r.def.step} · ${r.def.title}`), h('p', { class: 'muted' }, `${when} — ${r.milestone.label}`))),
      h('p', { class: 'explanation' }, r.def.explanation),
      h('p', { class: 'prompt' }, h('strong', {}, 'Predict: '), q.prompt),
      h('div', { class: 'choices' }, ...choices),
      feedback,
      h('div', { class: 'lesson-actions' }, h('button', { class: 'link', onclick: () => this.onEnd() }, 'End lesson'), cont));
    this.el.hidden = false;
    this.onShow(r);
  }
}
