import { EFFECT_IDS, EFFECTS } from '../../catalog/index';
import { DEPLETABLE, type Depletable } from '../../engine/depletable';
import { h, keepFocus, replaceChildren } from '../dom';
import {
  depletionOf, effectBlocks, secretionBlockOf, withDepletion, withEffectBlock, withSecretionBlock, type Timed,
} from '../whatif-edit';

/** Words for the depletable populations. */
const POPULATION_LABELS: Record<Depletable, string> = {
  platelets: 'Platelets', nk: 'NK cells', cd8: 'CD8 T cells', macrophages: 'Macrophages', bcells: 'B cells',
};

/** Examples of therapies an effect block stands for. */
const EFFECT_HINTS: Partial<Record<string, string>> = {
  'tcell.suppress': 'anti-PD-L1 / anti-PD-1',
  'tcell.checkpoint': 'anti-PD-L1 / anti-PD-1',
  homing: 'integrin-blocking antibodies',
  'platelet.activate': 'antiplatelet drugs',
  'angio.sprout': 'anti-VEGF',
  'niche.kupffer': 'MIF inhibition',
};

/**
 * Interventions that act on the body rather than on cargo: deplete a cell population at a
 * tick, block exosome secretion, or block one effect class (a drug-like what-if). Each row
 * edits one entry of the what-if list.
 */
export class Interventions {
  readonly el = h('div', { class: 'interventions' });
  private whatIfs: string[] = [];

  constructor(private readonly onChange: (whatIfs: string[]) => void, private readonly runTicks: () => number, private readonly tickHours: () => number = () => 1) {}

  /** Shows the what-ifs in force. */
  reset(whatIfs: readonly string[]): void {
    this.whatIfs = [...whatIfs];
    const blocks = effectBlocks(whatIfs);
    const effectSelect = h('select', { 'aria-label': 'effect to block', 'data-focus-key': 'effect-select' },
      ...EFFECT_IDS.filter((e) => !blocks.has(e)).map((e) => h('option', { value: e }, `${e}${EFFECT_HINTS[e] ? ` (${EFFECT_HINTS[e]})` : ''}`)));
    keepFocus(this.el, () => replaceChildren(this.el,
      h('h3', {}, 'Deplete a population'),
      ...DEPLETABLE.map((p) => this.timedRow(POPULATION_LABELS[p], `deplete-${p}`, depletionOf(whatIfs, p), (t) => withDepletion(this.whatIfs, p, t))),
      h('h3', {}, 'Block exosome secretion'),
      this.timedRow('Secretion (e.g. GW4869, Rab27a loss)', 'block-secretion', secretionBlockOf(whatIfs), (t) => withSecretionBlock(this.whatIfs, t)),
      h('h3', {}, 'Block an effect'),
      ...[...blocks.entries()].map(([e, t]) => this.timedRow(`${e} — ${EFFECTS[e as keyof typeof EFFECTS]?.meaning ?? ''}`, `block-${e}`, t, (v) => withEffectBlock(this.whatIfs, e, v))),
      h('div', { class: 'row' }, effectSelect,
        h('button', { class: 'small', 'data-focus-key': 'add-block', onclick: () => this.onChange(withEffectBlock(this.whatIfs, effectSelect.value, { tick: 0, fraction: 1 })) }, 'Add block')),
    ));
  }

  private timedRow(label: string, id: string, current: Timed | null, edit: (t: Timed | null) => string[]): HTMLElement {
    const on = h('input', { type: 'checkbox', checked: current !== null, 'data-intervention': id });
    const tick = h('input', { type: 'number', min: 0, max: this.runTicks(), step: 1, value: current?.tick ?? 0, class: 'tick-input', 'aria-label': `${label}: from tick`, 'data-focus-key': `${id}-tick` });
    const fraction = h('input', { type: 'range', min: 0, max: 1, step: 0.05, value: current?.fraction ?? 1, 'aria-label': `${label}: fraction`, 'data-focus-key': `${id}-fraction` });
    const shown = h('output', {}, `${Math.round((current?.fraction ?? 1) * 100)}%`);
    // What-ifs act at a tick; say which day that is.
    const day = h('span', { class: 'muted' });
    const showDay = () => (day.textContent = `(day ${((Math.max(0, Number(tick.value) || 0) * this.tickHours()) / 24).toFixed(1)})`);
    showDay();
    tick.addEventListener('input', showDay);
    const emit = () => {
      const t = Math.max(0, Math.floor(Number(tick.value) || 0));
      this.onChange(edit(on.checked ? { tick: t, fraction: Number(fraction.value) } : null));
    };
    on.addEventListener('change', emit);
    fraction.addEventListener('input', () => (shown.textContent = `${Math.round(Number(fraction.value) * 100)}%`));
    fraction.addEventListener('change', () => on.checked && emit());
    tick.addEventListener('change', () => on.checked && emit());
    return h('div', { class: `timed-row${current ? '' : ' off'}` },
      h('label', { class: 'timed-label' }, on, ' ', label),
      h('span', { class: 'timed-controls' }, 'from tick ', tick, day, ' remove ', fraction, shown));
  }
}
