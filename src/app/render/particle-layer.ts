import { Particle, ParticleContainer, type Texture } from 'pixi.js';

/** Where unused particles are parked: far outside any view, so they are clipped, never shaded. */
const PARK = -1e7;

/**
 * One point kind drawn as pooled particles in a ParticleContainer. Only position and colour are
 * dynamic. Particles are never removed (removeParticle is O(n)): the container holds a pool
 * whose size grows by doubling, and slots past the live count are parked and transparent.
 * Static attributes are re-uploaded only when the pool is resized.
 */
export class ParticleLayer {
  readonly container: ParticleContainer;
  private readonly pool: Particle[] = [];
  private shown = 0;
  /** Style bytes of the points shown (a copy), so a new colour table can be applied without a frame. */
  private styles = new Uint8Array(0);

  constructor(private readonly texture: Texture, private readonly scale: number, worldWidth: number, worldHeight: number) {
    this.container = new ParticleContainer({
      texture,
      dynamicProperties: { position: true, color: true, vertex: false, rotation: false, uvs: false },
    });
    // ParticleContainer computes no bounds; give it the world so culling and extraction see it.
    this.container.boundsArea = { x: 0, y: 0, width: worldWidth, height: worldHeight } as never;
  }

  /** Live particles drawn after the last update. */
  get count(): number {
    return this.shown;
  }

  /** Slots in the container (live + parked). */
  get capacity(): number {
    return this.container.particleChildren.length;
  }

  /**
   * Shows `n` points: positions `xy` (x, y pairs, µm) and colours looked up by style byte.
   * Reads the arrays now and keeps no reference to them.
   */
  update(xy: Float32Array, styles: Uint8Array, n: number, colours: Uint32Array): void {
    this.resize(n);
    if (this.styles.length < n) this.styles = new Uint8Array(Math.max(64, n * 2));
    this.styles.set(styles.subarray(0, n));
    const ps = this.container.particleChildren;
    for (let i = 0; i < n; i++) {
      const p = ps[i];
      p.x = xy[2 * i];
      p.y = xy[2 * i + 1];
      p.color = colours[styles[i]];
    }
    for (let i = n; i < this.shown; i++) {
      const p = ps[i];
      p.x = PARK;
      p.y = PARK;
      p.color = 0;
    }
    this.shown = n;
  }

  /** Recolours the points shown with another colour table (an emphasis changed while paused). */
  recolour(colours: Uint32Array): void {
    const ps = this.container.particleChildren;
    for (let i = 0; i < this.shown; i++) ps[i].color = colours[this.styles[i]];
  }

  /** Grows the container to hold n (doubling), or shrinks it when it is 4× too large. */
  private resize(n: number): void {
    const ps = this.container.particleChildren;
    const cap = ps.length;
    let target = cap;
    if (n > cap) target = Math.max(64, cap * 2, n);
    else if (cap > 256 && n < cap / 4) target = Math.max(64, n * 2);
    if (target === cap) return;
    while (this.pool.length < target) {
      this.pool.push(new Particle({
        texture: this.texture, scaleX: this.scale, scaleY: this.scale, anchorX: 0.5, anchorY: 0.5, x: PARK, y: PARK, alpha: 0,
      }));
    }
    if (target > cap) {
      for (let i = cap; i < target; i++) {
        const p = this.pool[i];
        p.x = PARK;
        p.y = PARK;
        p.color = 0;
        ps.push(p);
      }
    } else {
      ps.length = target;
      if (this.shown > target) this.shown = target;
    }
    this.container.update();
  }
}
