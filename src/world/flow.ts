import type { RngStream } from '../core/rng';
import { nextSegment, type VesselGraph } from './vessels';

/**
 * Moves an agent that is inside the circulation `hours` further along the flow, choosing the
 * next segment at each node by flow fraction, and writes its new segment, arc position and
 * (x, y). Returns the number of nodes passed (0 when it stayed in its segment).
 * Columns are the caller's pool columns; `row` is the agent's row.
 */
export function flowStep(
  graph: VesselGraph, seg: Int32Array, sUm: Float64Array, x: Float64Array, y: Float64Array,
  row: number, hours: number, rng: RngStream,
): number {
  let s = seg[row];
  let segment = graph.segments[s];
  let pos = sUm[row] + segment.speedUmPerHour * hours;
  let passed = 0;
  // Bounded: a very long tick could lap the circulation; cap hops so a tick is O(1) per agent.
  while (pos >= segment.lengthUm && passed < 64) {
    pos -= segment.lengthUm;
    // Time left after the node is spent at the next segment's own speed.
    const leftHours = pos / segment.speedUmPerHour;
    s = nextSegment(graph, segment.to, rng.uniform());
    segment = graph.segments[s];
    pos = leftHours * segment.speedUmPerHour;
    passed++;
  }
  if (pos > segment.lengthUm) pos = segment.lengthUm;
  seg[row] = s;
  sUm[row] = pos;
  placeOnSegment(graph, s, pos, x, y, row);
  return passed;
}

/** Writes the (x, y) of arc position `sUm` along segment `s` into row `row`. */
export function placeOnSegment(graph: VesselGraph, s: number, sUmValue: number, x: Float64Array, y: Float64Array, row: number): void {
  const g = graph.segments[s];
  const f = g.lengthUm > 0 ? sUmValue / g.lengthUm : 0;
  x[row] = g.ax + (g.bx - g.ax) * f;
  y[row] = g.ay + (g.by - g.ay) * f;
}
