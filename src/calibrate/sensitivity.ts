import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_VERSION } from '../catalog/index';
import { METRIC_NAMES } from '../engine/metrics';
import { ENGINE_VERSION } from '../engine/version';
import { readScenarioText } from '../node/scenario-file';
import { gridJobs, runKey, shardJobs, type Shard } from '../experiment/grid';
import type { ProgressSink } from '../experiment/progress';
import type { ArmConfig } from '../experiment/run-one';
import { SPEC_FORMAT, type ExperimentSpec, type RunRecord } from '../experiment/spec';
import { ExperimentDirError, RunStore, writeFileAtomic } from '../experiment/store';
import { stripBom } from '../scenario/input-limits';
import { resolveScenario, scenarioData, scenarioHash } from '../scenario/resolve';
import { hashJson } from '../core/hash';
import { morrisSample } from './morris';
import type { ParamDim } from './param-space';
import { pointConfig, valuesOf } from './point-config';
import { BatchRunner } from './runner';
import { writeSensitivityOutputs, type SensitivityOutputs } from './sensitivity-outputs';

// `exocascade sensitivity`: a Morris screen of one scenario. The design (SALib's trajectories
// in the unit cube, mapped onto each parameter's range) is a set of configurations; each runs
// over the same seeds (common random numbers) and its output is the mean over seeds. The runs
// live in an experiment store (runs.jsonl, one line per run), so a screen survives kill -9,
// resumes, and splits into shards that `exocascade merge` puts back together.

/** The design file of a sensitivity directory (its presence marks the directory as one). */
export const DESIGN_FILE = 'design.json';

/** One varied parameter as recorded in the design. */
export interface DesignParam {
  id: string;
  lo: number;
  hi: number;
  log: boolean;
  integer: boolean;
  unit: string;
  /** Whether the range is documented (false: [min, max] stood in). */
  documented: boolean;
}

/** What fixes a screen's runs; a directory resumes or merges only with the same design. */
export interface SensitivityDesign {
  format: 1;
  scenario: { file: string; name: string; hash: string };
  ticks: number;
  tickHours: number;
  params: DesignParam[];
  trajectories: number;
  levels: number;
  delta: number;
  /** Seed of the design and of the bootstrap. */
  seed: number;
  /** Seeds each design point runs over. */
  seeds: number[];
  /** Design points in the unit cube (trajectory-major, k + 1 rows each). */
  rows: number[][];
  /** Parameter values of each row (what the runs used). */
  values: number[][];
  engineVersion: string;
  catalogVersion: string;
}

/** design.json: the design plus the analysis settings (which may change between invocations). */
export interface DesignFile extends SensitivityDesign {
  /** Metrics analysed. */
  metrics: string[];
  /** The canonical command (options that fix the results). */
  command: string;
}

/** What to run. */
export interface SensitivityOptions {
  scenarioFile: string;
  params: ParamDim[];
  metrics: string[];
  trajectories: number;
  levels: number;
  seeds: number[];
  seed: number;
  ticks?: number;
  workers: number | 'auto';
  shard: Shard | null;
  out: string;
  progress: ProgressSink | null;
  command: string;
}

/** What happened. */
export interface SensitivityResult {
  design: SensitivityDesign;
  planned: number;
  resumed: number;
  ran: number;
  workers: number;
  outputs: SensitivityOutputs | null;
  wallMs: number;
}

/** Name of design point i (zero-padded so files sort in design order). */
export function pointName(i: number): string {
  return `p${String(i).padStart(5, '0')}`;
}

/** The fields of a design that must agree for runs to be reused, as a hash. */
export function designIdentity(d: SensitivityDesign): string {
  const { format, scenario, ticks, tickHours, params, trajectories, levels, seed, seeds, rows, engineVersion, catalogVersion } = d;
  return hashJson({ format, scenario: scenario.hash, ticks, tickHours, params, trajectories, levels, seed, seeds, rows, engineVersion, catalogVersion });
}

/** Reads a directory's design.json, or null. */
export function readDesign(dir: string): DesignFile | null {
  const path = join(dir, DESIGN_FILE);
  if (!existsSync(path)) return null;
  let d: DesignFile;
  try {
    d = JSON.parse(stripBom(readFileSync(path, 'utf8'))) as DesignFile;
  } catch (err) {
    throw new ExperimentDirError(`${path}: unreadable design (${(err as Error).message.slice(0, 200)})`);
  }
  // The fields merging and resuming read; anything less is not a design (exit 2, not a TypeError).
  const ok = typeof d === 'object' && d !== null && !Array.isArray(d) && d.format === 1 && typeof d.scenario?.hash === 'string' &&
    [d.params, d.seeds, d.rows, d.values, d.metrics].every(Array.isArray) && d.rows.length === d.values.length;
  if (!ok) throw new ExperimentDirError(`${path}: not a sensitivity design (expected format 1 with scenario, params, seeds, rows, values and metrics)`);
  return d;
}

/** The experiment spec of a design: one arm per design point, final metrics only. */
export function designSpec(d: SensitivityDesign, hashes: readonly string[]): ExperimentSpec {
  return {
    format: SPEC_FORMAT,
    scenario: d.scenario,
    ticks: d.ticks,
    tickHours: d.tickHours,
    trajectoryEvery: Math.max(1, d.ticks),
    arms: hashes.map((h, i) => ({ name: pointName(i), whatIfs: [], scenarioHash: h })),
    seeds: [...d.seeds],
    engineVersion: d.engineVersion,
    catalogVersion: d.catalogVersion,
    metricNames: [...METRIC_NAMES],
  };
}

/** Builds the design and every point's configuration (validated) for a scenario. */
export function buildDesign(text: string, file: string, opts: Pick<SensitivityOptions, 'params' | 'trajectories' | 'levels' | 'seeds' | 'seed' | 'ticks'>): { design: SensitivityDesign; arms: Record<string, ArmConfig>; hashes: string[] } {
  const data = scenarioData(text, file);
  const base = resolveScenario(data, file, { ticks: opts.ticks });
  const m = morrisSample(opts.params.length, opts.trajectories, opts.levels, opts.seed);
  const arms: Record<string, ArmConfig> = {};
  const hashes: string[] = [];
  m.rows.forEach((row, i) => {
    const arm = pointConfig(data, file, opts.params, row, `design point ${i}`, base.ticks);
    arms[pointName(i)] = arm;
    hashes.push(arm.scenarioHash);
  });
  const design: SensitivityDesign = {
    format: 1,
    scenario: { file, name: base.name, hash: scenarioHash(base) },
    ticks: base.ticks,
    tickHours: base.tickHours,
    params: opts.params.map((d) => ({ id: d.id, lo: d.lo, hi: d.hi, log: d.log, integer: d.spec.integer === true, unit: d.spec.unit, documented: d.documented })),
    trajectories: opts.trajectories,
    levels: opts.levels,
    delta: m.delta,
    seed: opts.seed,
    seeds: [...opts.seeds],
    rows: m.rows,
    values: m.rows.map((r) => valuesOf(opts.params, r)),
    engineVersion: ENGINE_VERSION,
    catalogVersion: CATALOG_VERSION,
  };
  return { design, arms, hashes };
}

/** Final metrics of every run of the design, by point and seed; throws naming what is missing. */
export function designRecords(design: SensitivityDesign, done: ReadonlyMap<string, RunRecord>, where: string): Record<string, number>[][] {
  const missing: string[] = [];
  const out = design.rows.map((_, i) => design.seeds.map((seed) => {
    const rec = done.get(runKey(pointName(i), seed));
    if (!rec) missing.push(`(${pointName(i)}, seed ${seed})`);
    return rec?.metrics ?? {};
  }));
  if (missing.length) {
    throw new ExperimentDirError(`${where}: ${missing.length} of ${design.rows.length * design.seeds.length} runs are missing, e.g. ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`);
  }
  return out;
}

/** Runs (or resumes) a screen and, unless it is one shard, writes its outputs. */
export async function runSensitivity(opts: SensitivityOptions): Promise<SensitivityResult> {
  const started = performance.now(); // det-ok: reported wall time only
  const text = readScenarioText(opts.scenarioFile);
  const { design, arms, hashes } = buildDesign(text, opts.scenarioFile, opts);
  const old = readDesign(opts.out);
  if (old && designIdentity(old) !== designIdentity(design)) {
    throw new ExperimentDirError(`${opts.out} holds a sensitivity screen with another design (scenario, parameters, ranges, trajectories, levels, seed, seeds, run length or engine differ); use another --out, or remove ${opts.out} to start over`);
  }
  const file: DesignFile = { ...design, metrics: [...opts.metrics], command: opts.command };
  const spec = designSpec(design, hashes);
  const store = RunStore.open(opts.out, spec, opts.shard);
  let runner: BatchRunner | null = null;
  try {
    writeFileAtomic(join(opts.out, DESIGN_FILE), `${JSON.stringify(file)}\n`);
    const slice = shardJobs(gridJobs(spec.arms.map((a) => a.name), design.seeds), opts.shard);
    const todo = slice.filter((j) => !store.done.has(runKey(j.arm, j.seed)));
    runner = await BatchRunner.start(todo.length ? opts.workers : 0, opts.progress);
    await runner.run(arms, todo, (rec) => store.append(rec), opts.shard ? `shard ${opts.shard.index}/${opts.shard.count}` : '');
    const outputs = opts.shard ? null : writeSensitivityOutputs(opts.out, file, designRecords(design, store.done, opts.out));
    return { design, planned: slice.length, resumed: slice.length - todo.length, ran: todo.length, workers: runner.workers, outputs, wallMs: performance.now() - started }; // det-ok: reported wall time only
  } finally {
    await runner?.close();
    store.close();
  }
}
