import type { WorldLayout } from '../../protocol/engine-api';
import { h, replaceChildren } from '../dom';
import { fieldLegend } from '../render/field-layer';
import { NICHE_HALF, nicheScale } from '../render/static-layers';
import { flowColour, kindStyle, leakColour, nicheColour, stateColour } from '../render/palette';

const hex = (c: number) => `#${c.toString(16).padStart(6, '0')}`;

function swatch(colour: number, shape: string): HTMLElement {
  return h('span', { class: `swatch shape-${shape}`, style: `--c:${hex(colour)}` });
}

function gradient(stops: number[]): string {
  return `linear-gradient(90deg, ${stops.map(hex).join(', ')})`;
}

/**
 * The map legend: every agent kind with its state colours (and a toggle to hide it), the field
 * overlay picker, and the colour keys of vessels and organs. Built from the run's layout, so a
 * new agent kind or state appears without code changes.
 */
export class Legend {
  readonly el = h('div', { class: 'legend' });
  private readonly compact = h('div', { class: 'legend-compact' });
  private readonly body = h('div', { class: 'legend-body', hidden: true });
  private field: string | null = null;

  constructor(private readonly onKind: (kind: string, visible: boolean) => void, private readonly onField: (name: string | null) => void) {
    const toggle = h('button', { class: 'legend-toggle', 'aria-expanded': 'false' }, 'Legend ▸');
    toggle.addEventListener('click', () => {
      const open = this.body.hidden;
      this.body.hidden = !open;
      toggle.textContent = open ? 'Legend ▾' : 'Legend ▸';
      toggle.setAttribute('aria-expanded', String(open));
      this.el.classList.toggle('open', open);
    });
    this.el.append(h('div', { class: 'legend-top' }, toggle, this.compact), this.body);
  }

  /** Rebuilds for a run's layout. */
  reset(layout: WorldLayout): void {
    const kinds = [...layout.pointKinds].sort((a, b) => kindStyle(b).layer - kindStyle(a).layer);
    const kindRows = kinds.map((kind) => {
      const style = kindStyle(kind);
      const byColour = new Map<number, string[]>();
      for (const s of layout.styles[kind] ?? []) {
        const c = stateColour(kind, s.label);
        if (!byColour.has(c)) byColour.set(c, []);
        byColour.get(c)!.push(s.label);
      }
      return h('div', { class: 'legend-kind' },
        h('div', { class: 'legend-kind-name' }, swatch(style.base, style.shape), ' ', style.label),
        h('div', { class: 'legend-states' }, ...[...byColour.entries()].map(([c, labels]) => h('span', { class: 'legend-state', title: labels.join('\n') },
          swatch(c, style.shape), ' ', shortLabel(kind, labels)))));
    });
    const toggles = kinds.map((kind) => {
      const style = kindStyle(kind);
      const box = h('input', { type: 'checkbox', checked: true, 'data-kind': kind });
      box.addEventListener('change', () => this.onKind(kind, box.checked));
      return h('label', { class: 'legend-kind-toggle', title: `show or hide ${style.label.toLowerCase()}` }, box, swatch(style.base, style.shape), ' ', style.label);
    });
    const fieldRadios = [null, ...layout.fieldNames].map((name) => {
      const r = h('input', { type: 'radio', name: 'field-overlay', value: name ?? '', checked: this.field === name, 'data-field': name ?? 'none' });
      r.addEventListener('change', () => {
        this.field = name;
        this.onField(name);
      });
      return h('label', { class: 'field-radio', title: name ? fieldLegend(name) : 'no overlay' }, r, ' ', name ?? 'none');
    });
    replaceChildren(this.compact, h('div', { class: 'legend-toggles' }, ...toggles),
      h('div', { class: 'legend-fields' }, h('span', { class: 'muted' }, 'Field overlay: '), ...fieldRadios));
    replaceChildren(this.body,
      ...kindRows,
      h('div', { class: 'legend-keys' },
        h('div', {}, h('span', { class: 'bar', style: `background:${gradient([flowColour('blood', 0), flowColour('blood', 1)])}` }), ' blood flow slow → fast; ',
          h('span', { class: 'bar short', style: `background:${hex(flowColour('lymph', 1))}` }), ' lymph'),
        h('div', {}, h('span', { class: 'bar', style: `background:${gradient([leakColour(0), leakColour(0.5), leakColour(1)])}` }), ' tissue vessel tight → leaky'),
        h('div', {}, h('span', { class: 'bar', style: `background:${gradient([nicheColour(0), nicheColour(0.5), nicheColour(nicheScale(1))])}` }),
          ` organ niche level 0 → ${NICHE_HALF} → 1`)),
      h('div', { class: 'muted' }, 'Fields: ', ...layout.fieldNames.map((f) => h('div', {}, fieldLegend(f)))),
    );
  }
}

/** A legend label for states sharing one colour ("cd8 exhausted / suppressed…" → "cd8 disarmed"). */
function shortLabel(kind: string, labels: readonly string[]): string {
  if (labels.length === 1) return labels[0].replace(`${kind} `, '');
  const first = labels[0].split(' ')[0];
  if (kind === 'immune' && labels.every((l) => l.startsWith(first))) return `${first} (disarmed)`;
  return `${labels[0]} +${labels.length - 1}`;
}
