import { Hasher } from '../core/hash';
import { RngStreams, type RngState } from '../core/rng';
import type { PoolSnapshot } from '../core/pool';
import { CATALOG_VERSION } from '../catalog/index';
import type { RunConfig } from '../scenario/config';
import { FIELD_NAMES } from '../world/world-params';
import type { SimEvent } from './events';
import { POOL_ORDER } from './kinds';
import { METRIC_NAMES } from './metrics';
import { measure } from './measure';
import type { BoundStep } from './module';
import { SCHEDULE } from './schedule';
import { rebuildUptakeGrid } from './uptake-grid';
import { populate } from './populate';
import { applyScheduledWhatIfs } from './timed-whatifs';
import { ENGINE_VERSION, SNAPSHOT_FORMAT } from './version';
import { World } from './world';

/** Everything needed to continue a run exactly where it stopped (plain JSON data). */
export interface Snapshot {
  format: number;
  engineVersion: string;
  catalogVersion: string;
  config: RunConfig;
  tick: number;
  rng: Record<string, RngState>;
  pools: Record<string, PoolSnapshot>;
  /** Field values by region id, then field name. */
  fields: Record<string, number[]>[];
  counters: number[];
  secretionScale: number;
  depletion: number[];
  /** Blood-borne state: platelet TGF-β and vesicle levels, packet-hours per profile. */
  blood: { plateletTgfb: number; plateletVesicles: number; packetHours: number[] };
  effectScale: number[];
  /** Metric values per tick so far (row k = after tick k). */
  series: number[][];
  events: SimEvent[];
}

/**
 * The simulation engine: one run of one configuration. Pure computation with no DOM, worker or
 * clock access, so it runs unchanged in Node, in a Web Worker and in tests, and gives the same
 * state hash in each for the same configuration.
 */
export class Engine {
  /** The frozen configuration. */
  readonly config: RunConfig;
  /** All state. */
  readonly world: World;
  /** Current tick (ticks completed). */
  tick = 0;
  /** Metric vector per completed tick; row 0 is the initial state. */
  readonly series: Float64Array[] = [];
  /** Events emitted so far, in order. */
  readonly events: SimEvent[] = [];
  private readonly rng: RngStreams;
  /** Per phase, each module's bound step and cadence. */
  private readonly phases: { step: BoundStep; everyTicks: number }[][];

  constructor(config: RunConfig, snapshot?: Snapshot) {
    this.config = config;
    this.world = new World(config);
    this.rng = snapshot ? new RngStreams(config.seed, snapshot.rng) : new RngStreams(config.seed);
    const events = this.events;
    const emit = (e: SimEvent) => events.push(e);
    this.phases = SCHEDULE.map(({ modules }) => modules.map((m) => ({
      step: m.bind({ world: this.world, config, rng: this.rng.get(m.id), emit }),
      everyTicks: m.everyTicks,
    })));
    if (snapshot) {
      this.load(snapshot);
    } else {
      populate(this.world, this.rng.get('setup'));
      this.series.push(this.measure());
    }
  }

  /** Recreates an engine from a snapshot (the snapshot's own config is used). */
  static restore(snapshot: Snapshot): Engine {
    if (snapshot.format !== SNAPSHOT_FORMAT) throw new Error(`snapshot format ${snapshot.format} is not supported (expected ${SNAPSHOT_FORMAT})`);
    if (snapshot.engineVersion !== ENGINE_VERSION) {
      throw new Error(`snapshot was made by engine ${snapshot.engineVersion}; this is ${ENGINE_VERSION}`);
    }
    return new Engine(snapshot.config, snapshot);
  }

  /** Advances one tick: timed what-ifs, neighbour grid, then every phase's modules and commit. */
  step(): void {
    const w = this.world;
    applyScheduledWhatIfs(w, this.tick, this.rng.get('what-if'));
    rebuildUptakeGrid(w.uptake, w.pools.tumour, w.pools.stroma);
    for (const modules of this.phases) {
      for (const m of modules) if (this.tick % m.everyTicks === 0) m.step(this.tick);
      this.commitAll();
    }
    this.tick++;
    this.series.push(this.measure());
  }

  /** Runs `ticks` more ticks. */
  run(ticks: number): void {
    for (let k = 0; k < ticks; k++) this.step();
  }

  /** Latest metric values by name. */
  metrics(): Record<string, number> {
    const last = this.series[this.series.length - 1];
    const out: Record<string, number> = {};
    METRIC_NAMES.forEach((name, k) => (out[name] = last[k]));
    return out;
  }

  /** Hash of all state: tick, every pool's live rows, every field, counters, RNG streams. */
  stateHash(): string {
    const h = new Hasher();
    const w = this.world;
    h.number(this.tick);
    for (const name of POOL_ORDER) {
      const pool = w.pools[name];
      h.string(name).word(pool.count).array(pool.id, pool.count);
      const cols = pool.cols as unknown as Record<string, Float64Array>;
      for (const key of pool.columnNames()) h.array(cols[key], pool.count);
    }
    for (const region of w.regions) for (const f of FIELD_NAMES) h.array(region.fields[f].values);
    h.array(w.counters);
    h.number(w.interventions.secretionScale).array(w.interventions.depletion).array(w.cargo.effectScale);
    h.number(w.blood.plateletTgfb).number(w.blood.plateletVesicles).array(w.blood.packetHours);
    const states = this.rng.states();
    for (const id of Object.keys(states)) {
      const s = states[id];
      h.string(id).word(s.x).word(s.y).word(s.z).word(s.w);
    }
    return h.digest();
  }

  /** Plain-data snapshot; `Engine.restore(snapshot)` continues identically. */
  snapshot(): Snapshot {
    const w = this.world;
    const pools: Record<string, PoolSnapshot> = {};
    for (const name of POOL_ORDER) pools[name] = w.pools[name].save();
    return {
      format: SNAPSHOT_FORMAT,
      engineVersion: ENGINE_VERSION,
      catalogVersion: CATALOG_VERSION,
      config: this.config,
      tick: this.tick,
      rng: this.rng.states(),
      pools,
      fields: w.regions.map((r) => Object.fromEntries(FIELD_NAMES.map((f) => [f, Array.from(r.fields[f].values)]))),
      counters: Array.from(w.counters),
      secretionScale: w.interventions.secretionScale,
      depletion: Array.from(w.interventions.depletion),
      blood: { plateletTgfb: w.blood.plateletTgfb, plateletVesicles: w.blood.plateletVesicles, packetHours: Array.from(w.blood.packetHours) },
      effectScale: Array.from(w.cargo.effectScale),
      series: this.series.map((row) => Array.from(row)),
      events: this.events.map((e) => ({ ...e, data: { ...e.data } }) as SimEvent),
    };
  }

  private load(s: Snapshot): void {
    const w = this.world;
    this.tick = s.tick;
    for (const name of POOL_ORDER) w.pools[name].load(s.pools[name]);
    s.fields.forEach((fields, r) => {
      for (const f of FIELD_NAMES) w.regions[r].fields[f].values.set(fields[f]);
    });
    w.counters.set(s.counters);
    w.interventions.secretionScale = s.secretionScale;
    w.interventions.depletion.set(s.depletion);
    w.blood.plateletTgfb = s.blood.plateletTgfb;
    w.blood.plateletVesicles = s.blood.plateletVesicles;
    w.blood.packetHours.set(s.blood.packetHours);
    w.cargo.effectScale.set(s.effectScale);
    for (const row of s.series) this.series.push(Float64Array.from(row));
    for (const e of s.events) this.events.push(e);
  }

  private commitAll(): void {
    for (const name of POOL_ORDER) this.world.pools[name].commit();
  }

  private measure(): Float64Array {
    const out = new Float64Array(METRIC_NAMES.length);
    measure(this.world, out);
    return out;
  }
}
