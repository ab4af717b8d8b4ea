import { metricWords } from '../../experiment/metric-words';
import { h, replaceChildren, setText } from '../dom';
import { formatCompact, formatValue } from '../format';
import { referencesForStep } from '../references';
import type { SeriesStore } from '../series-store';
import { STEPS, stepOfMetric, type StepDef } from '../steps';

/** Short column heads for per-organ metrics. */
const ORGAN_ABBREV: Record<string, string> = { lung: 'Lu', liver: 'Li', bone: 'Bo', brain: 'Br', 'lymph-node': 'LN' };
/** A card glows while any of its counters changed within this many ticks. */
const ACTIVE_WINDOW = 8;

interface Counter {
  metric: string;
  cell: HTMLElement;
  compact: boolean;
}

/** A counter's text: times to an event in days ("not yet" while negative), other values as numbers. */
function counterText(name: string, v: number, compact: boolean): string {
  if (name.startsWith('time.')) return v < 0 ? 'not yet' : `day ${(v / 24).toFixed(1)}`;
  return compact ? formatCompact(v) : formatValue(v);
}

/** A counter's label: short words, with the unit when it is not a plain count of cells. */
function counterLabel(name: string): string {
  const w = metricWords(name);
  return /^(cells|sprouts|packets|colonies|divisions|days)$/.test(w.unit) ? w.short : `${w.short} (${w.unit})`;
}

interface Card {
  def: StepDef;
  el: HTMLElement;
  counters: Counter[];
  metrics: number[];
}

/**
 * The five-step panel: one card per step of the review's Figure 1, with live counters (every
 * metric whose name the step claims; per-organ metrics as a small table), a glow while the step
 * is happening, a mark once it has happened in the run, and a "why" section with the
 * explanation and the references behind the rules at work.
 */
export class StepCards {
  private cards: Card[] = [];

  constructor(private readonly host: HTMLElement, private readonly onOpen: (step: number) => void) {}

  /** Rebuilds the cards for a run: its metric names, organs and packaged cargo. */
  reset(metricNames: readonly string[], organs: readonly string[], cargo: readonly string[]): void {
    this.cards = STEPS.map((def) => this.buildCard(def, metricNames, organs, cargo));
    replaceChildren(this.host, ...this.cards.map((c) => c.el));
  }

  /** Refreshes counters and glow from the latest metrics. */
  update(store: SeriesStore): void {
    const now = store.length - 1;
    if (now < 0) return;
    const then = Math.max(0, now - ACTIVE_WINDOW);
    for (const card of this.cards) {
      for (const c of card.counters) setText(c.cell, counterText(c.metric, store.latest(c.metric), c.compact));
      let active = false;
      let happened = false;
      for (const k of card.metrics) {
        if (store.at(k, now) !== store.at(k, then)) active = true;
        if (store.at(k, now) !== store.at(k, 0)) happened = true;
      }
      card.el.classList.toggle('active', active);
      // Its numbers have moved since tick 0: the step has happened in this run.
      card.el.classList.toggle('reached', happened);
    }
  }

  /** Draws attention to one card (lesson mode), or none. */
  focus(step: number | null): void {
    for (const card of this.cards) card.el.classList.toggle('lesson-focus', card.def.step === step);
  }

  private buildCard(def: StepDef, names: readonly string[], organs: readonly string[], cargo: readonly string[]): Card {
    const mine = names.filter((n) => stepOfMetric(n)?.step === def.step);
    const counters: Counter[] = [];
    const singles: string[] = [];
    const perOrgan = new Map<string, Map<string, string>>();
    for (const name of mine) {
      const organ = organs.find((o) => name.endsWith(`.${o}`));
      if (!organ) {
        singles.push(name);
        continue;
      }
      const base = name.slice(0, -organ.length - 1);
      if (!perOrgan.has(base)) perOrgan.set(base, new Map());
      perOrgan.get(base)!.set(organ, name);
    }
    const list = h('dl', { class: 'counters' });
    for (const name of singles) {
      const cell = h('dd', { 'data-metric': name }, '—');
      counters.push({ metric: name, cell, compact: false });
      const w = metricWords(name);
      list.append(h('dt', { title: `${w.label} — ${w.unit} (${name})` }, counterLabel(name)), cell);
    }
    let table: HTMLElement | null = null;
    if (perOrgan.size) {
      table = h('table', { class: 'organ-table' },
        h('thead', {}, h('tr', {}, h('th', {}, ''), ...organs.map((o) => h('th', {}, h('abbr', { title: o.replace('-', ' ') }, ORGAN_ABBREV[o] ?? o.slice(0, 2)))))));
      const body = h('tbody');
      for (const [base, byOrgan] of perOrgan) {
        const cells = organs.map((o) => {
          const metric = byOrgan.get(o);
          const cell = h('td', metric ? { 'data-metric': metric } : {}, metric ? '—' : '');
          if (metric) counters.push({ metric, cell, compact: true });
          return cell;
        });
        const first = byOrgan.values().next().value as string;
        const w = metricWords(first);
        body.append(h('tr', {}, h('th', { title: `${w.label.replace(/ \(.*\)$/, '')} — ${w.unit} (${base}.<organ>)` }, w.short), ...cells));
      }
      table.append(body);
    }
    const refs = referencesForStep(def.step, cargo);
    const why = h('details', { class: 'why' },
      h('summary', {}, 'Why? — biology and evidence'),
      h('p', {}, def.explanation),
      refs.length
        ? h('div', { class: 'refs' }, h('h4', {}, `Evidence for this run's cargo (${refs.length})`),
          h('ul', {}, ...refs.map((r) => h('li', {}, h('span', { class: 'ref' }, r.reference), ' — ', r.cargo.join(', ')))))
        : h('p', { class: 'muted' }, 'None of this scenario\'s cargo carries an effect of this step.'));
    const empty = mine.length === 0 ? h('p', { class: 'muted small' }, 'No metrics for this step yet: they appear here as the engine reports them.') : null;
    const el = h('section', { class: `step-card step-${def.step}`, 'data-step': def.step, 'aria-labelledby': `step-title-${def.step}` },
      h('header', {},
        h('span', { class: 'step-num', 'aria-hidden': 'true' }, String(def.step)),
        h('div', {}, h('h3', { id: `step-title-${def.step}` },
          h('button', { class: 'step-open', title: 'Show this step\'s chart', onclick: () => this.onOpen(def.step), 'aria-label': `Step ${def.step}: ${def.title} — show its chart` }, def.title)),
        h('p', { class: 'tagline' }, def.tagline)),
        h('span', { class: 'reached-mark', title: 'has happened in this run' }, '✓')),
      list, table, empty, why);
    return { def, el, counters, metrics: mine.map((n) => names.indexOf(n)) };
  }
}
