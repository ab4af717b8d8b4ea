import { h, setText } from '../dom';
import { KILLER_COLOURS } from '../killers';
import type { SeriesStore } from '../series-store';

const hex = (c: number) => `#${c.toString(16).padStart(6, '0')}`;

/** The tally's numbers from the latest metrics: CTCs in the blood, reaching an organ, lost, killed by each killer. */
export function bloodTally(store: SeriesStore, organs: readonly string[]): { now: number; survived: number; elsewhere: number; nk: number; t: number; shear: number } {
  const v = (m: string) => {
    const x = store.latest(m);
    return Number.isFinite(x) ? x : 0;
  };
  return {
    now: v('ctc.circulating'),
    survived: organs.reduce((s, o) => s + v(`ctc.arrested.${o}`), 0),
    elsewhere: v('ctc.arrested.systemic'),
    nk: v('ctc.killed.nk'),
    t: v('ctc.killed.t'),
    shear: v('ctc.killed.shear'),
  };
}

/**
 * The live survived/killed tally of the circulation, over the map: how many circulating tumour
 * cells are in the blood now, how many survived to lodge in an organ, and how many were killed,
 * by NK cells, T cells and shear, each with the colour of its burst on the map.
 */
export class BloodTally {
  readonly el = h('div', { class: 'blood-tally', 'aria-label': 'Circulating tumour cells: survived and killed', 'data-testid': 'blood-tally' });
  private readonly cells: Record<string, HTMLElement> = {};

  constructor() {
    const cell = (key: string) => (this.cells[key] = h('b', { 'data-tally': key }, '0'));
    const killer = (key: 'nk' | 't' | 'shear', words: string) =>
      h('span', { class: 'killer' }, h('i', { class: 'burst', style: `--c:${hex(KILLER_COLOURS[key])}` }), ` ${words} `, cell(key));
    this.el.append(
      h('span', { class: 'tally-head' }, h('span', { class: 'ctc-dot' }), ' CTCs'),
      h('span', {}, 'in blood ', cell('now')), h('span', {}, 'reached an organ ', cell('survived')), h('span', {}, 'lodged elsewhere ', cell('elsewhere')),
      h('span', {}, 'killed: ', killer('nk', 'NK'), killer('t', 'T cell'), killer('shear', 'shear')),
      h('span', { class: 'muted tally-key' }, h('span', { class: 'halo' }), ' cloaked'));
  }

  /** Refreshes from the latest metrics. */
  update(store: SeriesStore, organs: readonly string[]): void {
    const t = bloodTally(store, organs);
    for (const [k, v] of Object.entries(t)) setText(this.cells[k], String(v));
  }
}
