import { transfer } from 'comlink';
import { Engine } from '../src/engine/engine';
import type { SimEvent } from '../src/engine/events';
import { frameBytes, writeFrame, FRAME_POINT_KINDS } from '../src/engine/frame';
import { frameStyleLegend } from '../src/engine/frame-styles';
import { METRICS } from '../src/engine/metrics';
import { ScenarioError, type ScenarioIssue } from '../src/scenario/errors';
import { parseScenario, scenarioHash } from '../src/scenario/resolve';
import { formatWhatIf } from '../src/scenario/whatif';
import { WORLD_SIZE_UM } from '../src/world/regions';
import { FIELD_NAMES } from '../src/world/world-params';
import type {
  AdvanceResult, AgentDetails, EngineApi, FramePoolStats, InitResult, RegionDetails, RunOverrides, StepResult, WorldLayout,
} from '../src/protocol/engine-api';
import { benchHandover } from './bench-handover';
import { FramePool } from './frame-pool';
import { WorldInspector } from './inspect-world';

// The engine behind the worker protocol (src/protocol/engine-api.ts), for the browser worker
// and the Node worker alike: it runs the engine and hands over frames, metrics and events;
// inspection (inspect-world.ts), frame buffers (frame-pool.ts) and the hand-over benchmark
// (bench-handover.ts) live in their own modules.

/**
 * The engine behind the worker protocol. Holds one run; a scenario that fails validation is
 * reported and the previous run is kept, so the caller never loses its last good state.
 */
export class EngineHost implements EngineApi {
  private engine: Engine | null = null;
  private runId = 0;
  private inspector: WorldInspector | null = null;
  private readonly frames = new FramePool();
  private readonly legend = frameStyleLegend();

  init(scenarioText: string, file: string, overrides: RunOverrides): InitResult {
    try {
      const config = parseScenario(scenarioText, file, overrides);
      this.engine = new Engine(config);
      this.inspector = new WorldInspector(this.engine, this.legend);
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
        index: s.index, name: s.name, from: s.from, to: s.to, ax: s.ax, ay: s.ay, bx: s.bx, by: s.by,
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
    return this.inspection().at(xUm, yUm, radiusUm);
  }

  inspectAgent(kind: string, id: number): AgentDetails | null {
    return this.inspection().agent(kind, id);
  }

  lineageCells(lineage: number): AgentDetails[] {
    return this.inspection().lineageCells(lineage);
  }

  inspectRegion(regionId: number): RegionDetails | null {
    return this.inspection().region(regionId);
  }

  framePoolStats(): FramePoolStats {
    return this.frames.stats();
  }

  benchHandover(frames: number): { pooledMs: number[]; copyMs: number[] } {
    return benchHandover(this.require(), this.frames, frames);
  }

  private inspection(): WorldInspector {
    this.require();
    return this.inspector!;
  }

  private require(): Engine {
    if (!this.engine) throw new Error('no scenario loaded: call init first');
    return this.engine;
  }
}
