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
  readonly mapHost = h('div', { class: 'map-host', 'aria-label': 'Body map: drag to pan, wheel to zoom, click to inspect' });
  readonly mapPane = h('div', { class: 'map-pane' }, this.mapHost);
  readonly steps = h('div', { class: 'steps-strip', 'aria-label': 'The five steps' });
  private readonly notices = h('div', { class: 'notices', 'aria-live': 'polite' });
  private readonly tabBar = h('nav', { class: 'tabs', role: 'tablist' });
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
      role: 'tab', 'data-tab': t.id, onclick: () => this.show(t.id),
    }, t.title)));
    replaceChildren(this.tabBody, ...tabs.map((t) => h('section', { class: 'tab-panel', 'data-panel': t.id, role: 'tabpanel' }, t.content)));
    this.show(tabs[0].id);
  }

  /** Shows a tab. */
  show(id: string): void {
    this.active = id;
    for (const b of this.tabBar.querySelectorAll('button')) b.setAttribute('aria-selected', String(b.dataset.tab === id));
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
