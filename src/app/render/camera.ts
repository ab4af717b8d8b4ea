import type { Container } from 'pixi.js';

/** Screen px at the top of the map kept free of the fitted body (the blood tally's strip). */
const TOP_INSET_PX = 30;

/** A click on the map that was not a drag, in world µm and screen px. */
export interface MapClick {
  xUm: number;
  yUm: number;
  /** World µm per screen px at the current zoom (for pick radii). */
  umPerPx: number;
}

/**
 * Pan and zoom of the world container with the mouse: drag to pan, wheel to zoom about the
 * cursor, double-click to fit. A press that moves less than a few px is a click.
 */
export class Camera {
  private fitScale = 1;
  private userMoved = false;
  private drag: { x: number; y: number; wx: number; wy: number; moved: boolean } | null = null;

  constructor(
    private readonly el: HTMLElement,
    private readonly world: Container,
    private readonly worldSize: () => { width: number; height: number },
    private readonly onClick: (c: MapClick) => void,
  ) {
    el.addEventListener('wheel', this.onWheel, { passive: false });
    el.addEventListener('pointerdown', this.onDown);
    el.addEventListener('pointermove', this.onMove);
    el.addEventListener('pointerup', this.onUp);
    el.addEventListener('pointercancel', () => (this.drag = null));
    el.addEventListener('dblclick', () => this.fit(true));
  }

  /** Fits the whole world in view; when `force` is false, only if the user has not moved it. */
  fit(force: boolean): void {
    if (this.userMoved && !force) return;
    this.userMoved = false;
    const { width, height } = this.worldSize();
    const w = this.el.parentElement?.clientWidth || this.el.clientWidth || 1;
    const h = this.el.parentElement?.clientHeight || this.el.clientHeight || 1;
    // The blood tally is a strip along the top of the map: fit the body below it.
    const top = Math.min(TOP_INSET_PX, h / 4);
    this.fitScale = Math.min(w / width, (h - top) / height) * 0.98;
    this.world.scale.set(this.fitScale);
    this.world.position.set((w - width * this.fitScale) / 2, top + (h - top - height * this.fitScale) / 2);
  }

  /**
   * Puts a world point at a zoom factor relative to the fitted view, at fraction `anchorX` of the
   * view's width (0.5: centred; less leaves room on the right for a panel).
   */
  focus(xUm: number, yUm: number, zoom: number, anchorX = 0.5): void {
    const s = this.fitScale * zoom;
    this.world.scale.set(s);
    this.world.position.set(this.el.clientWidth * anchorX - xUm * s, this.el.clientHeight / 2 - yUm * s);
    this.userMoved = zoom !== 1;
  }

  /** The view: world point at the centre and zoom relative to the fitted view. */
  view(): { x: number; y: number; zoom: number } {
    const c = this.toWorld(this.el.clientWidth / 2, this.el.clientHeight / 2);
    return { x: c.x, y: c.y, zoom: this.world.scale.x / this.fitScale };
  }

  /** Whether the user (or a link) moved the view away from the fitted one. */
  get moved(): boolean {
    return this.userMoved;
  }

  /**
   * Keyboard pan and zoom on a focusable element: arrows pan a tenth of the view, + and − zoom
   * about the centre, 0 fits. Returns true when the key was used.
   */
  key(e: KeyboardEvent): boolean {
    const w = this.el.clientWidth;
    const h = this.el.clientHeight;
    const step = 0.1;
    const p = this.world.position;
    switch (e.key) {
      case 'ArrowLeft': p.set(p.x + w * step, p.y); break;
      case 'ArrowRight': p.set(p.x - w * step, p.y); break;
      case 'ArrowUp': p.set(p.x, p.y + h * step); break;
      case 'ArrowDown': p.set(p.x, p.y - h * step); break;
      case '+': case '=': this.zoomAbout(w / 2, h / 2, 1.25); break;
      case '-': case '_': this.zoomAbout(w / 2, h / 2, 0.8); break;
      case '0': this.fit(true); return true;
      default: return false;
    }
    this.userMoved = true;
    return true;
  }

  private zoomAbout(px: number, py: number, factor: number): void {
    const before = this.toWorld(px, py);
    const s = Math.min(this.fitScale * 40, Math.max(this.fitScale * 0.5, this.world.scale.x * factor));
    this.world.scale.set(s);
    this.world.position.set(px - before.x * s, py - before.y * s);
  }

  /** World point under a screen point (px relative to the element). */
  toWorld(px: number, py: number): { x: number; y: number } {
    const s = this.world.scale.x;
    return { x: (px - this.world.position.x) / s, y: (py - this.world.position.y) / s };
  }

  private readonly onWheel = (e: WheelEvent): void => {
    e.preventDefault();
    const rect = this.el.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const py = e.clientY - rect.top;
    this.zoomAbout(px, py, Math.exp(-e.deltaY * 0.0015));
    this.userMoved = true;
  };

  private readonly onDown = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    this.drag = { x: e.clientX, y: e.clientY, wx: this.world.position.x, wy: this.world.position.y, moved: false };
    this.el.setPointerCapture(e.pointerId);
  };

  private readonly onMove = (e: PointerEvent): void => {
    const d = this.drag;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && dx * dx + dy * dy < 16) return;
    d.moved = true;
    this.userMoved = true;
    this.el.style.cursor = 'grabbing';
    this.world.position.set(d.wx + dx, d.wy + dy);
  };

  private readonly onUp = (e: PointerEvent): void => {
    const d = this.drag;
    this.drag = null;
    this.el.style.cursor = '';
    if (!d || d.moved) return;
    const rect = this.el.getBoundingClientRect();
    const p = this.toWorld(e.clientX - rect.left, e.clientY - rect.top);
    this.onClick({ xUm: p.x, yUm: p.y, umPerPx: 1 / this.world.scale.x });
  };
}
