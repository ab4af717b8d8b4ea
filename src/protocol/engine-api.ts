import type { ScenarioIssue } from '../scenario/errors';
import type { SimEvent } from '../engine/events';
import type { MetricDef } from '../engine/metrics';

/** Changes applied on top of a scenario text by a caller (CLI flags, UI controls, a shared link). */
export interface RunOverrides {
  seed?: number;
  ticks?: number;
  /** What-if strings (canonical or not) applied after the file's own, as `--what-if` does. */
  whatIfs?: string[];
}

/** Result of loading a scenario into a worker: either the run it set up or why it refused. */
export type InitResult =
  | {
    ok: true;
    /** Increases with every successful init; results of an older run carry an older id. */
    runId: number;
    name: string;
    cancerType: string;
    seed: number;
    ticks: number;
    tickHours: number;
    scenarioHash: string;
    stateHash: string;
    whatIfs: string[];
    /** Cargo ids the tumour packages after the what-ifs, sorted. */
    cargo: string[];
    /** Dose multiplier per cargo id that is not 1. */
    doses: Record<string, number>;
  }
  | { ok: false; file: string; issues: ScenarioIssue[]; message: string };

/** Metrics after a step, for counters and charts. */
export interface StepResult {
  tick: number;
  /** Metric values in METRIC_NAMES order. */
  metrics: number[];
}

/** A rectangular tissue region of the body map (µm). */
export interface LayoutRegion {
  id: number;
  name: string;
  x0Um: number;
  y0Um: number;
  x1Um: number;
  y1Um: number;
  /** Coarse field grid shared by every field of the region. */
  grid: { nx: number; ny: number; cellUm: number };
}

/** One segment of the circulation graph (static for a run). */
export interface LayoutVessel {
  index: number;
  name: string;
  /** Graph nodes it joins (flow runs from → to). */
  from: number;
  to: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
  speedUmPerHour: number;
  /** Region whose capillary bed this is, or -1 for a conducting vessel. */
  bedRegion: number;
  kind: string;
}

/** What a style byte of a point kind means in a frame (see frame.ts for the encoding). */
export interface StyleCode {
  code: number;
  /** Plain-language state, e.g. 'circulating' or 'nk suppressed'. */
  label: string;
}

/**
 * Everything static a renderer needs for the current run: world size, regions with their field
 * grids, the vessel graph, the frame's point kinds and style codes, and the metric definitions.
 */
export interface WorldLayout {
  worldSize: { width: number; height: number };
  regions: LayoutRegion[];
  vessels: LayoutVessel[];
  fieldNames: string[];
  /** Cells per field per region, as readFrame wants them. */
  fieldSizes: number[][];
  /** Point kinds in frame order. */
  pointKinds: string[];
  /** Style codes per point kind. */
  styles: Record<string, StyleCode[]>;
  metrics: MetricDef[];
  tickHours: number;
}

/**
 * What the worker hands over per advance. `frame` and `metrics` are transferred: the receiver
 * owns them, and should give `frame` back (as `recycled` of the next call) once it has copied
 * what it needs, so the worker reuses it instead of allocating.
 */
export interface AdvanceResult {
  runId: number;
  tick: number;
  /** Tick of the first metric row in `metrics`. */
  firstTick: number;
  /** Row-major metric rows (rows × metric count), one per tick from firstTick to tick. */
  metrics: Float64Array;
  /** Events with index ≥ the caller's `eventsKnown`, in order. */
  events: SimEvent[];
  /** Total events so far (the next call's `eventsKnown`). */
  eventCount: number;
  /** Frame of the state at `tick` (see readFrame). */
  frame: ArrayBuffer;
  /** Worker time spent writing the frame into its (recycled) buffer, ms. */
  handoverMs: number;
  /** Worker time spent stepping, ms. */
  stepMs: number;
}

/** Details of one agent, for the inspector. */
export interface AgentDetails {
  kind: string;
  /** Stable generational id (see Pool). */
  id: number;
  x: number;
  y: number;
  /** Style label (state in words). */
  state: string;
  /** 'primary', an organ, or 'blood'. */
  where: string;
  /** Every column of the agent's pool row. */
  columns: Record<string, number>;
  /** Cargo the agent carries (exosomes) or packages (tumour cells), catalog ids. */
  cargo: string[];
  /** For tumour cells: the lineage, its living members by stage, and its events. */
  lineage?: { id: number; members: Record<string, number>; events: SimEvent[] };
}

/** Details of one tissue region, for the inspector. */
export interface RegionDetails {
  id: number;
  name: string;
  /** Mean value of each field over the region. */
  fieldMeans: Record<string, number>;
  /** Agents in the region by kind, then by style label. */
  agents: Record<string, Record<string, number>>;
  /** Mean education of resident cells (0..1), or null when there are none. */
  meanEducation: number | null;
}

/** Frame-pool bookkeeping, to check that buffers are recycled. */
export interface FramePoolStats {
  allocated: number;
  reused: number;
  free: number;
}

/**
 * The one message protocol between the engine's host (Web Worker or Node worker_threads) and
 * its callers (the page, the CLI pool, tests), exposed with comlink.
 */
export interface EngineApi {
  /** Validates and loads a scenario (JSON text); a bad one leaves the current run untouched. */
  init(scenarioText: string, file: string, overrides: RunOverrides): InitResult;
  /** Validates a scenario without touching the run; [] when it would load. */
  validate(scenarioText: string, file: string, overrides: RunOverrides): ScenarioIssue[];
  /** Runs n ticks; returns the metrics after the last. */
  step(n: number): StepResult;
  /** Hash of the full state now. */
  stateHash(): string;
  /** Current tick. */
  tick(): number;
  /** Final metrics by name. */
  metrics(): Record<string, number>;
  /** Static layout of the current run's world. */
  layout(): WorldLayout;
  /**
   * Runs `ticks` ticks (0 = just draw), then hands over metrics since `knownTick`, events since
   * `eventsKnown` and a frame written into `recycled` when it is big enough (else a pooled one).
   */
  advance(ticks: number, knownTick: number, eventsKnown: number, recycled: ArrayBuffer | null): AdvanceResult;
  /** Gives a consumed frame buffer back to the pool without asking for anything. */
  recycle(buffer: ArrayBuffer): void;
  /** Metric rows from `fromTick` to now, row-major. */
  series(fromTick: number): Float64Array;
  /** Events emitted at or after `tick`. */
  eventsSince(tick: number): SimEvent[];
  /** The agent nearest to (x, y) within `radiusUm`, or null. */
  inspect(xUm: number, yUm: number, radiusUm: number): AgentDetails | null;
  /** The agent of `kind` with stable id `id` if it is still alive, else null. */
  inspectAgent(kind: string, id: number): AgentDetails | null;
  /** Every living tumour cell of a lineage (no lineage summary of their own), for following a cell. */
  lineageCells(lineage: number): AgentDetails[];
  /** Field means and agent counts of a tissue region. */
  inspectRegion(regionId: number): RegionDetails | null;
  /** Frame-pool counters. */
  framePoolStats(): FramePoolStats;
  /**
   * Benchmark support: times `frames` frame hand-overs into a recycled buffer against the naive
   * way (a fresh buffer every frame, copied as a structured clone would), in ms each.
   */
  benchHandover(frames: number): { pooledMs: number[]; copyMs: number[] };
}
