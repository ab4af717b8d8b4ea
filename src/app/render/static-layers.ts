import { Container, Graphics, Text } from 'pixi.js';
import type { LayoutRegion, LayoutVessel, WorldLayout } from '../../protocol/engine-api';
import { flowColour, nicheColour } from './palette';

const PRIMARY_FILL = 0x3b1f2e;
const LABEL_STYLE = { fontFamily: 'system-ui, sans-serif', fontSize: 46, fill: 0xf1f4fa, fontWeight: '700' } as const;
// Vessel names at a size that reads when the whole body is fitted on a laptop screen (≈ 11 px).
const SMALL_STYLE = { fontFamily: 'system-ui, sans-serif', fontSize: 38, fill: 0xe3e8f2, fontWeight: '600', stroke: { color: 0x0b1020, width: 8 } } as const;

/** Niche level at which an organ is drawn half-way to fully primed. */
export const NICHE_HALF = 0.08;

/** Maps a niche level to 0..1 for colouring: level / (level + NICHE_HALF). */
export function nicheScale(level: number): number {
  return level > 0 ? level / (level + NICHE_HALF) : 0;
}

/** Display name of a region id ('lymph-node' → 'Lymph node'). */
export function regionTitle(name: string): string {
  const s = name.replace(/-/g, ' ');
  return name === 'primary' ? 'Primary tumour' : s[0].toUpperCase() + s.slice(1);
}

function roundedRegion(r: LayoutRegion): Graphics {
  // Drawn white and coloured through `tint`, so a niche change is one property write.
  return new Graphics()
    .roundRect(r.x0Um, r.y0Um, r.x1Um - r.x0Um, r.y1Um - r.y0Um, 28)
    .fill({ color: 0xffffff })
    .roundRect(r.x0Um, r.y0Um, r.x1Um - r.x0Um, r.y1Um - r.y0Um, 28)
    .stroke({ width: 3, color: 0xffffff, alpha: 0.35 });
}

function arrow(g: Graphics, v: LayoutVessel, color: number, size: number): void {
  const dx = v.bx - v.ax;
  const dy = v.by - v.ay;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const mx = v.ax + dx * 0.5;
  const my = v.ay + dy * 0.5;
  g.moveTo(mx - ux * size - uy * size * 0.7, my - uy * size + ux * size * 0.7)
    .lineTo(mx + ux * size * 0.6, my + uy * size * 0.6)
    .lineTo(mx - ux * size + uy * size * 0.7, my - uy * size - ux * size * 0.7)
    .stroke({ width: 5, color, alpha: 0.9, cap: 'round', join: 'round' });
}

/**
 * The body map's fixed parts: tissue regions (organs tinted by niche level), their labels, and
 * the circulation graph, drawn once per run and tinted by flow speed (lymph in green).
 */
export class StaticLayers {
  readonly regions = new Container();
  readonly circulation = new Container();
  readonly labels = new Container();
  private regionShapes: Graphics[] = [];

  /** Rebuilds everything for a run's layout. */
  build(layout: WorldLayout): void {
    for (const c of [this.regions, this.circulation, this.labels]) c.removeChildren().forEach((ch) => ch.destroy());
    this.regionShapes = layout.regions.map((r) => {
      const g = roundedRegion(r);
      g.tint = r.name === 'primary' ? PRIMARY_FILL : nicheColour(0);
      this.regions.addChild(g);
      const label = new Text({ text: regionTitle(r.name), style: LABEL_STYLE, resolution: 2 });
      label.position.set(r.x0Um + 18, r.y0Um + 10);
      this.labels.addChild(label);
      return g;
    });
    const maxSpeed = Math.max(1, ...layout.vessels.map((v) => v.speedUmPerHour));
    const g = new Graphics();
    for (const v of layout.vessels) {
      const bed = v.bedRegion >= 0;
      const color = flowColour(v.kind, v.speedUmPerHour / maxSpeed);
      // Capillary beds: a wide, faint band (slow flow, where cells arrest and vesicles leave).
      g.moveTo(v.ax, v.ay).lineTo(v.bx, v.by).stroke({ width: bed ? 46 : 16, color, alpha: bed ? 0.28 : 0.85, cap: 'round' });
    }
    for (const v of layout.vessels) if (v.bedRegion < 0) arrow(g, v, 0xffffff, 14);
    this.circulation.addChild(g);
    for (const v of layout.vessels) {
      if (v.bedRegion >= 0 || Math.hypot(v.bx - v.ax, v.by - v.ay) < 260) continue;
      const t = new Text({ text: v.name, style: SMALL_STYLE, resolution: 2 });
      t.anchor.set(0.5, 1.2);
      t.position.set((v.ax + v.bx) / 2, (v.ay + v.by) / 2);
      const angle = Math.atan2(v.by - v.ay, v.bx - v.ax);
      // Keep text upright.
      t.rotation = angle > Math.PI / 2 || angle < -Math.PI / 2 ? angle + Math.PI : angle;
      this.labels.addChild(t);
    }
  }

  /**
   * Colours each organ by its mean niche level (values by region id) on a fixed, saturating
   * scale, so the same level has the same colour in every run and a what-if's effect is visible.
   */
  setNiche(levels: readonly number[]): void {
    this.regionShapes.forEach((g, r) => {
      if (r === 0) return;
      const c = nicheColour(nicheScale(levels[r]));
      // Only on change: a tint write marks the shape for re-upload.
      if (g.tint !== c) g.tint = c;
    });
  }
}
