import { Application, Container } from 'pixi.js';
import type { SimEvent } from '../../engine/events';
import type { FrameView } from '../../engine/frame';
import type { WorldLayout } from '../../protocol/engine-api';
import { buildAtlas, type Atlas } from './atlas';
import { BloodLayer, type CtcMark } from './blood-layer';
import { Camera, type MapClick } from './camera';
import { FieldLayer } from './field-layer';
import { Highlight } from './highlight';
import { colourTable, ghostTable, kindStyle } from './palette';
import { ParticleLayer } from './particle-layer';
import { StaticLayers } from './static-layers';
import { TissueVessels } from './tissue-vessels';

/**
 * The pixi.js body map: regions, circulation, field overlay, tissue vessels and one particle
 * layer per agent kind, with pan/zoom and click-to-inspect. It draws on demand (a frame arrived,
 * the view moved, a highlight pulses) rather than every animation frame, so a paused run costs
 * nothing.
 */
export class MapView {
  readonly app = new Application();
  readonly highlight = new Highlight();
  private readonly world = new Container();
  private readonly statics = new StaticLayers();
  private readonly fields = new FieldLayer();
  private readonly vessels = new TissueVessels();
  private readonly particleRoot = new Container();
  private layers = new Map<string, ParticleLayer>();
  private colours = new Map<string, Uint32Array>();
  private hidden = new Set<string>();
  /** The blood stream: CTCs, trails, cloaks and kill bursts. */
  readonly blood = new BloodLayer();
  private readonly ghostRoot = new Container();
  private ghost: ParticleLayer | null = null;
  /** Per tumour style byte: -1 not circulating, 0 a circulating cell, 1 a cloaked one. */
  private ctcCodes = new Int8Array(256).fill(-1);
  private emphasis: ((kind: string, label: string) => boolean) | null = null;
  private atlas!: Atlas;
  private camera!: Camera;
  private layout: WorldLayout | null = null;
  private lastFields: Float32Array[][] = [];
  private dirty = false;
  private pulsing = false;
  private suspended = false;
  private lastRender = 0;
  /** The pixi application exists (init finished): nothing draws before. */
  private initialised = false;
  /** CPU ms of the last render() call (buffer packing and GL submission, not GPU time). */
  renderMs = 0;
  /** Called with a click on the map that was not a drag. */
  onClick: (c: MapClick) => void = () => {};

  /** Creates the WebGL canvas inside `host`. */
  async init(host: HTMLElement): Promise<void> {
    await this.app.init({
      width: Math.max(1, host.clientWidth), height: Math.max(1, host.clientHeight), background: '#0b1020', antialias: true,
      preference: 'webgl', autoStart: false, resolution: Math.min(2, window.devicePixelRatio || 1), autoDensity: true,
    });
    this.app.ticker.stop();
    this.initialised = true;
    host.appendChild(this.app.canvas);
    this.atlas = buildAtlas();
    this.world.addChild(this.statics.regions, this.fields.container, this.statics.circulation, this.vessels.graphics,
      this.ghostRoot, this.particleRoot, this.blood.container, this.statics.labels, this.highlight.container);
    this.app.stage.addChild(this.world);
    this.camera = new Camera(this.app.canvas, this.world, () => this.layout?.worldSize ?? { width: 1, height: 1 }, (c) => this.onClick(c));
    for (const ev of ['wheel', 'pointermove', 'dblclick']) this.app.canvas.addEventListener(ev, () => this.invalidate());
    // The pane's size changes with the layout, not only with the window: follow the element.
    new ResizeObserver(() => {
      this.app.renderer.resize(Math.max(1, host.clientWidth), Math.max(1, host.clientHeight));
      this.camera.fit(false);
      this.invalidate();
    }).observe(host);
    this.invalidate();
  }

  /** Sets up the map for a run's layout (regions, vessels, kinds). */
  setLayout(layout: WorldLayout): void {
    this.layout = layout;
    this.statics.build(layout);
    this.fields.build(layout.regions);
    this.vessels.reset();
    this.particleRoot.removeChildren();
    for (const layer of this.layers.values()) layer.container.destroy();
    this.layers.clear();
    const kinds = [...layout.pointKinds].sort((a, b) => kindStyle(a).layer - kindStyle(b).layer);
    for (const kind of kinds) {
      const style = kindStyle(kind);
      const layer = new ParticleLayer(this.atlas.frames[style.shape], style.sizeUm / this.atlas.cellPx, layout.worldSize.width, layout.worldSize.height);
      layer.container.visible = !this.hidden.has(kind);
      this.layers.set(kind, layer);
      this.particleRoot.addChild(layer.container);
    }
    this.recolour();
    this.ctcCodes.fill(-1);
    for (const c of layout.styles.tumour ?? []) if (c.label.startsWith('circulating')) this.ctcCodes[c.code & 255] = c.label.includes('cloaked') ? 1 : 0;
    this.blood.setVessels(layout.vessels);
    this.clearGhost();
    this.camera.fit(false);
    this.invalidate();
  }

  /** Draws a frame. Reads the frame's arrays now; keeps copies only of the (small) fields. */
  applyFrame(f: FrameView): void {
    const layout = this.layout;
    if (!layout) return;
    layout.pointKinds.forEach((kind, k) => {
      const layer = this.layers.get(kind);
      if (layer) layer.update(f.positions[k], f.styles[k], f.counts[k], this.colours.get(kind)!);
    });
    this.vessels.update(f.segments, f.segmentStyles);
    const k = layout.pointKinds.indexOf('tumour');
    const marks: CtcMark[] = [];
    if (k >= 0 && !this.hidden.has('tumour')) {
      const xy = f.positions[k];
      const st = f.styles[k];
      const codes = this.ctcCodes;
      for (let i = 0; i < f.counts[k]; i++) {
        const c = codes[st[i]];
        if (c >= 0) marks.push({ x: xy[2 * i], y: xy[2 * i + 1], cloaked: c === 1 });
      }
    }
    this.blood.setCells(marks);
    this.keepFields(f.fields);
    this.refreshFields();
    const niche = layout.fieldNames.indexOf('niche');
    if (niche >= 0) this.statics.setNiche(this.lastFields.map((r) => mean(r[niche])));
    this.invalidate();
  }

  /** Starts a burst where each CTC of `events` was killed (other events are ignored). */
  addKills(events: readonly SimEvent[]): void {
    let any = false;
    for (const e of events) {
      if (e.type !== 'ctc-killed') continue;
      this.blood.addBurst(e.data.x, e.data.y, e.data.killer);
      any = true;
    }
    if (any) this.invalidate();
  }

  /** Draws the baseline's tumour cells faintly under this run's (the "ghost" of a what-if). */
  applyGhostFrame(f: FrameView): void {
    const layout = this.layout;
    const k = layout?.pointKinds.indexOf('tumour') ?? -1;
    if (!layout || k < 0 || !this.initialised) return;
    if (!this.ghost) {
      const style = kindStyle('tumour');
      this.ghost = new ParticleLayer(this.atlas.frames[style.shape], (style.sizeUm * 1.3) / this.atlas.cellPx, layout.worldSize.width, layout.worldSize.height);
      this.ghostRoot.addChild(this.ghost.container);
    }
    this.ghost.update(f.positions[k], f.styles[k], f.counts[k], GHOST);
    this.invalidate();
  }

  /** Removes the ghost. */
  clearGhost(): void {
    this.ghostRoot.removeChildren();
    this.ghost?.container.destroy();
    this.ghost = null;
    this.invalidate();
  }

  /** Ghost particles drawn (0 when there is no ghost). */
  ghostCount(): number {
    return this.ghost?.count ?? 0;
  }

  /**
   * Draws the agents `test` picks at full strength and the rest faintly (a lesson step's agents,
   * a traced cargo's targets), or everything normally (null).
   */
  setEmphasis(test: ((kind: string, label: string) => boolean) | null): void {
    this.emphasis = test;
    this.blood.dim = test !== null && !test('tumour', 'circulating');
    this.recolour();
    this.invalidate();
  }

  /** Whether agents in this state are drawn at full strength (true), dimmed (false), or no emphasis is set (null). */
  emphasised(kind: string, label: string): boolean | null {
    return this.emphasis ? this.emphasis(kind, label) : null;
  }

  /** The current view: world point at the centre and zoom relative to the fitted view. */
  view(): { x: number; y: number; zoom: number } {
    return this.camera ? this.camera.view() : { x: 0, y: 0, zoom: 1 };
  }

  /** Handles a key for pan/zoom (arrows, + − 0); true when used. */
  key(e: KeyboardEvent): boolean {
    if (!this.camera || !this.camera.key(e)) return false;
    this.invalidate();
    return true;
  }

  /** Shows a field overlay by name, or none. */
  setField(name: string | null): void {
    this.fields.field = name;
    this.refreshFields();
    this.invalidate();
  }

  /** Shows or hides an agent kind. */
  setKindVisible(kind: string, visible: boolean): void {
    if (visible) this.hidden.delete(kind);
    else this.hidden.add(kind);
    const layer = this.layers.get(kind);
    if (layer) layer.container.visible = visible;
    if (kind === 'tumour') {
      this.blood.container.visible = visible;
      this.ghostRoot.visible = visible;
    }
    this.invalidate();
  }

  /** Live particle count per kind (as last drawn). */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [kind, layer] of this.layers) out[kind] = layer.count;
    return out;
  }

  /** Starts (or stops) the highlight pulse animation. */
  setPulsing(on: boolean): void {
    this.pulsing = on;
    if (!on) this.highlight.clearPulse();
    this.invalidate();
  }

  /** The field overlay shown, or null. */
  get field(): string | null {
    return this.fields.field;
  }

  /** Tip cells of sprouting vessels as last drawn (world µm). */
  tips(): Array<{ x: number; y: number }> {
    return this.vessels.tips();
  }

  private recolour(): void {
    const layout = this.layout;
    if (!layout) return;
    for (const kind of layout.pointKinds) {
      const lut = colourTable(kind, layout.styles[kind] ?? [], this.emphasis);
      this.colours.set(kind, lut);
      this.layers.get(kind)?.recolour(lut);
    }
  }

  /** Puts a point at `anchorX` of the view's width (zoom relative to the fitted view), or fits when zoom is 1. */
  focus(x: number, y: number, zoom: number, anchorX = 0.5): void {
    if (!this.camera) return;
    if (zoom === 1) this.camera.fit(true);
    else this.camera.focus(x, y, zoom, anchorX);
    this.invalidate();
  }

  /** Stops (or resumes) drawing on its own; the benchmark draws explicitly while measuring. */
  suspendDrawing(on: boolean): void {
    this.suspended = on;
    if (!on) this.invalidate();
  }

  /** The particle layers (one per agent kind), for the benchmark. */
  particleLayers(): ParticleLayer[] {
    return [...this.layers.values()];
  }

  /**
   * Marks the view as needing a redraw. The draw happens on the next animation frame, or after
   * a short timeout when frames are throttled (headless browsers only draw when something changed).
   */
  invalidate(): void {
    // Before init (e.g. compare's maps, set up on first use) a legend change only records state.
    if (this.dirty || !this.initialised) return;
    this.dirty = true;
    requestAnimationFrame(this.draw);
    setTimeout(this.draw, 100);
  }

  /** The current view as a PNG data URL (rendered now, so the canvas has content). */
  toPng(): string {
    this.app.render();
    return this.app.canvas.toDataURL('image/png');
  }

  /** Copies the frame's fields into buffers kept across frames (reallocated only when sizes change). */
  private keepFields(fields: readonly Float32Array[][]): void {
    const kept = this.lastFields;
    const same = kept.length === fields.length && fields.every((r, i) => r.length === kept[i].length && r.every((a, j) => a.length === kept[i][j].length));
    if (!same) this.lastFields = fields.map((r) => r.map((a) => a.slice()));
    else fields.forEach((r, i) => r.forEach((a, j) => kept[i][j].set(a)));
  }

  private refreshFields(): void {
    const layout = this.layout;
    if (!layout || this.lastFields.length === 0) return;
    const k = this.fields.field === null ? -1 : layout.fieldNames.indexOf(this.fields.field);
    if (k < 0) {
      this.fields.field = null;
      this.fields.update([]);
      return;
    }
    this.fields.update(this.lastFields.map((r) => r[k]));
  }

  private readonly draw = (): void => {
    if (!this.dirty || this.suspended || !this.initialised) return;
    this.dirty = false;
    const now = performance.now();
    const delta = Math.min(200, now - (this.lastRender || now));
    if (this.pulsing) this.highlight.animate(delta);
    const bursting = this.blood.animate(delta);
    // Pulses and bursts need ~12 frames a second, not the display rate: keep the GPU mostly idle.
    if (this.pulsing || bursting) setTimeout(() => (this.pulsing || this.blood.bursting > 0) && this.invalidate(), 80);
    this.lastRender = now;
    this.app.render();
    this.renderMs = performance.now() - now;
  };
}

/** One faint colour for every ghost cell. */
const GHOST = ghostTable();

function mean(a: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return a.length ? s / a.length : 0;
}
