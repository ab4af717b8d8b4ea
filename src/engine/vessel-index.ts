import { NeighbourGrid } from '../core/neighbour-grid';
import type { Region } from '../world/regions';
import type { endotheliumPool } from './kinds';

/**
 * The endothelial segments of one tissue region indexed by their midpoints, so a cell finds the
 * vessels within reach through a neighbour grid instead of scanning every segment. Working
 * memory of one run (rebuilt whenever the caller needs it current).
 */
export class VesselIndex {
  private readonly grid: NeighbourGrid;
  private xs = new Float64Array(256);
  private ys = new Float64Array(256);
  private permeability = new Float64Array(256);

  /** An index over `region`, with grid cells of about `reachUm` (the usual query radius). */
  constructor(private readonly region: Region, reachUm: number) {
    const w = region.x1Um - region.x0Um;
    const h = region.y1Um - region.y0Um;
    this.grid = new NeighbourGrid(region.x0Um, region.y0Um, w, h, Math.min(Math.max(reachUm, 1), w, h));
  }

  /** Indexes the segments of the region as they are now. */
  rebuild(e: ReturnType<typeof endotheliumPool>): void {
    const c = e.cols;
    if (this.xs.length < e.count) {
      this.xs = new Float64Array(2 * e.count);
      this.ys = new Float64Array(2 * e.count);
      this.permeability = new Float64Array(2 * e.count);
    }
    let n = 0;
    for (let s = 0; s < e.count; s++) {
      if (c.region[s] !== this.region.id) continue;
      this.xs[n] = (c.ax[s] + c.bx[s]) / 2;
      this.ys[n] = (c.ay[s] + c.by[s]) / 2;
      this.permeability[n++] = c.permeability[s];
    }
    this.grid.rebuild(this.xs, this.ys, n);
  }

  /** Highest permeability of a segment whose midpoint is within `reachUm` of (x, y), or -1 if none. */
  bestPermeabilityWithin(x: number, y: number, reachUm: number): number {
    const best = this.grid.maxWithin(x, y, reachUm, this.xs, this.ys, this.permeability);
    return best === -Infinity ? -1 : best;
  }
}
