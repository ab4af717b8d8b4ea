import { h } from '../dom';

const SEEN_KEY = 'exocascade.guideSeen';

/** The points of "how to read this page" (also listed in the About tab). */
export function guideItems(): HTMLElement[] {
  return [
    h('li', {}, h('strong', {}, 'Left — the primary tumour. '), 'Its cells (red) release exosomes (cyan dots). Cells that undergo EMT turn orange and invade; new vessels sprout towards the tumour.'),
    h('li', {}, h('strong', {}, 'Middle — the circulation. '), 'Blood runs from the tumour to the heart, through the lung, then through the aorta to the organs; lymph (green) runs through the lymph node. Circulating tumour cells are the large yellow dots with trails; a ring means platelets cloak them; a burst marks a kill (blue NK cell, green T cell, orange shear).'),
    h('li', {}, h('strong', {}, 'Right — the organs. '), 'They turn from blue-grey to orange as tumour exosomes prime a pre-metastatic niche; resident cells turn amber once educated.'),
    h('li', {}, h('strong', {}, 'Bottom — the five steps '), 'of the review\'s model, with their numbers. Time is in days; one tick is a few hours of simulated time.'),
    h('li', {}, h('strong', {}, 'Use it: '), 'Play/Space runs it; drag or the arrow keys pan, the wheel or + − zoom, 0 fits. Click (or Enter on) a cell, an organ or a vessel to inspect it. The What-if tab knocks cargo out or in; the Lesson walks through the five steps with predictions.'),
  ];
}

/**
 * The first-visit guide: "how to read this page", shown once per browser (dismissed for good
 * with "Got it") and again from the header's "?" button. It takes focus and closes with Esc.
 */
export class Guide {
  readonly el = h('div', { class: 'guide', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'guide-title', tabindex: -1, hidden: true, 'data-testid': 'guide' });
  /** Called with "Start the lesson". */
  onLesson: () => void = () => {};
  private opener: HTMLElement | null = null;

  constructor() {
    const ok = h('button', { class: 'primary', onclick: () => this.close() }, 'Got it');
    this.el.append(
      h('div', { class: 'guide-head' }, h('h2', { id: 'guide-title' }, 'How to read this page'),
        h('button', { class: 'close', 'aria-label': 'Close the guide', onclick: () => this.close() }, '×')),
      h('p', { class: 'muted' }, 'An agent-based simulation of how tumour-derived exosomes drive the five steps of metastasis (Bai et al. 2022).'),
      h('ul', {}, ...guideItems()),
      h('div', { class: 'row' }, ok, h('button', { onclick: () => { this.close(); this.onLesson(); } }, 'Start the lesson')));
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close();
      }
    });
  }

  /** Shows the guide on a first visit (never seen in this browser). */
  showIfFirstVisit(): void {
    let seen = false;
    try {
      seen = localStorage.getItem(SEEN_KEY) === '1';
    } catch {
      // No storage: show it; "Got it" then only lasts the visit.
    }
    if (!seen) this.open();
  }

  /** Shows the guide and moves focus into it. */
  open(): void {
    this.opener = document.activeElement as HTMLElement | null;
    this.el.hidden = false;
    this.el.focus();
  }

  /** Hides the guide for good (remembered) and gives focus back. */
  close(): void {
    this.el.hidden = true;
    try {
      localStorage.setItem(SEEN_KEY, '1');
    } catch {
      // See showIfFirstVisit.
    }
    this.opener?.focus();
    this.opener = null;
  }
}
