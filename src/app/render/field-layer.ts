import { BufferImageSource, Container, Sprite, Texture } from 'pixi.js';
import type { LayoutRegion } from '../../protocol/engine-api';

/** Colour ramps of the field overlays (RGB at value 0 and 1; alpha rises with value). */
const RAMPS: Record<string, { lo: [number, number, number]; hi: [number, number, number]; legend: string }> = {
  ecm: { lo: [40, 20, 10], hi: [94, 196, 182], legend: 'ECM density (teal = intact, dark = degraded)' },
  vegf: { lo: [60, 40, 90], hi: [250, 230, 80], legend: 'VEGF (yellow = high)' },
  tgfb: { lo: [40, 30, 80], hi: [200, 120, 255], legend: 'TGF-β (violet = high)' },
  niche: { lo: [60, 30, 10], hi: [255, 150, 40], legend: 'Niche signal (orange = high)' },
};

/** Legend text of a field overlay. */
export function fieldLegend(name: string): string {
  return RAMPS[name]?.legend ?? `${name} (bright = high)`;
}

interface RegionTexture {
  source: BufferImageSource;
  pixels: Uint8Array;
  sprite: Sprite;
}

/**
 * A field overlay: one small texture per region (one texel per field cell), stretched over the
 * region with linear filtering. Only the selected field is converted and uploaded per frame.
 */
export class FieldLayer {
  readonly container = new Container();
  private textures: RegionTexture[] = [];
  /** Selected field, or null for none. */
  field: string | null = null;

  /** Rebuilds textures for a run's regions. */
  build(regions: readonly LayoutRegion[]): void {
    this.container.removeChildren().forEach((c) => c.destroy({ texture: true, textureSource: true }));
    this.textures = regions.map((r) => {
      const { nx, ny } = r.grid;
      const pixels = new Uint8Array(nx * ny * 4);
      const source = new BufferImageSource({ resource: pixels, width: nx, height: ny, format: 'rgba8unorm', scaleMode: 'linear' });
      const sprite = new Sprite(new Texture({ source }));
      sprite.position.set(r.x0Um, r.y0Um);
      sprite.width = r.x1Um - r.x0Um;
      sprite.height = r.y1Um - r.y0Um;
      this.container.addChild(sprite);
      return { source, pixels, sprite };
    });
    this.container.visible = this.field !== null;
  }

  /**
   * Converts the selected field of every region to colours. `values[region]` are the field's
   * cells (row-major); the scale is the largest value over all regions (ECM: at least 1, intact).
   */
  update(values: readonly Float32Array[]): void {
    const name = this.field;
    this.container.visible = name !== null;
    if (name === null) return;
    const ramp = RAMPS[name] ?? RAMPS.niche;
    let max = name === 'ecm' ? 1 : 0;
    for (const v of values) for (let i = 0; i < v.length; i++) if (v[i] > max) max = v[i];
    const inv = max > 0 ? 1 / max : 0;
    values.forEach((v, r) => {
      const t = this.textures[r];
      if (!t) return;
      const px = t.pixels;
      for (let i = 0; i < v.length; i++) {
        const x = Math.min(1, Math.max(0, v[i] * inv));
        px[4 * i] = ramp.lo[0] + (ramp.hi[0] - ramp.lo[0]) * x;
        px[4 * i + 1] = ramp.lo[1] + (ramp.hi[1] - ramp.lo[1]) * x;
        px[4 * i + 2] = ramp.lo[2] + (ramp.hi[2] - ramp.lo[2]) * x;
        // ECM shows where it is missing as much as where it is: keep it fairly opaque.
        px[4 * i + 3] = name === 'ecm' ? 170 : 40 + 200 * Math.sqrt(x);
      }
      t.source.update();
    });
  }
}
