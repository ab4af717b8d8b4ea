import './compare.css';
import { h, replaceChildren, setText } from '../dom';
import { formatSimTime } from '../format';
import { MapView } from '../render/map-view';
import { ARM_A_COLOUR, ARM_B_COLOUR, DiffCharts } from './diff-chart';

/** One side of the split view: its label, hash line and map. */
interface Pane {
  el: HTMLElement;
  title: HTMLElement;
  detail: HTMLElement;
  hash: HTMLElement;
  host: HTMLElement;
  map: MapView;
}

function pane(arm: 'A' | 'B', colour: string): Pane {
  const title = h('strong', {}, arm);
  const detail = h('span', { class: 'compare-detail' });
  const hash = h('code', { class: 'compare-hash', 'data-testid': `compare-hash-${arm.toLowerCase()}` }, '—');
  const host = h('div', { class: 'compare-map', 'aria-label': `Body map of arm ${arm}: drag to pan, wheel to zoom` });
  const el = h('div', { class: 'compare-pane', 'data-arm': arm, style: `--arm:${colour}` },
    h('div', { class: 'compare-label' }, h('span', { class: 'arm-badge' }, arm), title, detail, h('span', { class: 'compare-hash-line', title: 'State hash at the tick shown; the CLI gives the same for this scenario, seed and what-ifs' }, 'state ', hash)),
    host);
  return { el, title, detail, hash, host, map: new MapView() };
}

/**
 * The split view of compare mode: arm A (baseline) and arm B (baseline + what-ifs) side by side,
 * each with its own pixi map, its label, what-ifs and state hash, above the difference charts.
 * It covers the single-run map and the step strip while shown.
 *
 * Two pixi Applications (two WebGL contexts) rather than one application with two containers:
 * it reuses MapView unchanged (pan/zoom, resize, on-demand drawing per view). Measured in
 * headless Chromium (SwiftShader) at tick 120 of the breast preset: a render costs 1.0–1.1 ms
 * of CPU per 510×530 pane (1.2 ms for the single 1022×583 map), an empty extra Application
 * renders in < 0.1 ms, and the rest of a lockstep frame (particle packing, series, charts:
 * ~16 ms for both arms) is the same with one application. So one application would save under
 * 0.1 ms a frame, plus one context's start-up (~0.1 s once; both maps take ~0.5 s to create).
 */
export class CompareView {
  readonly el = h('div', { class: 'compare-view', hidden: true, 'data-testid': 'compare-view' });
  readonly a = pane('A', ARM_A_COLOUR);
  readonly b = pane('B', ARM_B_COLOUR);
  readonly charts = new DiffCharts();
  private readonly status = h('span', { class: 'compare-status' });
  private readonly note = h('span', { class: 'compare-note muted small' });
  private initialised: Promise<number> | null = null;

  constructor() {
    this.el.append(
      h('div', { class: 'compare-head' }, h('strong', {}, 'Compare'), this.status, this.note),
      h('div', { class: 'compare-split' }, this.a.el, this.b.el),
      this.charts.el,
    );
  }

  /** Both maps (pixi apps), created once on first show; resolves with the ms it took. */
  init(): Promise<number> {
    this.initialised ??= (async () => {
      const t0 = performance.now();
      await Promise.all([this.a.map.init(this.a.host), this.b.map.init(this.b.host)]);
      return performance.now() - t0;
    })();
    return this.initialised;
  }

  /** Shows or hides the view. */
  show(on: boolean): void {
    this.el.hidden = !on;
  }

  /** Labels both arms: the scenario, seed and B's what-ifs. */
  label(scenario: string, seed: number, whatIfsA: readonly string[], whatIfsB: readonly string[]): void {
    setText(this.a.title, 'baseline');
    setText(this.a.detail, whatIfsA.length ? `scenario what-ifs: ${whatIfsA.join(', ')}` : 'scenario as written');
    setText(this.b.title, whatIfsB.length > whatIfsA.length ? 'what-if' : 'what-if (none chosen)');
    const own = whatIfsB.slice(whatIfsA.length);
    replaceChildren(this.b.detail, own.length ? h('code', {}, own.join(', ')) : 'pick what-ifs in the What-if tab; until then B equals A');
    setText(this.note, `${scenario} · seed ${seed} · same random streams in both arms`);
  }

  /** Shows the state hashes and the tick they belong to. */
  showHashes(tick: number, hashA: string, hashB: string): void {
    setText(this.a.hash, hashA);
    setText(this.b.hash, hashB);
    this.a.hash.dataset.tick = String(tick);
    this.b.hash.dataset.tick = String(tick);
    this.el.classList.toggle('same-state', hashA === hashB);
  }

  /** Shows the common tick. */
  showTick(tick: number, runTicks: number, tickHours: number): void {
    setText(this.status, `tick ${tick} / ${runTicks} · ${formatSimTime(tick, tickHours)} · both arms`);
  }
}
