import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { metricWords } from '../../experiment/metric-words';
import { h, replaceChildren, setText } from '../dom';
import { formatValue } from '../format';
import type { SeriesStore } from '../series-store';
import { compareMetrics, difference } from './key-metrics';

/** Colour of arm A (baseline), neutral; also used by the view's labels. */
export const ARM_A_COLOUR = '#9aa6bd';
/** Colour of arm B (what-ifs), the accent; also used by the view's labels. */
export const ARM_B_COLOUR = '#ffd166';
const DIFF_COLOUR = '#ef476f';
const AXIS = { stroke: '#9aa6bd', grid: { stroke: '#ffffff14' }, ticks: { stroke: '#ffffff22' } };
const HEIGHT = 150;

/**
 * The live charts of compare mode (uPlot): for one chosen metric at a time, the difference
 * B − A over time on its own scale (labelled with its unit) and the two arms' curves; and a table
 * of A, B and B − A now for every compared metric. Data are recomputed from both series stores
 * on each redraw (a few thousand subtractions).
 */
export class DiffCharts {
  readonly el = h('div', { class: 'compare-charts' });
  private readonly picker = h('select', { 'aria-label': 'Metric to plot for both arms', class: 'compare-pick' });
  private readonly table = h('table', { class: 'compare-table' });
  private readonly diffBox = h('div', { class: 'chart', 'data-testid': 'compare-diff-chart' });
  private readonly curveBox = h('div', { class: 'chart' });
  private diffPlot: uPlot | null = null;
  private curvePlot: uPlot | null = null;
  private metrics: string[] = [];
  private cells = new Map<string, HTMLElement[]>();
  private lastDraw = 0;
  private buffers: Float64Array[] = [];
  private stores: [SeriesStore, SeriesStore] | null = null;

  private tickHours = 1;

  constructor() {
    this.picker.addEventListener('change', () => this.pick(this.picker.value));
    this.el.append(
      h('section', { class: 'compare-chart' }, h('h3', {}, 'Difference B − A of ', this.picker), this.diffBox),
      h('section', { class: 'compare-chart' }, h('h3', {}, 'Both arms'), this.curveBox),
      h('section', { class: 'compare-chart table' }, h('h3', {}, 'Now (click a row to chart it)'), this.table),
    );
    new ResizeObserver(() => this.resize()).observe(this.el);
  }

  /** The metrics charted as B − A (in series order). */
  get compared(): readonly string[] {
    return this.metrics;
  }

  /** Builds the charts for a run's metric names. */
  reset(names: readonly string[], tickHours: number): void {
    this.metrics = compareMetrics(names);
    this.tickHours = tickHours;
    this.buffers = this.metrics.map(() => new Float64Array(0));
    const keep = names.includes(this.picker.value) ? this.picker.value : this.metrics[0] ?? '';
    replaceChildren(this.picker, ...names.map((m) => h('option', { value: m, selected: m === keep }, metricWords(m).label)));
    this.picker.value = keep;
    this.buildCurves(keep);
    this.cells.clear();
    replaceChildren(this.table,
      h('thead', {}, h('tr', {}, h('th', {}, 'metric'), h('th', {}, 'A'), h('th', {}, 'B'), h('th', {}, 'B − A'))),
      h('tbody', {}, ...this.metrics.map((m) => {
        const cells = [h('td', {}), h('td', {}), h('td', { class: 'diff' })];
        this.cells.set(m, cells);
        const w = metricWords(m);
        const row = h('tr', { 'data-metric': m, title: `${w.label} (${w.unit}) — click to chart it` }, h('th', {}, w.organ ? `${w.short}, ${w.organ.replace('-', ' ')}` : w.short), ...cells);
        row.addEventListener('click', () => this.pick(m));
        return row;
      })));
  }

  /** The metric charted now. */
  get picked(): string {
    return this.picker.value;
  }

  /** Charts another metric (difference and both arms). */
  pick(metric: string): void {
    this.picker.value = metric;
    this.table.querySelectorAll('tbody tr').forEach((r) => r.classList.toggle('picked', (r as HTMLElement).dataset.metric === metric));
    this.buildCurves(metric);
    if (this.stores) this.update(...this.stores, true);
  }

  /** Redraws from both stores (at most 4 times a second unless forced). */
  update(a: SeriesStore, b: SeriesStore, force = false): void {
    const now = performance.now();
    this.stores = [a, b];
    if (!force && now - this.lastDraw < 250) return;
    this.lastDraw = now;
    const n = Math.min(a.length, b.length);
    const x = Array.from(a.ticks().subarray(0, n), (t) => (t * this.tickHours) / 24);
    this.buffers = this.metrics.map((m, k) => difference(a, b, m, grow(this.buffers[k], n)));
    const pick = this.picker.value;
    this.diffPlot?.setData([x, difference(a, b, pick)] as uPlot.AlignedData);
    this.curvePlot?.setData([x, a.column(pick).subarray(0, n), b.column(pick).subarray(0, n)] as uPlot.AlignedData);
    this.metrics.forEach((m, k) => {
      const [ca, cb, cd] = this.cells.get(m)!;
      const d = n ? this.buffers[k][n - 1] : NaN;
      setText(ca, formatValue(n ? a.column(m)[n - 1] : NaN));
      setText(cb, formatValue(n ? b.column(m)[n - 1] : NaN));
      setText(cd, `${d > 0 ? '+' : ''}${formatValue(d)}`);
      cd.className = `diff${d > 0 ? ' up' : d < 0 ? ' down' : ''}`;
    });
  }

  /** The last point of the difference chart as drawn (metric → B − A), for tests. */
  lastDrawn(): Record<string, number> {
    const data = this.diffPlot?.data;
    if (!data) return {};
    const ys = data[1] as ArrayLike<number | null>;
    return { [this.picker.value]: ys.length ? (ys[ys.length - 1] ?? NaN) : NaN };
  }

  private buildCurves(metric: string): void {
    const w = metricWords(metric);
    const unit = `${w.unit}`;
    const xSeries: uPlot.Series = { label: 'day', value: (_u, v) => (v == null ? '—' : `day ${v.toFixed(1)}`) };
    this.diffPlot?.destroy();
    this.diffPlot = new uPlot({
      width: this.width(this.diffBox), height: HEIGHT,
      series: [xSeries, { label: `B − A (${unit})`, stroke: DIFF_COLOUR, width: 2, points: { show: false } }],
      axes: [{ ...AXIS }, { ...AXIS, size: 56, label: `B − A, ${unit}`, labelSize: 16 }], scales: { x: { time: false } },
      legend: { live: true }, cursor: { drag: { x: true, y: false } },
    }, [new Float64Array(0), new Float64Array(0)] as uPlot.AlignedData, this.diffBox);
    this.curvePlot?.destroy();
    this.curvePlot = new uPlot({
      width: this.width(this.curveBox), height: HEIGHT,
      series: [xSeries,
        { label: `A (${unit})`, stroke: ARM_A_COLOUR, width: 1.5, points: { show: false } },
        { label: `B (${unit})`, stroke: ARM_B_COLOUR, width: 1.5, points: { show: false } }],
      axes: [{ ...AXIS }, { ...AXIS, size: 56, label: unit, labelSize: 16 }], scales: { x: { time: false } },
      legend: { live: true }, cursor: { drag: { x: true, y: false } },
    }, [new Float64Array(0), new Float64Array(0), new Float64Array(0)] as uPlot.AlignedData, this.curveBox);
    this.lastDraw = 0;
  }

  private width(box: HTMLElement): number {
    return Math.max(220, box.clientWidth || (this.el.clientWidth - 24) / 3);
  }

  private resize(): void {
    for (const [plot, box] of [[this.diffPlot, this.diffBox], [this.curvePlot, this.curveBox]] as const) {
      if (!plot) continue;
      const w = this.width(box);
      if (plot.width !== w) plot.setSize({ width: w, height: HEIGHT });
    }
  }
}

function grow(buf: Float64Array | undefined, n: number): Float64Array {
  if (buf && buf.length >= n) return buf;
  return new Float64Array(Math.max(256, n * 2));
}
