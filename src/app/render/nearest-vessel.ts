import type { LayoutVessel } from '../../protocol/engine-api';

/** The circulation segment nearest to (x, y) within maxUm (distance to the segment, not its ends), or undefined. */
export function nearestVessel(vessels: readonly LayoutVessel[], x: number, y: number, maxUm: number): LayoutVessel | undefined {
  let best: LayoutVessel | undefined;
  let bestD = maxUm;
  for (const v of vessels) {
    const dx = v.bx - v.ax;
    const dy = v.by - v.ay;
    const t = Math.max(0, Math.min(1, ((x - v.ax) * dx + (y - v.ay) * dy) / (dx * dx + dy * dy || 1)));
    const d = Math.hypot(v.ax + t * dx - x, v.ay + t * dy - y);
    if (d < bestD) {
      bestD = d;
      best = v;
    }
  }
  return best;
}
