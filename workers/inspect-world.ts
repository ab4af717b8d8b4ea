import type { Engine } from '../src/engine/engine';
import { lineageOf } from '../src/engine/events';
import { FRAME_POINT_KINDS } from '../src/engine/frame';
import { STYLE_OF, type FrameStyleCode } from '../src/engine/frame-styles';
import type { World } from '../src/engine/world';
import type { AgentDetails, RegionDetails } from '../src/protocol/engine-api';
import { REGION_BLOOD, REGIONS } from '../src/world/regions';
import { FIELD_NAMES } from '../src/world/world-params';

// What the page's inspector asks of a run: the agent under the pointer, one agent by id (with
// its lineage and cargo), and a region's fields and residents. Reads the engine's state; never
// changes it.

/** A point kind's pool as inspection reads it (columns by name). */
interface PointPool {
  count: number;
  id: Float64Array;
  cols: Record<string, ArrayLike<number>> & { x: Float64Array; y: Float64Array };
  columnNames(): string[];
  rowOf(id: number): number;
}

function poolOf(w: World, kind: string): PointPool {
  return (w.pools as unknown as Record<string, PointPool>)[kind];
}

/** The style byte writeFrame gives row `i` of a point kind. */
function styleByte(kind: string, c: Record<string, ArrayLike<number>>, i: number): number {
  return STYLE_OF[kind]?.(c, i) ?? 0;
}

function regionName(region: number | undefined): string {
  if (region === undefined || region === REGION_BLOOD) return 'blood';
  return REGIONS[region]?.name ?? `region ${region}`;
}

/** Inspection of one engine's state, labelling agents with the frame legend's state names. */
export class WorldInspector {
  private readonly labels: Map<string, Map<number, string>>;

  constructor(private readonly engine: Engine, legend: Readonly<Record<string, readonly FrameStyleCode[]>>) {
    this.labels = new Map(Object.entries(legend).map(([kind, codes]) => [kind, new Map(codes.map((s) => [s.code, s.label]))]));
  }

  /** The agent nearest (xUm, yUm) within radiusUm, or null; ties go to the kind drawn on top. */
  at(xUm: number, yUm: number, radiusUm: number): AgentDetails | null {
    const w = this.engine.world;
    let best: { kind: string; row: number } | null = null;
    let bestD2 = radiusUm * radiusUm;
    for (const kind of FRAME_POINT_KINDS) {
      const pool = poolOf(w, kind);
      const x = pool.cols.x;
      const y = pool.cols.y;
      for (let i = 0; i < pool.count; i++) {
        const dx = x[i] - xUm;
        const dy = y[i] - yUm;
        const d2 = dx * dx + dy * dy;
        // Ties go to the later kind in frame order: it is drawn on top.
        if (d2 <= bestD2) {
          bestD2 = d2;
          best = { kind, row: i };
        }
      }
    }
    return best ? this.details(best.kind, best.row) : null;
  }

  /** The agent of `kind` with generational id `id`, or null when it is gone. */
  agent(kind: string, id: number): AgentDetails | null {
    if (!(FRAME_POINT_KINDS as readonly string[]).includes(kind)) return null;
    const row = poolOf(this.engine.world, kind).rowOf(id);
    return row < 0 ? null : this.details(kind, row);
  }

  /** Every living tumour cell of a lineage, without lineage summaries (a followed cell's candidates). */
  lineageCells(lineage: number): AgentDetails[] {
    const pool = poolOf(this.engine.world, 'tumour');
    const out: AgentDetails[] = [];
    for (let i = 0; i < pool.count; i++) if (pool.cols.lineage[i] === lineage) out.push(this.details('tumour', i, false));
    return out;
  }

  /** A region's mean field values, its agents counted by state and its residents' mean education. */
  region(regionId: number): RegionDetails | null {
    const w = this.engine.world;
    const r = w.regions[regionId];
    if (!r) return null;
    const fieldMeans: Record<string, number> = {};
    for (const f of FIELD_NAMES) fieldMeans[f] = r.fields[f].total() / r.fields[f].values.length;
    const agents: Record<string, Record<string, number>> = {};
    let education = 0;
    let residents = 0;
    for (const kind of FRAME_POINT_KINDS) {
      const pool = poolOf(w, kind);
      const c = pool.cols;
      if (!c.region) continue;
      const counts: Record<string, number> = {};
      for (let i = 0; i < pool.count; i++) {
        if (c.region[i] !== regionId) continue;
        const label = this.label(kind, styleByte(kind, c, i));
        counts[label] = (counts[label] ?? 0) + 1;
        if (c.education) {
          education += c.education[i];
          residents++;
        }
      }
      if (Object.keys(counts).length) agents[kind] = counts;
    }
    return { id: regionId, name: r.region.name, fieldMeans, agents, meanEducation: residents ? education / residents : null };
  }

  private details(kind: string, row: number, withLineage = true): AgentDetails {
    const e = this.engine;
    const w = e.world;
    const pool = poolOf(w, kind);
    const c = pool.cols;
    const columns: Record<string, number> = {};
    for (const name of pool.columnNames()) columns[name] = c[name][row];
    let cargo: string[] = [];
    if (c.profile) cargo = w.cargo.cargoOf(c.profile[row]);
    else if (c.clone) {
      const clone = w.clones[c.clone[row]];
      if (clone) cargo = w.cargo.cargoOf(clone.profile);
    }
    const out: AgentDetails = {
      kind, id: pool.id[row], x: c.x[row], y: c.y[row], state: this.label(kind, styleByte(kind, c, row)),
      where: regionName(c.region?.[row]), columns, cargo,
    };
    if (c.lineage && withLineage) {
      const lineage = c.lineage[row];
      const members: Record<string, number> = {};
      for (let i = 0; i < pool.count; i++) {
        if (c.lineage[i] !== lineage) continue;
        const label = this.label(kind, styleByte(kind, c, i));
        members[label] = (members[label] ?? 0) + 1;
      }
      out.lineage = { id: lineage, members, events: e.events.filter((ev) => lineageOf(ev) === lineage) };
    }
    return out;
  }

  private label(kind: string, code: number): string {
    return this.labels.get(kind)?.get(code) ?? `${kind} state ${code}`;
  }
}
