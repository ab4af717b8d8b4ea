import { h, replaceChildren } from '../dom';

/**
 * The what-ifs in force as removable chips, in the exact form `exocascade run --what-if` takes,
 * with any problem the engine reported for them.
 */
export class WhatIfSummary {
  readonly el = h('div', { class: 'whatif-summary' });

  constructor(private readonly onChange: (whatIfs: string[]) => void) {}

  /** Shows the list (and problems, e.g. a knockout of cargo this scenario does not package). */
  reset(whatIfs: readonly string[], problems: readonly string[] = []): void {
    replaceChildren(this.el,
      h('div', { class: 'row' }, h('strong', {}, 'What-ifs '),
        whatIfs.length ? h('button', { class: 'link small', onclick: () => this.onChange([]) }, 'clear all (baseline)') : h('span', { class: 'muted small' }, 'none — this is the baseline run')),
      h('div', { class: 'chips' }, ...whatIfs.map((w, i) => h('span', { class: 'chip', 'data-whatif': w }, h('code', {}, w),
        h('button', { class: 'close', 'aria-label': `remove ${w}`, onclick: () => this.onChange(whatIfs.filter((_, k) => k !== i)) }, '×')))),
      ...problems.map((p) => h('p', { class: 'problem' }, `⚠ ${p}`)));
  }
}
