import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
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

  /** Builds the charts for a run's metric names. */
  reset(names: readonly string[], organs: readonly string[], tickHours: number): void {
    for (const c of this.charts) c.plot.destroy();
    const groups = [...STEPS.map((s) => ({ title: `${s.step} · ${s.title}`, step: s.step, metrics: names.filter((n) => stepOfMetric(n)?.step === s.step) })),
      { title: 'Other metrics', step: 0, metrics: names.filter((n) => !stepOfMetric(n)) }];
    const boxes: HTMLElement[] = [];
    this.charts = groups.filter((g) => g.metrics.length > 0).map((g) => {
      const box = h('div', { class: 'chart', 'data-step': g.step });
      boxes.push(h('section', { class: `chart-section step-${g.step}`, id: `chart-step-${g.step}` }, h('h3', {}, g.title), box));
      let colour = 0;
      const series: uPlot.Series[] = [
        { label: 'tick', value: (_u, v) => (v == null ? '—' : `${v} (day ${((v * tickHours) / 24).toFixed(1)})`) },
        ...g.metrics.map((m) => {
          const organ = organs.find((o) => m.endsWith(`.${o}`));
          const dash = organ && !m.startsWith('niche.') && !m.startsWith('exosomes.') ? [6, 3] : undefined;
          return {
            label: m, scale: FRACTION.test(m) ? 'frac' : 'n', width: 1.5,
            stroke: organ ? ORGAN_COLOURS[organ] ?? COLOURS[colour++ % COLOURS.length] : COLOURS[colour++ % COLOURS.length],
            dash, points: { show: false },
          } satisfies uPlot.Series;
        }),
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
      }, [new Float64Array(0), ...g.metrics.map(() => new Float64Array(0))] as uPlot.AlignedData, box);
      return { plot, metrics: g.metrics, box };
    });
    replaceChildren(this.el, ...boxes);
  }

  /** Redraws with the latest data (at most 4 times a second, and only while shown). */
  update(store: SeriesStore, force = false): void {
    const now = performance.now();
    if (!this.visible || (!force && now - this.lastDraw < 250)) return;
    this.lastDraw = now;
    const x = store.ticks();
    for (const c of this.charts) c.plot.setData([x, ...c.metrics.map((m) => store.column(m))] as uPlot.AlignedData);
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
