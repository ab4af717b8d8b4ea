import type { MetastasisEvent, SimEvent } from '../../engine/events';
import { h, replaceChildren, setText } from '../dom';
import { KILLER_WORDS } from '../killers';

/** Events kept on the page (older ones are dropped from the log, not from exports' run). */
const KEEP = 20000;
/** Events listed at once. */
const SHOW = 300;

/** A short "key=value" summary of an event's data. */
export function eventSummary(e: SimEvent): string {
  return Object.entries(e.data)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : String(v)}`)
    .join(' ');
}

/** An event in words: "Metastasis in the bone: colony #12", "CTC killed by shear stress". */
export function eventWords(e: SimEvent): string {
  switch (e.type) {
    case 'metastasis':
      return `Metastasis in the ${e.data.organ.replace('-', ' ')}: colony #${e.data.colony} (lineage ${e.data.lineage})`;
    case 'ctc-killed':
      return `Circulating tumour cell killed by ${KILLER_WORDS[e.data.killer]}${e.data.cloaked ? ' despite a platelet cloak' : ''}`;
  }
}

/**
 * The event log: every event the engine emits (metastases with their lineage, first events of
 * steps, interventions…), newest first, filterable by text. Clicking one shows it on the map.
 */
export class EventLog {
  readonly el = h('div', { class: 'event-log' });
  /** All events of the run received so far (bounded). */
  events: SimEvent[] = [];
  private readonly filter = h('input', { type: 'search', placeholder: 'Filter: metastasis, lung, shear, lineage=12…', 'aria-label': 'Filter events' });
  private readonly count = h('span', { class: 'muted small' });
  private readonly kind = h('select', { 'aria-label': 'Which events' },
    h('option', { value: '' }, 'all events'), h('option', { value: 'metastasis' }, 'metastases'), h('option', { value: 'ctc-killed' }, 'CTCs killed'));
  private readonly list = h('ol', { class: 'events', reversed: true });
  private dirty = false;
  private lastDraw = 0;
  private tickHours = 2;
  /** Events are drawn only while their tab is shown. */
  visible = false;

  /** Called to follow the founder cell of a metastasis. */
  onFollow: (e: MetastasisEvent) => void = () => {};

  constructor(private readonly onSelect: (e: SimEvent) => void) {
    this.filter.addEventListener('input', () => this.draw(true));
    this.kind.addEventListener('change', () => this.draw(true));
    this.el.append(h('div', { class: 'row' }, this.kind, this.count), this.filter, this.list);
  }

  /** Clears the log for a new run. */
  reset(tickHours: number): void {
    this.events = [];
    this.tickHours = tickHours;
    this.dirty = true;
    this.draw(true);
  }

  /** Appends events (in order). */
  add(events: readonly SimEvent[]): void {
    if (events.length === 0) return;
    for (const e of events) this.events.push(e);
    if (this.events.length > KEEP) this.events.splice(0, this.events.length - KEEP);
    this.dirty = true;
  }

  /** Redraws if something changed (at most 4 times a second unless forced). */
  draw(force = false): void {
    const now = performance.now();
    if (!force && (!this.visible || !this.dirty || now - this.lastDraw < 250)) return;
    this.dirty = false;
    this.lastDraw = now;
    const q = this.filter.value.trim().toLowerCase();
    const matches: SimEvent[] = [];
    for (let i = this.events.length - 1; i >= 0 && matches.length < SHOW; i--) {
      const e = this.events[i];
      if (this.kind.value && e.type !== this.kind.value) continue;
      if (!q || `${e.type} ${e.module} ${eventWords(e)} ${eventSummary(e)}`.toLowerCase().includes(q)) matches.push(e);
    }
    setText(this.count, `${this.events.length} event${this.events.length === 1 ? '' : 's'}${matches.length === SHOW ? ` (latest ${SHOW} shown)` : ''}`);
    if (this.events.length === 0) {
      replaceChildren(this.list, h('li', { class: 'muted small' }, 'No events yet. Metastases, first events of each step and interventions appear here with their provenance.'));
      return;
    }
    replaceChildren(this.list, ...matches.map((e) => h('li', { class: `event type-${e.type.split('.')[0]}`, 'data-type': e.type },
      h('button', { class: 'event-show', onclick: () => this.onSelect(e), title: 'Show where it happened' },
        h('span', { class: 'event-tick' }, `day ${((e.tick * this.tickHours) / 24).toFixed(1)}`), ' ',
        h('span', { class: 'muted small' }, `tick ${e.tick}`), ' ', h('strong', {}, eventWords(e))),
      e.type === 'metastasis' ? h('button', { class: 'small follow', 'data-colony': e.data.colony, onclick: () => this.onFollow(e) }, 'Follow its founder cell') : null,
      h('div', { class: 'event-data' }, `${e.type} · ${e.module} · ${eventSummary(e)}`))));
  }
}
