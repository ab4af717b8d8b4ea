import { transfer } from 'comlink';
import { Engine } from '../src/engine/engine';
import { FRAME_POINT_KINDS, frameBytes, writeFrame } from '../src/engine/frame';
import { STYLE_OF, frameStyleLegend } from '../src/engine/frame-styles';
import { METRICS } from '../src/engine/metrics';
import type { World } from '../src/engine/world';
import type { SimEvent } from '../src/engine/events';
import { formatWhatIf } from '../src/scenario/whatif';
import { ScenarioError, type ScenarioIssue } from '../src/scenario/errors';
import { parseScenario, scenarioHash } from '../src/scenario/resolve';
import { REGION_BLOOD, REGIONS, WORLD_SIZE_UM } from '../src/world/regions';
import { FIELD_NAMES } from '../src/world/world-params';
import type {
  AdvanceResult, AgentDetails, EngineApi, FramePoolStats, InitResult, RegionDetails, RunOverrides, StepResult, WorldLayout,
} from '../src/protocol/engine-api';

/** Free frame buffers kept for reuse; more than this in flight means the caller is not giving them back. */
const POOL_MAX_FREE = 4;

/**
 * A small pool of frame buffers. A buffer handed out is transferred (detached here), so it is
 * never sent twice; the caller gives it back (a new ArrayBuffer object over the same memory)
 * and it is reused for a later frame.
 */
class FramePool {
  private free: ArrayBuffer[] = [];
  allocated = 0;
  reused = 0;

  /** A buffer of at least `bytes`, reused when one is free. */
  take(bytes: number): ArrayBuffer {
    for (let k = this.free.length - 1; k >= 0; k--) {
      if (this.free[k].byteLength >= bytes) {
        this.reused++;
        return this.free.splice(k, 1)[0];
      }
    }
    this.allocated++;
    // Headroom so a slowly growing population does not allocate on every frame.
    return new ArrayBuffer(Math.ceil(bytes * 1.25));
  }

  /** Returns a buffer; detached, duplicate or surplus buffers are dropped. */
  give(buf: ArrayBuffer): void {
    if (buf.byteLength === 0 || this.free.includes(buf)) return;
    this.free.push(buf);
    if (this.free.length > POOL_MAX_FREE) this.free.sort((a, b) => b.byteLength - a.byteLength).pop();
  }

  stats(): FramePoolStats {
    return { allocated: this.allocated, reused: this.reused, free: this.free.length };
  }
}

/** The style byte writeFrame gives row `i` of a point kind. */
function styleByte(kind: string, c: Record<string, ArrayLike<number>>, i: number): number {
  return STYLE_OF[kind]?.(c, i) ?? 0;
}

function regionName(region: number | undefined): string {
  if (region === undefined || region === REGION_BLOOD) return 'blood';
  return REGIONS[region]?.name ?? `region ${region}`;
}

/**
 * The engine behind the worker protocol. Holds one run; a scenario that fails validation is
 * reported and the previous run is kept, so the caller never loses its last good state.
 */
export class EngineHost implements EngineApi {
  private engine: Engine | null = null;
  private runId = 0;
  private readonly frames = new FramePool();
  private readonly legend = frameStyleLegend();
  private readonly labels = new Map<string, Map<number, string>>(
    Object.entries(this.legend).map(([kind, codes]) => [kind, new Map(codes.map((s) => [s.code, s.label]))]),
  );

  init(scenarioText: string, file: string, overrides: RunOverrides): InitResult {
    try {
      const config = parseScenario(scenarioText, file, overrides);
      this.engine = new Engine(config);
      return {
        ok: true, runId: ++this.runId, name: config.name, cancerType: config.cancerType, seed: config.seed, ticks: config.ticks,
        tickHours: config.tickHours, scenarioHash: scenarioHash(config), stateHash: this.engine.stateHash(),
        whatIfs: config.whatIfs.map(formatWhatIf), cargo: [...config.cargo], doses: { ...config.doses },
      };
    } catch (err) {
      if (err instanceof ScenarioError) return { ok: false, file: err.file, issues: [...err.issues], message: err.message };
      throw err;
    }
  }

  validate(scenarioText: string, file: string, overrides: RunOverrides): ScenarioIssue[] {
    try {
      parseScenario(scenarioText, file, overrides);
      return [];
    } catch (err) {
      if (err instanceof ScenarioError) return [...err.issues];
      return [{ path: '', message: (err as Error).message }];
    }
  }

  step(n: number): StepResult {
    const e = this.require();
    e.run(n);
    return { tick: e.tick, metrics: Array.from(e.series[e.series.length - 1]) };
  }

  stateHash(): string {
    return this.require().stateHash();
  }

  tick(): number {
    return this.require().tick;
  }

  metrics(): Record<string, number> {
    return this.require().metrics();
  }

  layout(): WorldLayout {
    const e = this.require();
    const w = e.world;
    return {
      worldSize: { width: WORLD_SIZE_UM.width, height: WORLD_SIZE_UM.height },
      regions: w.regions.map(({ region, fields }) => {
        const g = fields[FIELD_NAMES[0]];
        return { ...region, grid: { nx: g.nx, ny: g.ny, cellUm: g.cellSizeUm } };
      }),
      vessels: w.graph.segments.map((s) => ({
        index: s.index, name: s.name, ax: s.ax, ay: s.ay, bx: s.bx, by: s.by,
        speedUmPerHour: s.speedUmPerHour, bedRegion: s.bedRegion, kind: s.kind,
      })),
      fieldNames: [...FIELD_NAMES],
      fieldSizes: w.regions.map((r) => FIELD_NAMES.map((f) => r.fields[f].values.length)),
      pointKinds: [...FRAME_POINT_KINDS],
      styles: this.legend,
      metrics: METRICS.map((m) => ({ ...m })),
      tickHours: e.config.tickHours,
    };
  }

  advance(ticks: number, knownTick: number, eventsKnown: number, recycled: ArrayBuffer | null): AdvanceResult {
    const e = this.require();
    if (recycled) this.frames.give(recycled);
    const t0 = performance.now(); // det-ok: timing only
    if (ticks > 0) e.run(ticks);
    const t1 = performance.now(); // det-ok: timing only
    const frame = this.frames.take(frameBytes(e.world));
    writeFrame(e.world, e.tick, frame);
    const handoverMs = performance.now() - t1; // det-ok: timing only
    const firstTick = Math.max(0, Math.min(knownTick + 1, e.tick + 1));
    const metrics = this.series(firstTick);
    const result: AdvanceResult = {
      runId: this.runId, tick: e.tick, firstTick, metrics, events: e.events.slice(eventsKnown),
      eventCount: e.events.length, frame, handoverMs, stepMs: t1 - t0,
    };
    return transfer(result, [frame, metrics.buffer]);
  }

  recycle(buffer: ArrayBuffer): void {
    this.frames.give(buffer);
  }

  series(fromTick: number): Float64Array {
    const e = this.require();
    const n = METRICS.length;
    const from = Math.max(0, fromTick);
    const out = new Float64Array(Math.max(0, e.series.length - from) * n);
    for (let t = from; t < e.series.length; t++) out.set(e.series[t], (t - from) * n);
    return out;
  }

  eventsSince(tick: number): SimEvent[] {
    return this.require().events.filter((ev) => ev.tick >= tick);
  }

  inspect(xUm: number, yUm: number, radiusUm: number): AgentDetails | null {
    const w = this.require().world;
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

  inspectAgent(kind: string, id: number): AgentDetails | null {
    const w = this.require().world;
    if (!(FRAME_POINT_KINDS as readonly string[]).includes(kind)) return null;
    const row = poolOf(w, kind).rowOf(id);
    return row < 0 ? null : this.details(kind, row);
  }

  inspectRegion(regionId: number): RegionDetails | null {
    const w = this.require().world;
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

  framePoolStats(): FramePoolStats {
    return this.frames.stats();
  }

  benchHandover(frames: number): { pooledMs: number[]; copyMs: number[] } {
    const e = this.require();
    const pooledMs: number[] = [];
    const copyMs: number[] = [];
    for (let k = 0; k < frames; k++) {
      let t = performance.now(); // det-ok: timing only
      const buf = this.frames.take(frameBytes(e.world));
      writeFrame(e.world, e.tick, buf);
      pooledMs.push(performance.now() - t); // det-ok: timing only
      this.frames.give(buf);
      t = performance.now(); // det-ok: timing only
      // Without a pool and without transfer: a new buffer per frame, copied on postMessage.
      writeFrame(e.world, e.tick).slice(0);
      copyMs.push(performance.now() - t); // det-ok: timing only
    }
    return { pooledMs, copyMs };
  }

  private details(kind: string, row: number): AgentDetails {
    const e = this.require();
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
    if (c.lineage) {
      const lineage = c.lineage[row];
      const members: Record<string, number> = {};
      for (let i = 0; i < pool.count; i++) {
        if (c.lineage[i] !== lineage) continue;
        const label = this.label(kind, styleByte(kind, c, i));
        members[label] = (members[label] ?? 0) + 1;
      }
      const events = e.events.filter((ev) => Object.entries(ev.data).some(([k, v]) => /lineage/i.test(k) && v === lineage));
      out.lineage = { id: lineage, members, events };
    }
    return out;
  }

  private label(kind: string, code: number): string {
    return this.labels.get(kind)?.get(code) ?? `${kind} state ${code}`;
  }

  private require(): Engine {
    if (!this.engine) throw new Error('no scenario loaded: call init first');
    return this.engine;
  }
}

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
