import type { Trace } from '../cargo-trace';
import { h, replaceChildren } from '../dom';
import { evidenceTable } from './cargo-panel';

const ORGAN_WORDS: Record<string, string> = { lung: 'lung', liver: 'liver', bone: 'bone', brain: 'brain', 'lymph-node': 'lymph node' };

/**
 * The card of a traced cargo (issue 14, teaching feature 6), over the map while the map lights up
 * what it acts on: its effects in words, the organs it primes and its evidence with citations.
 * Closes with its button or Esc.
 */
export class TraceCard {
  readonly el = h('aside', { class: 'trace-card', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'trace-title', tabindex: -1, hidden: true, 'data-testid': 'trace-card' });
  /** The cargo traced, or null. */
  current: string | null = null;
  /** Called when the card closes. */
  onClose: () => void = () => {};
  private opener: HTMLElement | null = null;

  constructor() {
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close();
      }
    });
  }

  /** Shows a trace and takes focus. */
  show(t: Trace): void {
    this.opener ??= document.activeElement as HTMLElement | null;
    this.current = t.entry.id;
    replaceChildren(this.el,
      h('div', { class: 'follow-head' }, h('h3', { id: 'trace-title' }, `Tracing ${t.entry.name}`),
        h('button', { class: 'close', 'aria-label': 'Stop tracing', onclick: () => this.close() }, '×')),
      h('p', { class: 'small muted' }, 'Lit up on the map: the cells it acts on', t.organs.length ? ' and the organs it primes.' : '.'),
      h('ul', { class: 'trace-effects' }, ...t.effects.map((e) => h('li', {}, h('code', {}, e.id), e.strength < 0 ? ' (reversed) ' : ' ', e.meaning,
        e.assumption ? h('em', { class: 'assumed' }, ` Assumed, not stated by the evidence: ${e.assumption}.`) : ''))),
      h('p', { class: 'small', 'data-testid': 'trace-organs' }, t.organs.length ? `Primes: ${t.organs.map((o) => ORGAN_WORDS[o] ?? o).join(', ')}.` : 'Primes no organ directly.'),
      h('h4', {}, 'Evidence'),
      evidenceTable(t.entry));
    this.el.hidden = false;
    this.el.focus();
  }

  /** Hides the card and gives focus back to what opened it. */
  close(): void {
    if (this.el.hidden) return;
    this.el.hidden = true;
    this.current = null;
    this.onClose();
    this.opener?.focus();
    this.opener = null;
  }
}
