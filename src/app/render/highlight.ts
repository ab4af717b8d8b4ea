import { Container, Graphics } from 'pixi.js';

/** A rectangle in world µm. */
export interface WorldRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Attention marks on the map: a pulsing outline for a lesson checkpoint (region, point or the
 * whole circulation) and a ring that follows the agent open in the inspector.
 */
export class Highlight {
  readonly container = new Container();
  private readonly pulse = new Graphics();
  private readonly selection = new Graphics();
  private phase = 0;

  constructor() {
    this.container.addChild(this.pulse, this.selection);
    this.container.eventMode = 'none';
  }

  /** Outlines a region (lesson checkpoint). */
  region(r: WorldRect): void {
    this.pulse.clear().roundRect(r.x0 - 14, r.y0 - 14, r.x1 - r.x0 + 28, r.y1 - r.y0 + 28, 36).stroke({ width: 14, color: 0xfff3b0 });
  }

  /** Outlines several regions at once (the organs a traced cargo primes). */
  regions(rs: readonly WorldRect[]): void {
    const g = this.pulse.clear();
    for (const r of rs) g.roundRect(r.x0 - 14, r.y0 - 14, r.x1 - r.x0 + 28, r.y1 - r.y0 + 28, 36).stroke({ width: 14, color: 0xfff3b0 });
  }

  /** Rings a point (an event's place). */
  point(x: number, y: number): void {
    this.pulse.clear().circle(x, y, 60).stroke({ width: 10, color: 0xfff3b0 }).circle(x, y, 110).stroke({ width: 5, color: 0xfff3b0, alpha: 0.6 });
  }

  /** Traces polylines (the circulation, or a route through it); `keep` adds to what is marked. */
  paths(segments: ReadonlyArray<{ ax: number; ay: number; bx: number; by: number }>, keep = false): void {
    const g = keep ? this.pulse : this.pulse.clear();
    for (const s of segments) g.moveTo(s.ax, s.ay).lineTo(s.bx, s.by);
    g.stroke({ width: 26, color: 0xfff3b0, alpha: 0.8, cap: 'round' });
  }

  /** Removes the lesson mark. */
  clearPulse(): void {
    this.pulse.clear();
  }

  /** Adds a ring at a point to what is marked (a followed cell's place on its route). */
  ring(x: number, y: number): void {
    this.pulse.circle(x, y, 60).stroke({ width: 10, color: 0xfff3b0 });
  }

  /** Moves the selection ring to (x, y), or hides it (null). */
  select(at: { x: number; y: number } | null): void {
    this.selection.clear();
    if (at) this.selection.circle(at.x, at.y, 22).stroke({ width: 5, color: 0xffffff }).circle(at.x, at.y, 30).stroke({ width: 3, color: 0x111111, alpha: 0.8 });
  }

  /** Animates the pulse; call once per rendered frame with the frame's ms. */
  animate(deltaMs: number): void {
    this.phase += deltaMs / 1000;
    this.pulse.alpha = 0.55 + 0.45 * Math.sin(this.phase * 5);
  }
}
