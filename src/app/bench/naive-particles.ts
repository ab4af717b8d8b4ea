import { Particle, ParticleContainer, Texture } from 'pixi.js';

/**
 * The benchmark's baseline for the particle update: what a first version would do — rebuild
 * the container every frame (remove all, create and add a Particle per point) and colour
 * through the `tint` setter (which parses the colour each time). Not used by the app.
 */
export class NaiveParticles {
  readonly container: ParticleContainer;

  constructor(private readonly texture: Texture = Texture.WHITE) {
    this.container = new ParticleContainer({ texture, dynamicProperties: { position: true, color: true } });
  }

  /** Shows `n` points from `xy` with colours (0xRRGGBB) looked up by style byte. */
  update(xy: Float32Array, styles: Uint8Array, n: number, rgb: Uint32Array): void {
    this.container.removeParticles();
    const ps: Particle[] = [];
    for (let i = 0; i < n; i++) {
      const p = new Particle({ texture: this.texture, x: xy[2 * i], y: xy[2 * i + 1] });
      p.tint = rgb[styles[i]];
      ps.push(p);
    }
    if (ps.length) this.container.addParticle(...ps.slice(0, 1));
    // addParticle(...spread) overflows the stack for 100k: push the rest directly, then update.
    for (let i = 1; i < ps.length; i++) this.container.particleChildren.push(ps[i]);
    this.container.update();
  }
}
