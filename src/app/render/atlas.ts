import { Rectangle, Texture } from 'pixi.js';
import type { Shape } from './palette';

/** Side of one sprite cell in the atlas, px. */
const CELL = 32;
const SHAPES: readonly Shape[] = ['cell', 'dot', 'ring', 'diamond', 'square'];

/** The particle atlas: one texture source, one sub-texture per shape (all share the source). */
export interface Atlas {
  texture: Texture;
  frames: Record<Shape, Texture>;
  /** Side of a sprite in texture pixels (scale = size / this). */
  cellPx: number;
}

function drawShape(g: CanvasRenderingContext2D, shape: Shape, cx: number, cy: number): void {
  const r = CELL / 2 - 2;
  g.save();
  g.translate(cx, cy);
  g.fillStyle = '#ffffff';
  g.strokeStyle = '#ffffff';
  switch (shape) {
    case 'cell': {
      // White body, grey nucleus: the tint colours both, the nucleus reads darker.
      g.beginPath();
      g.arc(0, 0, r, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = '#8a8a8a';
      g.beginPath();
      g.arc(1, -1, r * 0.38, 0, Math.PI * 2);
      g.fill();
      break;
    }
    case 'dot': {
      const grad = g.createRadialGradient(0, 0, 0, 0, 0, r);
      grad.addColorStop(0, 'rgba(255,255,255,1)');
      grad.addColorStop(0.55, 'rgba(255,255,255,0.9)');
      grad.addColorStop(1, 'rgba(255,255,255,0)');
      g.fillStyle = grad;
      g.beginPath();
      g.arc(0, 0, r, 0, Math.PI * 2);
      g.fill();
      break;
    }
    case 'ring': {
      g.globalAlpha = 0.35;
      g.beginPath();
      g.arc(0, 0, r, 0, Math.PI * 2);
      g.fill();
      g.globalAlpha = 1;
      g.lineWidth = 5;
      g.beginPath();
      g.arc(0, 0, r - 2.5, 0, Math.PI * 2);
      g.stroke();
      break;
    }
    case 'diamond': {
      g.beginPath();
      g.moveTo(0, -r);
      g.lineTo(r * 0.7, 0);
      g.lineTo(0, r);
      g.lineTo(-r * 0.7, 0);
      g.closePath();
      g.fill();
      break;
    }
    case 'square': {
      g.globalAlpha = 0.9;
      g.beginPath();
      g.roundRect(-r * 0.8, -r * 0.8, r * 1.6, r * 1.6, 5);
      g.fill();
      break;
    }
  }
  g.restore();
}

/**
 * Draws every shape once into one canvas and makes it the single texture all particle
 * containers sample, so each kind is one draw call over one texture.
 */
export function buildAtlas(): Atlas {
  const canvas = document.createElement('canvas');
  canvas.width = CELL * SHAPES.length;
  canvas.height = CELL;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('2D canvas is not available for the particle atlas');
  SHAPES.forEach((s, k) => drawShape(g, s, k * CELL + CELL / 2, CELL / 2));
  const texture = Texture.from(canvas);
  texture.source.scaleMode = 'linear';
  const frames = {} as Record<Shape, Texture>;
  SHAPES.forEach((s, k) => {
    frames[s] = new Texture({ source: texture.source, frame: new Rectangle(k * CELL, 0, CELL, CELL) });
  });
  return { texture, frames, cellPx: CELL };
}
