import { getCargo, ORGAN_LABELS, TABLE1_ROWS, isOrganId } from '../../catalog/index';
import { metricWords } from '../../experiment/metric-words';
import type { MetastasisEvent } from '../../engine/events';
import type { AgentDetails, LayoutVessel, RegionDetails } from '../../protocol/engine-api';
import { h, replaceChildren } from '../dom';
import { formatValue } from '../format';
import { regionTitle } from '../render/static-layers';
import { kindStyle } from '../render/palette';
import { effectBadges, evidenceTable } from './cargo-panel';
import { eventWords } from './event-log';

/** What the inspector shows. */
export type Inspected =
  | { type: 'agent'; agent: AgentDetails }
  | { type: 'region'; region: RegionDetails; metrics: Record<string, number> }
  | { type: 'vessel'; vessel: LayoutVessel; regionName: string | null };

function kv(rows: Array<[string, string | number]>): HTMLElement {
  return h('dl', { class: 'kv' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, typeof v === 'number' ? formatValue(v) : v)]));
}

function cargoList(ids: readonly string[]): HTMLElement {
  if (ids.length === 0) return h('p', { class: 'muted small' }, 'No cargo.');
  return h('div', { class: 'cargo-list' }, ...ids.map((id) => {
    const e = getCargo(id);
    if (!e) return h('div', {}, id);
    return h('details', { class: 'evidence-details' }, h('summary', {}, h('strong', {}, e.name), ' ', h('span', { class: 'badge class' }, e.class)),
      effectBadges(e), evidenceTable(e));
  }));
}

/**
 * The inspector: details of the agent, organ or vessel that was clicked — an agent's state,
 * cargo (with evidence) and, for tumour cells, its lineage and the events that name it; an
 * organ's niche, fields, residents and its Table 1 organotropism.
 */
export class Inspector {
  readonly el = h('aside', { class: 'inspector', hidden: true, 'aria-label': 'Inspector', role: 'dialog', 'aria-modal': 'false', tabindex: -1 });
  private readonly body = h('div', { class: 'inspector-body' });
  /** Called when the inspector is closed. */
  onClose: () => void = () => {};
  /** Called to show a region by name (from an agent's "where"). */
  onRegion: (name: string) => void = () => {};
  /** Called to follow the founder of a metastasis of the inspected lineage. */
  onFollow: (e: MetastasisEvent) => void = () => {};

  constructor() {
    this.el.append(h('button', { class: 'close', title: 'Close', 'aria-label': 'Close inspector', onclick: () => this.close() }, '×'), this.body);
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close();
      }
    });
  }

  /** The agent shown (kind and id), if any, so the app can keep it up to date. */
  current: { kind: string; id: number } | null = null;

  /** Shows something. */
  show(what: Inspected, tickHours: number): void {
    this.current = what.type === 'agent' ? { kind: what.agent.kind, id: what.agent.id } : null;
    const opening = this.el.hidden;
    this.el.hidden = false;
    if (opening) queueMicrotask(() => this.el.focus());
    if (what.type === 'agent') replaceChildren(this.body, ...this.agent(what.agent, tickHours));
    else if (what.type === 'region') replaceChildren(this.body, ...this.region(what.region, what.metrics));
    else replaceChildren(this.body, ...this.vessel(what.vessel, what.regionName));
  }

  /** Notes that the agent shown is gone (died, taken up, or the run restarted). */
  gone(): void {
    if (!this.current) return;
    this.current = null;
    this.body.prepend(h('p', { class: 'gone' }, 'This agent no longer exists (it died, was taken up, or the run restarted).'));
  }

  /** Hides the inspector. */
  close(): void {
    this.el.hidden = true;
    this.current = null;
    this.onClose();
  }

  private agent(a: AgentDetails, tickHours: number): HTMLElement[] {
    const style = kindStyle(a.kind);
    const cols = Object.entries(a.columns).filter(([k]) => !['x', 'y', 'sUm'].includes(k));
    const out: HTMLElement[] = [
      h('h3', {}, style.label.replace(/s$/, ''), ' ', h('span', { class: 'muted small' }, `#${a.id}`)),
      kv([['state', a.state], ['where', a.where === 'blood' ? 'in the circulation' : regionTitle(a.where)], ['position', `${a.x.toFixed(0)}, ${a.y.toFixed(0)} µm`]]),
      a.where === 'blood' ? h('span') : h('button', { class: 'link small', onclick: () => this.onRegion(a.where) }, `About the ${regionTitle(a.where).toLowerCase()} →`),
    ];
    if (a.lineage) {
      const l = a.lineage;
      out.push(h('h4', {}, `Lineage ${l.id}`),
        kv(Object.entries(l.members).map(([k, v]) => [k, v])),
        l.events.length
          ? h('ul', { class: 'lineage-events' }, ...l.events.slice(-30).map((e) => h('li', {}, `day ${((e.tick * tickHours) / 24).toFixed(1)} (tick ${e.tick}) `, h('strong', {}, eventWords(e)),
            e.type === 'metastasis' ? h('button', { class: 'small follow', onclick: () => this.onFollow(e) }, 'Follow its founder') : null)))
          : h('p', { class: 'muted small' }, 'No events name this lineage yet (metastases record their lineage when they form).'));
    }
    out.push(h('h4', {}, `Cargo (${a.cargo.length})`), cargoList(a.cargo));
    out.push(h('details', {}, h('summary', {}, 'All state columns'), kv(cols)));
    return out;
  }

  private region(r: RegionDetails, metrics: Record<string, number>): HTMLElement[] {
    const organ = isOrganId(r.name) ? r.name : null;
    const mine = Object.entries(metrics).filter(([name]) => name.endsWith(`.${r.name}`));
    const sites = organ ? TABLE1_ROWS.filter((row) => row.organId === organ) : [];
    const types = [...new Set(sites.map((s) => s.cancerType))];
    return [
      h('h3', {}, organ ? ORGAN_LABELS[organ] : regionTitle(r.name)),
      h('h4', {}, 'Metrics'),
      mine.length ? kv(mine.map(([k, v]) => [`${metricWords(k).short} (${metricWords(k).unit})`, v])) : h('p', { class: 'muted small' }, 'No per-region metrics.'),
      h('h4', {}, 'Fields (mean)'), kv(Object.entries(r.fieldMeans).map(([k, v]) => [k, v])),
      r.meanEducation !== null ? kv([['resident education', r.meanEducation]]) : h('span'),
      h('h4', {}, 'Agents here'),
      ...Object.entries(r.agents).map(([kind, counts]) => h('div', {}, h('strong', {}, kindStyle(kind).label), kv(Object.entries(counts).map(([k, v]) => [k, v])))),
      organ ? h('h4', {}, 'Organotropism (review Table 1)') : h('span'),
      organ ? h('p', { class: 'small' }, types.length ? `Cancers that metastasise here: ${types.join(', ')}.` : 'Table 1 lists no cancer type for this organ.') : h('span'),
    ];
  }

  private vessel(v: LayoutVessel, regionName: string | null): HTMLElement[] {
    return [
      h('h3', {}, v.name),
      kv([['kind', v.kind], ['flow speed', `${formatValue(v.speedUmPerHour)} µm/h`],
        ['role', regionName ? `capillary bed of the ${regionTitle(regionName).toLowerCase()}: cells can arrest and exosomes leave the blood here` : 'conducting vessel']]),
    ];
  }
}
