import { h, replaceChildren } from '../dom';
import type { FollowStage } from '../follow/follow-plan';
import { stageEffectWords } from '../follow/follow-plan';

/**
 * The panel of "follow a cell": the stages of the cell's path as a list to jump between, the
 * current stage's caption with the cargo and evidence involved, and Back / Next / Play. It takes
 * focus when it opens and closes with Esc.
 */
export class FollowPanel {
  readonly el = h('aside', { class: 'follow-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'follow-title', tabindex: -1, hidden: true, 'data-testid': 'follow-panel' });
  private readonly title = h('h3', { id: 'follow-title' });
  private readonly list = h('ol', { class: 'follow-stages' });
  private readonly body = h('div', { class: 'follow-body', 'aria-live': 'polite' });
  private readonly back = h('button', { onclick: () => this.onGo(this.index - 1) }, '‹ Back');
  private readonly nextButton = h('button', { class: 'primary', onclick: () => this.onGo(this.index + 1) }, 'Next ›');
  private readonly playButton = h('button', { onclick: () => this.onPlay() }, '▶ Play the path');
  private stages: FollowStage[] = [];
  private index = -1;
  /** Called to show stage k. */
  onGo: (k: number) => void = () => {};
  /** Called to play the remaining stages one after another. */
  onPlay: () => void = () => {};
  /** Called when the panel is closed. */
  onClose: () => void = () => {};

  constructor() {
    this.el.append(
      h('div', { class: 'follow-head' }, this.title, h('button', { class: 'close', 'aria-label': 'Close follow a cell', onclick: () => this.onClose() }, '×')),
      this.list, this.body,
      h('div', { class: 'row follow-actions' }, this.back, this.nextButton, this.playButton));
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.onClose();
      }
    });
  }

  /** True while shown. */
  get open(): boolean {
    return !this.el.hidden;
  }

  /** Opens for a cell's stages. */
  start(title: string, stages: FollowStage[]): void {
    this.stages = stages;
    this.index = -1;
    this.title.textContent = title;
    replaceChildren(this.list, ...stages.map((s, k) => h('li', { 'data-stage': s.id },
      h('button', { class: `link step-${s.step}`, onclick: () => this.onGo(k) }, s.title))));
    replaceChildren(this.body, h('p', { class: 'muted' }, 'Replaying the run to the first stage…'));
    this.el.hidden = false;
    this.el.focus();
  }

  /** Shows stage k (busy: the run is still being replayed to it). */
  show(k: number, busy: boolean, where: string): void {
    const s = this.stages[k];
    if (!s) return;
    this.index = k;
    this.list.querySelectorAll('li').forEach((li, i) => li.classList.toggle('current', i === k));
    this.back.disabled = busy || k === 0;
    this.nextButton.disabled = busy || k === this.stages.length - 1;
    this.playButton.disabled = busy || k === this.stages.length - 1;
    replaceChildren(this.body,
      h('h4', {}, `${k + 1} of ${this.stages.length} · ${s.title}`),
      h('p', { class: 'follow-caption', 'data-testid': 'follow-caption' }, s.caption),
      h('p', { class: 'muted small' }, where),
      s.cargo.length
        ? h('div', { class: 'follow-cargo' }, h('strong', { title: stageEffectWords(s.id) }, 'Cargo at work: '),
          h('ul', {}, ...s.cargo.map((c) => h('li', {}, h('strong', {}, c.name), c.reference ? h('span', { class: 'ref' }, ` — ${c.reference}`) : null))))
        : h('p', { class: 'muted small' }, 'None of this run\'s cargo acts at this stage.'));
  }

  /** Hides the panel. */
  close(): void {
    this.el.hidden = true;
  }
}
