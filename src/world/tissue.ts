import type { Region } from './regions';

/** Reflects a coordinate into [lo, hi] (a random walk bouncing off a region's wall). */
export function reflect(v: number, lo: number, hi: number): number {
  if (v < lo) v = lo + (lo - v);
  if (v > hi) v = hi - (v - hi);
  // A step longer than the region could still be outside after one bounce.
  return v < lo ? lo : v > hi ? hi : v;
}

/** Clamps (x, y) into a region; returns x and writes nothing (use with clampY). */
export function clampX(region: Region, x: number): number {
  return x < region.x0Um ? region.x0Um : x > region.x1Um ? region.x1Um : x;
}

/** Clamps y into a region. */
export function clampY(region: Region, y: number): number {
  return y < region.y0Um ? region.y0Um : y > region.y1Um ? region.y1Um : y;
}
