import { h, replaceChildren } from '../dom';

/** A side-panel tab: its id, title and content. */
export interface Tab {
  id: string;
  title: string;
  content: HTMLElement;
}

/**
 * The page skeleton: header, the map pane (with overlays for legend, inspector, lesson dialog
 * and notices), the five-step strip under it, and a tabbed side panel.
 */
export class Shell {
  readonly root = h('div', { class: 'app' });
  readonly mapHost = h('div', {
    class: 'map-host', tabindex: 0, role: 'application', 'aria-roledescription': 'body map',
    'aria-label': 'Body map. Arrow keys pan, plus and minus zoom, 0 fits, Enter inspects what is at the centre. Drag to pan, wheel to zoom, click to inspect.',
  });
  readonly mapPane = h('div', { class: 'map-pane' }, this.mapHost);
  readonly steps = h('div', { class: 'steps-strip', 'aria-label': 'The five steps' });
  private readonly notices = h('div', { class: 'notices', 'aria-live': 'polite' });
  private readonly tabBar = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Panels' });
  private readonly tabBody = h('div', { class: 'tab-body' });
  private active = '';
  /** Called with the id of the tab shown. */
  onTab: (id: string) => void = () => {};

  constructor(header: HTMLElement) {
    this.mapPane.append(this.notices);
    this.root.append(header, this.mapPane, h('aside', { class: 'side' }, this.tabBar, this.tabBody), this.steps);
  }

  /** Adds an overlay on the map (legend, inspector, dialog). */
  overlay(el: HTMLElement): void {
    this.mapPane.append(el);
  }

  /** Sets the side panel's tabs; the first is shown. */
  setTabs(tabs: Tab[]): void {
    replaceChildren(this.tabBar, ...tabs.map((t) => h('button', {
      role: 'tab', id: `tab-${t.id}`, 'aria-controls': `panel-${t.id}`, 'data-tab': t.id, onclick: () => this.show(t.id),
    }, t.title)));
    replaceChildren(this.tabBody, ...tabs.map((t) => h('section', {
      class: 'tab-panel', id: `panel-${t.id}`, 'data-panel': t.id, role: 'tabpanel', 'aria-labelledby': `tab-${t.id}`, tabindex: 0,
    }, t.content)));
    // Arrow keys move between tabs (one tab stop for the whole bar).
    this.tabBar.addEventListener('keydown', (e) => {
      const buttons = [...this.tabBar.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
      const i = buttons.findIndex((b) => b.dataset.tab === this.active);
      const j = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : -2;
      if (j === -2) return;
      e.preventDefault();
      const b = buttons[(j + buttons.length) % buttons.length];
      this.show(b.dataset.tab!);
      b.focus();
    });
    this.show(tabs[0].id);
  }

  /** Shows a tab. */
  show(id: string): void {
    this.active = id;
    for (const b of this.tabBar.querySelectorAll('button')) {
      b.setAttribute('aria-selected', String(b.dataset.tab === id));
      b.tabIndex = b.dataset.tab === id ? 0 : -1;
    }
    for (const p of this.tabBody.querySelectorAll<HTMLElement>('.tab-panel')) p.hidden = p.dataset.panel !== id;
    this.onTab(id);
  }

  /** The tab shown. */
  get current(): string {
    return this.active;
  }

  /**
   * Shows a message over the map: errors stay until dismissed, information fades after a while.
   * Returns the element so a caller can add to it (e.g. a link to copy).
   */
  notify(text: string, kind: 'info' | 'error' = 'info', ...extra: HTMLElement[]): HTMLElement {
    const el = h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
      h('span', {}, text), ...extra, h('button', { class: 'close', 'aria-label': 'Dismiss', onclick: () => el.remove() }, '×'));
    this.notices.append(el);
    while (this.notices.children.length > 4) this.notices.firstElementChild?.remove();
    if (kind === 'info') setTimeout(() => el.remove(), 8000);
    return el;
  }
}
