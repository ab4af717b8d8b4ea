import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { metricWords } from '../../experiment/metric-words';
import { h, replaceChildren } from '../dom';
import type { SeriesStore } from '../series-store';
import { STEPS, stepOfMetric } from '../steps';

const ORGAN_COLOURS: Record<string, string> = {
  lung: '#4cc9f0', liver: '#f8961e', bone: '#e9ecef', brain: '#c77dff', 'lymph-node': '#90be6d',
};
const COLOURS = ['#ef476f', '#ffd166', '#06d6a0', '#118ab2', '#f78c6b', '#9b5de5', '#00bbf9', '#f15bb5', '#fee440', '#00f5d4'];
/** Metrics whose values live on a 0..1-ish scale get the right-hand axis. */
const FRACTION = /fraction|permeability|niche|education|level/;

interface Chart {
  plot: uPlot;
  metrics: string[];
  box: HTMLElement;
}

/**
 * Live charts of the metrics over time (uPlot), one per step plus one for the rest. Which metric
 * goes where comes from the step definitions' prefixes, so new metrics chart themselves.
 */
export class Charts {
  readonly el = h('div', { class: 'charts' });
  private charts: Chart[] = [];
  private lastDraw = 0;
  /** Charts draw only while their tab is shown. */
  visible = false;

  constructor() {
    new ResizeObserver(() => this.resize()).observe(this.el);
  }

  private tickHours = 1;
  private ghost = false;

  /** Builds the charts for a run's metric names; with `ghost`, each metric also gets a dashed baseline line. */
  reset(names: readonly string[], organs: readonly string[], tickHours: number, ghost = false): void {
    this.tickHours = tickHours;
    this.ghost = ghost;
    for (const c of this.charts) c.plot.destroy();
    const groups = [...STEPS.map((s) => ({ title: `${s.step} · ${s.title}`, step: s.step, metrics: names.filter((n) => stepOfMetric(n)?.step === s.step) })),
      { title: 'Other metrics', step: 0, metrics: names.filter((n) => !stepOfMetric(n)) }];
    const boxes: HTMLElement[] = [];
    this.charts = groups.filter((g) => g.metrics.length > 0).map((g) => {
      const box = h('div', { class: 'chart', 'data-step': g.step });
      boxes.push(h('section', { class: `chart-section step-${g.step}`, id: `chart-step-${g.step}` }, h('h3', {}, g.title), box));
      let colour = 0;
      const lines = g.metrics.map((m) => {
        const organ = organs.find((o) => m.endsWith(`.${o}`));
        const stroke = organ ? ORGAN_COLOURS[organ] ?? COLOURS[colour++ % COLOURS.length] : COLOURS[colour++ % COLOURS.length];
        const w = metricWords(m);
        return {
          label: `${w.label} (${w.unit})`, scale: FRACTION.test(m) ? 'frac' : 'n', width: organ && m.startsWith('metastases.') ? 2.5 : 1.5,
          stroke, points: { show: false },
          value: (_u: uPlot, v: number | null) => (v == null ? '—' : m.startsWith('time.') ? (v < 0 ? 'not yet' : `day ${(v / 24).toFixed(1)}`) : String(Math.round(v * 1000) / 1000)),
        } satisfies uPlot.Series;
      });
      const series: uPlot.Series[] = [
        { label: 'day', value: (_u, v) => (v == null ? '—' : `day ${v.toFixed(1)}`) },
        ...lines,
        // The baseline's ghost: the same metrics dashed and faint, left out of the legend.
        ...(ghost ? lines.map((l) => ({ ...l, label: `${l.label} — baseline`, width: 1.2, dash: [5, 4], stroke: `${l.stroke}88`, class: 'ghost' })) : []),
      ];
      const hasFrac = g.metrics.some((m) => FRACTION.test(m));
      const hasN = g.metrics.some((m) => !FRACTION.test(m));
      const axisStyle = { stroke: '#9aa6bd', grid: { stroke: '#ffffff14' }, ticks: { stroke: '#ffffff22' } };
      const axes: uPlot.Axis[] = [{ ...axisStyle }];
      if (hasN) axes.push({ ...axisStyle, scale: 'n', size: 56 });
      if (hasFrac) axes.push({ ...axisStyle, scale: 'frac', side: 1, size: 48, grid: { show: !hasN } });
      const plot = new uPlot({
        width: Math.max(280, this.el.clientWidth - 8), height: 170, series, axes,
        scales: { x: { time: false }, n: { auto: true }, frac: { auto: true } },
        legend: { live: true }, cursor: { drag: { x: true, y: false } },
      }, [new Float64Array(0), ...series.slice(1).map(() => new Float64Array(0))] as uPlot.AlignedData, box);
      return { plot, metrics: g.metrics, box };
    });
    replaceChildren(this.el,
      ghost ? h('p', { class: 'charts-note muted' }, 'Dashed, faint lines: the baseline — the same scenario and seed without your what-ifs.') : null,
      h('p', { class: 'charts-note muted' }, 'Time in days. Click a legend entry to hide or show its line.'),
      ...boxes);
  }

  /** Redraws with the latest data (at most 4 times a second, and only while shown); `ghost` is the baseline's. */
  update(store: SeriesStore, force = false, ghost: SeriesStore | null = null): void {
    const now = performance.now();
    if (!this.visible || (!force && now - this.lastDraw < 250)) return;
    this.lastDraw = now;
    const n = store.length;
    const days = Array.from(store.ticks(), (t) => (t * this.tickHours) / 24);
    // A ghost that lags behind is drawn as far as it has got (uPlot wants equal lengths: pad with gaps).
    const ghostColumn = (m: string): (number | null)[] => {
      const col = ghost ? ghost.column(m) : new Float64Array(0);
      return Array.from({ length: n }, (_, i) => (i < col.length ? col[i] : null));
    };
    for (const c of this.charts) {
      const data = [days, ...c.metrics.map((m) => store.column(m)), ...(this.ghost ? c.metrics.map(ghostColumn) : [])];
      c.plot.setData(data as uPlot.AlignedData);
    }
  }

  /** Scrolls a step's chart into view. */
  reveal(step: number): void {
    this.el.querySelector(`#chart-step-${step}`)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  private resize(): void {
    const w = Math.max(280, this.el.clientWidth - 8);
    for (const c of this.charts) if (c.plot.width !== w) c.plot.setSize({ width: w, height: 170 });
  }
}
