import { EFFECTS, getCargo, searchCatalog, type CargoEntry, type CascadeStep } from '../../catalog/index';
import { h, keepFocus, replaceChildren } from '../dom';
import { stepsOfCargo } from '../references';
import { STEPS } from '../steps';
import { doseOf, knockins, knockouts, withDose, withKnockin, withKnockout } from '../whatif-edit';

/** Most search results listed for knock-in. */
const SEARCH_LIMIT = 12;

/** A catalog entry's evidence as a small table (cancer type, targets, regulation, step, reference). */
export function evidenceTable(entry: CargoEntry): HTMLElement {
  return h('table', { class: 'evidence' },
    h('thead', {}, h('tr', {}, ...['Cancer', 'Target cells', 'Regulation', 'Step', 'Reference'].map((t) => h('th', {}, t)))),
    h('tbody', {}, ...entry.evidence.map((ev) => h('tr', {},
      h('td', {}, ev.cancerType), h('td', {}, ev.targetCells), h('td', {}, ev.regulation || '—'),
      h('td', {}, ev.step), h('td', { class: 'ref' }, ev.reference)))));
}

/** Effect badges of an entry (sign and strength in the tooltip; an assumed effect marked, with its reason). */
export function effectBadges(entry: CargoEntry): HTMLElement {
  return h('span', { class: 'effects' }, ...entry.effects.map((e) => h('span', {
    class: `badge effect step-${EFFECTS[e.effect].step}${e.strength < 0 ? ' negative' : ''}${e.assumption ? ' assumed' : ''}`,
    title: `${EFFECTS[e.effect].meaning} Strength ${e.strength}${e.organs ? `; organs ${JSON.stringify(e.organs)}` : ''}`
      + (e.assumption ? `. Assumed, not stated by the evidence: ${e.assumption}` : ''),
  }, e.assumption ? `${e.effect} (assumed)` : e.effect)));
}

/**
 * The cargo panel: the scenario's cargo grouped by the steps its effects act in, each with a
 * knockout toggle, a dose slider and its evidence; below, knock-in by search over the whole
 * catalog. Every change produces a new what-if list; the app restarts the run with it.
 */
export class CargoPanel {
  readonly el = h('div', { class: 'cargo-panel' });
  private readonly groups = h('div', { class: 'cargo-groups' });
  private readonly results = h('div', { class: 'search-results' });
  private readonly search = h('input', { type: 'search', placeholder: 'Search the catalog: miR-105, integrin, PD-L1, NK, liver…', 'aria-label': 'Search the catalog' });
  private whatIfs: string[] = [];
  private packaged = new Set<string>();

  /** Called to trace a cargo on the map (its targets, the organs it primes, its citation). */
  onTrace: (cargo: string) => void = () => {};

  constructor(private readonly onChange: (whatIfs: string[]) => void) {
    this.search.addEventListener('input', () => this.renderSearch());
    this.el.append(
      h('p', { class: 'muted small' }, 'Untick a cargo to knock it out, slide to change its dose, or knock in cargo from another cancer type. The run restarts from the same seed, so any difference is the what-if alone.'),
      this.groups,
      h('h3', {}, 'Knock in from the catalog'), this.search, this.results,
    );
  }

  /** Shows a run's cargo (`packaged`, after what-ifs) and the what-ifs in force. */
  reset(packaged: readonly string[], whatIfs: readonly string[]): void {
    this.whatIfs = [...whatIfs];
    this.packaged = new Set(packaged);
    const out = knockouts(whatIfs);
    const kin = knockins(whatIfs);
    const all = [...new Set([...packaged, ...out])].map((id) => getCargo(id)).filter((e): e is CargoEntry => !!e);
    const sections = STEPS.map((s) => {
      const rows = all.filter((e) => stepsOfCargo(e).includes(s.step as CascadeStep)).sort((a, b) => a.name.localeCompare(b.name));
      return h('details', { class: `cargo-step step-${s.step}`, open: rows.length > 0 && rows.length <= 8 },
        h('summary', {}, h('span', { class: `step-num step-${s.step}` }, String(s.step)), ` ${s.title} `, h('span', { class: 'muted' }, `(${rows.length})`)),
        ...rows.map((e) => this.row(e, !out.has(e.id), kin.has(e.id))));
    });
    keepFocus(this.el, () => {
      replaceChildren(this.groups, ...sections);
      this.renderSearch();
    });
  }

  private row(entry: CargoEntry, on: boolean, knockedIn: boolean): HTMLElement {
    const dose = doseOf(this.whatIfs, entry.id);
    const doseLabel = h('output', {}, `×${dose}`);
    const slider = h('input', {
      type: 'range', min: 0, max: 5, step: 0.1, value: dose, disabled: !on, 'aria-label': `dose of ${entry.name}`, 'data-dose': entry.id,
    });
    slider.addEventListener('input', () => (doseLabel.textContent = `×${Number(slider.value)}`));
    slider.addEventListener('change', () => this.onChange(withDose(this.whatIfs, entry.id, Number(slider.value))));
    const toggle = h('input', { type: 'checkbox', checked: on, 'data-cargo': entry.id, 'aria-label': `package ${entry.name}` });
    toggle.addEventListener('change', () => this.onChange(withKnockout(this.whatIfs, entry.id, !toggle.checked)));
    return h('div', { class: `cargo-row${on ? '' : ' off'}` },
      h('div', { class: 'cargo-main' },
        h('label', { class: 'cargo-name', title: on ? 'untick to knock out' : 'tick to package again' }, toggle, ' ', entry.name),
        h('span', { class: 'badge class' }, entry.class),
        knockedIn ? h('span', { class: 'badge ki', title: 'knocked in from the catalog' }, 'knock-in') : null,
        h('button', { class: 'small trace', 'data-trace': entry.id, 'aria-label': `trace ${entry.name} on the map`, title: 'Light up on the map what it acts on and the organs it primes', onclick: () => this.onTrace(entry.id) }, 'Trace'),
        h('span', { class: 'dose' }, slider, doseLabel)),
      effectBadges(entry),
      h('details', { class: 'evidence-details' }, h('summary', {}, `Evidence (${entry.evidence.length})`),
        entry.note ? h('p', { class: 'small' }, entry.note) : null, evidenceTable(entry)));
  }

  private renderSearch(): void {
    const q = this.search.value.trim();
    if (q.length < 2) {
      replaceChildren(this.results, h('p', { class: 'muted small' }, 'Type at least two letters.'));
      return;
    }
    const hits = searchCatalog(q);
    const shown = hits.slice(0, SEARCH_LIMIT).map((e) => {
      const packaged = this.packaged.has(e.id);
      const button = h('button', {
        class: 'small', disabled: packaged, 'data-knockin': e.id,
        onclick: () => this.onChange(withKnockin(this.whatIfs, e.id, true)),
      }, packaged ? 'packaged' : 'Knock in');
      return h('div', { class: 'search-hit' },
        h('div', { class: 'cargo-main' }, h('strong', {}, e.name), h('span', { class: 'badge class' }, e.class),
          h('span', { class: 'muted small' }, e.cancerTypes.join(', ')), button),
        effectBadges(e),
        h('details', { class: 'evidence-details' }, h('summary', {}, `Evidence (${e.evidence.length})`), evidenceTable(e)));
    });
    replaceChildren(this.results,
      ...shown, hits.length > SEARCH_LIMIT ? h('p', { class: 'muted small' }, `${hits.length - SEARCH_LIMIT} more — refine the search.`) : null,
      hits.length === 0 ? h('p', { class: 'muted small' }, 'No catalog entry matches.') : null);
  }
}
