import { Graphics } from 'pixi.js';
import { leakColour } from './palette';

/** Style byte of a tip cell in a frame's segment styles (others are permeability × 254). */
const TIP = 255;

/**
 * Endothelial segments in tissue (step 2): coloured from tight (blue) to leaky (red), tip cells
 * marked. Segments change slowly, so the shape is rebuilt only when a frame's segments differ
 * from the last ones drawn.
 */
export class TissueVessels {
  readonly graphics = new Graphics();
  private last = new Float32Array(0);
  private lastStyles = new Uint8Array(0);

  /** Clears the layer for a new run. */
  reset(): void {
    this.last = new Float32Array(0);
    this.lastStyles = new Uint8Array(0);
    this.graphics.clear();
  }

  /** Tip cells of the segments last drawn: their far ends (world µm). */
  tips(): Array<{ x: number; y: number }> {
    const out: Array<{ x: number; y: number }> = [];
    for (let i = 0; i < this.lastStyles.length; i++) if (this.lastStyles[i] === TIP) out.push({ x: this.last[4 * i + 2], y: this.last[4 * i + 3] });
    return out;
  }

  /** Draws the frame's segments (4 floats each: ax, ay, bx, by) if they changed; copies what it keeps. */
  update(segments: Float32Array, styles: Uint8Array): void {
    if (sameFloats(segments, this.last) && sameBytes(styles, this.lastStyles)) return;
    this.last = segments.slice();
    this.lastStyles = styles.slice();
    const g = this.graphics;
    g.clear();
    const n = styles.length;
    for (let i = 0; i < n; i++) {
      const s = styles[i];
      const color = s === TIP ? 0xc7f9cc : leakColour(s / 254);
      g.moveTo(segments[4 * i], segments[4 * i + 1]).lineTo(segments[4 * i + 2], segments[4 * i + 3]);
      g.stroke({ width: 7, color, alpha: 0.9, cap: 'round' });
    }
    for (let i = 0; i < n; i++) {
      if (styles[i] !== TIP) continue;
      g.circle(segments[4 * i + 2], segments[4 * i + 3], 9).fill({ color: 0xe9ff70 });
    }
  }
}

function sameFloats(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
