import { Container, Graphics } from 'pixi.js';
import type { CtcKiller } from '../../engine/events';
import type { LayoutVessel } from '../../protocol/engine-api';
import { KILLER_COLOURS } from '../killers';
import { nearestVessel } from './nearest-vessel';


/** Radius of a circulating tumour cell on the map (µm: larger than a tissue cell, so the few in the blood are seen). */
const CTC_RADIUS_UM = 22;
/** Length of a CTC's trail along its vessel, µm. */
const TRAIL_UM = 260;
/** How far from a vessel a circulating cell's mark may lie and still be drawn on it (µm). */
const VESSEL_SNAP_UM = 6;
/** How long a kill burst shows, ms of wall time. */
export const BURST_MS = 1600;

/** A circulating tumour cell as drawn: where, and whether a platelet cloak covers it. */
export interface CtcMark {
  x: number;
  y: number;
  cloaked: boolean;
}

interface Burst {
  x: number;
  y: number;
  killer: CtcKiller;
  ageMs: number;
}

/**
 * The blood stream made visible (issue 14, teaching feature 3): circulating tumour cells drawn
 * large with a short trail behind them along their vessel (cells ride the flow, so the trail is
 * the way they came), a halo when platelets cloak them, and a brief burst where one is killed,
 * coloured by its killer. CTCs are few (tens at most), so plain Graphics redrawn per frame cost
 * little; the many tissue agents stay in particle layers.
 */
export class BloodLayer {
  readonly container = new Container();
  private readonly trails = new Graphics();
  private readonly cells = new Graphics();
  private readonly bursts = new Graphics();
  private live: Burst[] = [];
  private vessels: readonly LayoutVessel[] = [];
  /** Dimmed (another step is in focus). */
  dim = false;
  /** The circulating cells drawn in the last frame. */
  marks: readonly CtcMark[] = [];

  constructor() {
    this.container.addChild(this.trails, this.cells, this.bursts);
    this.container.eventMode = 'none';
  }

  /** Sets the circulation the cells ride. */
  setVessels(vessels: readonly LayoutVessel[]): void {
    this.vessels = vessels;
    this.live = [];
    this.trails.clear();
    this.cells.clear();
    this.bursts.clear();
  }

  /** Draws this frame's circulating cells with their trails and cloaks. */
  setCells(marks: readonly CtcMark[]): void {
    this.marks = marks;
    const t = this.trails.clear();
    const c = this.cells.clear();
    const alpha = this.dim ? 0.35 : 1;
    for (const m of marks) {
      const v = nearestVessel(this.vessels, m.x, m.y, VESSEL_SNAP_UM);
      if (v) {
        // Back along the segment, towards where it came from, fading out.
        const len = Math.hypot(v.bx - v.ax, v.by - v.ay) || 1;
        const ux = (v.ax - v.bx) / len;
        const uy = (v.ay - v.by) / len;
        const back = Math.min(TRAIL_UM, Math.hypot(m.x - v.ax, m.y - v.ay));
        const pieces = 4;
        for (let k = 0; k < pieces; k++) {
          const a = (back * k) / pieces;
          const b = (back * (k + 1)) / pieces;
          t.moveTo(m.x + ux * a, m.y + uy * a).lineTo(m.x + ux * b, m.y + uy * b)
            .stroke({ width: 16 - 3 * k, color: 0xffd166, alpha: alpha * (0.75 - 0.17 * k), cap: 'round' });
        }
      }
      if (m.cloaked) {
        // The platelet cloak: a halo of platelet colour around the cell.
        c.circle(m.x, m.y, CTC_RADIUS_UM + 13).fill({ color: 0xfff3bf, alpha: alpha * 0.28 })
          .circle(m.x, m.y, CTC_RADIUS_UM + 11).stroke({ width: 5, color: 0xffe066, alpha: alpha * 0.95 });
      }
      c.circle(m.x, m.y, CTC_RADIUS_UM).fill({ color: 0xffd166, alpha }).stroke({ width: 3, color: 0x1a1200, alpha: alpha * 0.9 });
    }
  }

  /** Starts a burst where a CTC was killed. */
  addBurst(x: number, y: number, killer: CtcKiller): void {
    this.live.push({ x, y, killer, ageMs: 0 });
    // A long fast-forward must not pile up thousands of bursts.
    if (this.live.length > 200) this.live.splice(0, this.live.length - 200);
  }

  /** Bursts still showing. */
  get bursting(): number {
    return this.live.length;
  }

  /** Advances and redraws the bursts by `deltaMs`; returns whether any is still showing. */
  animate(deltaMs: number): boolean {
    const g = this.bursts.clear();
    for (const b of this.live) b.ageMs += deltaMs;
    this.live = this.live.filter((b) => b.ageMs < BURST_MS);
    for (const b of this.live) {
      const p = b.ageMs / BURST_MS;
      const colour = KILLER_COLOURS[b.killer];
      const r = 20 + 70 * p;
      const fade = 1 - p;
      g.circle(b.x, b.y, r).stroke({ width: 9 * fade + 2, color: colour, alpha: fade });
      for (let k = 0; k < 8; k++) {
        const a = (k * Math.PI) / 4;
        const r0 = r * 0.45;
        g.moveTo(b.x + Math.cos(a) * r0, b.y + Math.sin(a) * r0).lineTo(b.x + Math.cos(a) * r * 1.15, b.y + Math.sin(a) * r * 1.15)
          .stroke({ width: 5 * fade + 1, color: colour, alpha: fade * 0.9, cap: 'round' });
      }
      g.circle(b.x, b.y, 16 * fade + 4).fill({ color: colour, alpha: fade });
    }
    return this.live.length > 0;
  }
}
