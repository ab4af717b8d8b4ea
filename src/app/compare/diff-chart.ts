import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h, replaceChildren, setText } from '../dom';
import { formatValue } from '../format';
import type { SeriesStore } from '../series-store';
import { compareMetrics, difference, isFraction } from './key-metrics';

/** Colour of arm A (baseline), neutral; also used by the view's labels. */
export const ARM_A_COLOUR = '#9aa6bd';
/** Colour of arm B (what-ifs), the accent; also used by the view's labels. */
export const ARM_B_COLOUR = '#ffd166';
const DIFF_COLOURS = ['#ef476f', '#4cc9f0', '#f8961e', '#e9ecef', '#c77dff', '#90be6d', '#06d6a0', '#118ab2', '#f78c6b', '#9b5de5', '#00bbf9', '#f15bb5'];
const AXIS = { stroke: '#9aa6bd', grid: { stroke: '#ffffff14' }, ticks: { stroke: '#ffffff22' } };
const HEIGHT = 150;

/**
 * The live charts of compare mode (uPlot): the difference B − A over time of every compared
 * metric, the two arms' curves of one chosen metric, and a table of A, B and B − A now. Data are
 * recomputed from both series stores on each redraw (a few thousand subtractions).
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

  constructor() {
    this.picker.addEventListener('change', () => {
      this.buildCurves(this.picker.value);
      if (this.stores) this.update(...this.stores, true);
    });
    this.el.append(
      h('section', { class: 'compare-chart' }, h('h3', {}, 'Difference B − A'), this.diffBox),
      h('section', { class: 'compare-chart' }, h('h3', {}, 'Both arms: ', this.picker), this.curveBox),
      h('section', { class: 'compare-chart table' }, h('h3', {}, 'Now'), this.table),
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
    this.buffers = this.metrics.map(() => new Float64Array(0));
    const xSeries: uPlot.Series = { label: 'tick', value: (_u, v) => (v == null ? '—' : `${v} (day ${((v * tickHours) / 24).toFixed(1)})`) };
    const hasFrac = this.metrics.some(isFraction);
    const hasN = this.metrics.some((m) => !isFraction(m));
    const axes: uPlot.Axis[] = [{ ...AXIS }];
    if (hasN) axes.push({ ...AXIS, scale: 'n', size: 50 });
    if (hasFrac) axes.push({ ...AXIS, scale: 'frac', side: 1, size: 56, grid: { show: !hasN } });
    this.diffPlot?.destroy();
    this.diffPlot = new uPlot({
      width: this.width(this.diffBox), height: HEIGHT,
      series: [xSeries, ...this.metrics.map((m, k): uPlot.Series => ({
        label: m, scale: isFraction(m) ? 'frac' : 'n', width: 1.5, stroke: DIFF_COLOURS[k % DIFF_COLOURS.length],
        dash: isFraction(m) ? [5, 3] : undefined, points: { show: false },
      }))],
      axes, scales: { x: { time: false }, n: { auto: true }, frac: { auto: true } },
      legend: { live: true }, cursor: { drag: { x: true, y: false } },
    }, [new Float64Array(0), ...this.metrics.map(() => new Float64Array(0))] as uPlot.AlignedData, this.diffBox);
    const keep = this.metrics.includes(this.picker.value) ? this.picker.value : this.metrics[0] ?? '';
    replaceChildren(this.picker, ...names.map((m) => h('option', { value: m, selected: m === keep }, m)));
    this.picker.value = keep;
    this.buildCurves(keep);
    this.cells.clear();
    replaceChildren(this.table,
      h('thead', {}, h('tr', {}, h('th', {}, 'metric'), h('th', {}, 'A'), h('th', {}, 'B'), h('th', {}, 'B − A'))),
      h('tbody', {}, ...this.metrics.map((m) => {
        const cells = [h('td', {}), h('td', {}), h('td', { class: 'diff' })];
        this.cells.set(m, cells);
        return h('tr', { 'data-metric': m }, h('th', { title: m }, m), ...cells);
      })));
  }

  /** Redraws from both stores (at most 4 times a second unless forced). */
  update(a: SeriesStore, b: SeriesStore, force = false): void {
    const now = performance.now();
    this.stores = [a, b];
    if (!force && now - this.lastDraw < 250) return;
    this.lastDraw = now;
    const n = Math.min(a.length, b.length);
    const x = a.ticks().subarray(0, n);
    this.buffers = this.metrics.map((m, k) => difference(a, b, m, grow(this.buffers[k], n)));
    this.diffPlot?.setData([x, ...this.buffers.map((d) => d.subarray(0, n))] as uPlot.AlignedData);
    const pick = this.picker.value;
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

  /** The last value of every difference series as drawn (metric → B − A), for tests. */
  lastDrawn(): Record<string, number> {
    const out: Record<string, number> = {};
    const data = this.diffPlot?.data;
    if (!data) return out;
    this.metrics.forEach((m, k) => {
      const ys = data[k + 1] as ArrayLike<number | null>;
      out[m] = ys.length ? (ys[ys.length - 1] ?? NaN) : NaN;
    });
    return out;
  }

  private buildCurves(metric: string): void {
    this.curvePlot?.destroy();
    this.curvePlot = new uPlot({
      width: this.width(this.curveBox), height: HEIGHT,
      series: [{ label: 'tick' },
        { label: `A ${metric}`, stroke: ARM_A_COLOUR, width: 1.5, points: { show: false } },
        { label: `B ${metric}`, stroke: ARM_B_COLOUR, width: 1.5, points: { show: false } }],
      axes: [{ ...AXIS }, { ...AXIS, size: 50 }], scales: { x: { time: false } },
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
