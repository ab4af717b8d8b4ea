import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_VERSION } from '../catalog/index';
import { hashJson } from '../core/hash';
import { METRIC_NAMES } from '../engine/metrics';
import { ENGINE_VERSION } from '../engine/version';
import type { ProgressSink } from '../experiment/progress';
import { ExperimentDirError, takeLock, writeFileAtomic } from '../experiment/store';
import { resolveScenario, scenarioHash } from '../scenario/resolve';
import { abcSmc, type Generation, type Proposal } from './abc-smc';
import { writeCalibrationOutputs, type CalibrationOutputs } from './calibrate-outputs';
import { evaluateCandidates, loadPresets, type Preset } from './candidate';
import { checkTarget, type TargetCheck } from './distance';
import { EvalLog, evaluationKey } from './eval-log';
import { fragmentOf, type ParamDim, type ScenarioFragment } from './param-space';
import { valuesOf } from './point-config';
import { weightedQuantile } from './quantile';
import { BatchRunner } from './runner';
import { loadTargetsFile, runKeyOf, type TargetsFile } from './targets';

// `exocascade calibrate`: ABC-SMC of the chosen parameters against a targets file. The run
// directory holds calibration.json (what fixes the run), evaluations.jsonl (every evaluated
// candidate, append-only, checksummed) and generations/gen-NNN.json (each completed
// generation, written atomically). A rerun of the same command after kill -9 reloads the
// completed generations, replays the log instead of re-running what it holds, and goes on —
// ending with the same particles as an uninterrupted run. More --generations extends a run.

/** File names in a calibration directory. */
export const CALIBRATION_FILES = { manifest: 'calibration.json', evaluations: 'evaluations.jsonl', generations: 'generations' } as const;

/** How the calibrated point is chosen from the last generation. */
export type PointChoice = 'median' | 'best';

/** What to run. */
export interface CalibrateOptions {
  targetsFile: string;
  scenariosDir: string;
  params: ParamDim[];
  particles: number;
  generations: number;
  quantile: number;
  seeds: number[];
  seed: number;
  /** Seeds of the final check of the chosen point (fresh ones, by default). */
  checkSeeds: number[];
  point: PointChoice;
  ticks?: number;
  workers: number | 'auto';
  out: string;
  progress: ProgressSink | null;
  command: string;
}

/** calibration.json: the identity of a run (a resume must match it) plus descriptive fields. */
export interface CalibrationManifest {
  format: 1;
  targets: { file: string; hash: string };
  params: { id: string; lo: number; hi: number; log: boolean; integer: boolean; unit: string; documented: boolean }[];
  particles: number;
  quantile: number;
  seed: number;
  seeds: number[];
  ticks: number | null;
  presets: { id: string; file: string; hash: string }[];
  engineVersion: string;
  catalogVersion: string;
}

/** The chosen point and its check against every target. */
export interface CalibrationCheck {
  choice: PointChoice;
  u: number[];
  values: number[];
  fragment: ScenarioFragment;
  seeds: number[];
  checks: TargetCheck[];
  distance: number;
}

/** What happened. */
export interface CalibrateResult {
  manifest: CalibrationManifest;
  generations: Generation[];
  stopped: string | null;
  /** Candidates evaluated now (not replayed from the log). */
  evaluated: number;
  replayed: number;
  runs: number;
  damagedLines: number;
  check: CalibrationCheck;
  outputs: CalibrationOutputs;
  workers: number;
  wallMs: number;
}

/** Loads a targets file against this engine's metrics and the presets in `scenariosDir`. */
export function loadTargets(file: string, scenariosDir: string): TargetsFile {
  const presets = ['breast', 'pancreatic', 'melanoma', 'colorectal', 'hcc', 'lung', 'gastric', 'prostate'].filter((p) => existsSync(join(scenariosDir, `${p}.json`)));
  return loadTargetsFile(file, { metrics: METRIC_NAMES, presets });
}

function manifestOf(opts: CalibrateOptions, targetsText: string, presets: readonly Preset[]): CalibrationManifest {
  return {
    format: 1,
    targets: { file: opts.targetsFile, hash: hashJson(targetsText) },
    params: opts.params.map((d) => ({ id: d.id, lo: d.lo, hi: d.hi, log: d.log, integer: d.spec.integer === true, unit: d.spec.unit, documented: d.documented })),
    particles: opts.particles,
    quantile: opts.quantile,
    seed: opts.seed,
    seeds: [...opts.seeds],
    ticks: opts.ticks ?? null,
    presets: presets.map((p) => ({ id: p.id, file: p.file, hash: scenarioHash(resolveScenario(p.data, p.file, { ticks: opts.ticks })) })),
    engineVersion: ENGINE_VERSION,
    catalogVersion: CATALOG_VERSION,
  };
}

/** A JSON file of the calibration directory; one that does not parse is an ExperimentDirError naming it (exit 2). */
function readJson(path: string, reviver?: (key: string, value: unknown) => unknown): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'), reviver);
  } catch (err) {
    throw new ExperimentDirError(`${path}: unreadable (${(err as Error).message.slice(0, 200)}); remove it, or the directory to start over`);
  }
}

/** Completed generations saved in a directory, in order (stops at the first gap). */
function loadGenerations(dir: string, particles: number): Generation[] {
  const out: Generation[] = [];
  for (let t = 0; ; t++) {
    const path = join(dir, CALIBRATION_FILES.generations, `gen-${String(t).padStart(3, '0')}.json`);
    if (!existsSync(path)) return out;
    const g = readJson(path, (k, v) => (k === 'epsilon' && v === null ? Infinity : v)) as Generation;
    if (typeof g !== 'object' || g === null || g.t !== t || !Array.isArray(g.particles) || g.particles.length !== particles) throw new ExperimentDirError(`${path}: not generation ${t} of ${particles} particles`);
    out.push(g);
  }
}

/** The point chosen from the last generation, in the unit cube. */
export function choosePoint(g: Generation, choice: PointChoice): number[] {
  if (choice === 'best') {
    let best = g.particles[0];
    for (const p of g.particles) if (p.distance < best.distance) best = p;
    return [...best.u];
  }
  const w = g.particles.map((p) => p.weight);
  return g.particles[0].u.map((_, j) => weightedQuantile(g.particles.map((p) => p.u[j]), w, 0.5));
}

/** Runs (or resumes) a calibration and writes its outputs. */
export async function runCalibration(opts: CalibrateOptions): Promise<CalibrateResult> {
  const started = performance.now(); // det-ok: reported wall time only
  const targetsText = readFileSync(opts.targetsFile, 'utf8');
  const targets = loadTargets(opts.targetsFile, opts.scenariosDir);
  const presets = loadPresets(targets, opts.scenariosDir);
  const manifest = manifestOf(opts, targetsText, presets);
  const manifestPath = join(opts.out, CALIBRATION_FILES.manifest);
  if (existsSync(manifestPath)) {
    const old = readJson(manifestPath) as CalibrationManifest;
    if (hashJson(old) !== hashJson(manifest)) {
      throw new ExperimentDirError(`${opts.out} holds another calibration (targets, parameters, particles, quantile, seed, seeds, run length, presets or engine differ); use another --out, or remove ${opts.out} to start over`);
    }
  }
  mkdirSync(join(opts.out, CALIBRATION_FILES.generations), { recursive: true });
  const lock = takeLock(opts.out);
  const log = EvalLog.open(join(opts.out, CALIBRATION_FILES.evaluations));
  let runner: BatchRunner | null = null;
  try {
    writeFileAtomic(manifestPath, `${JSON.stringify(manifest, null, 1)}\n`);
    const resume = loadGenerations(opts.out, opts.particles);
    runner = await BatchRunner.start(opts.workers, opts.progress);
    const ctx = { targets, presets, seeds: opts.seeds, ticks: opts.ticks, runner };
    let evaluated = 0;
    let replayed = 0;
    let status = '';
    const evaluate = async (batch: readonly Proposal[]): Promise<number[]> => {
      const todo = batch.filter((p) => {
        const e = log.read.byKey.get(evaluationKey(p.t, p.index));
        if (e && e.u.some((v, j) => v !== p.u[j])) throw new ExperimentDirError(`${opts.out}: evaluation ${p.t}/${p.index} in the log is of another point; the log does not belong to this run`);
        return !e;
      });
      replayed += batch.length - todo.length;
      evaluated += todo.length;
      await evaluateCandidates(ctx, todo.map((p) => ({ key: evaluationKey(p.t, p.index), label: `generation ${p.t}, proposal ${p.index}`, fragment: fragmentOf(opts.params, valuesOf(opts.params, p.u)) })),
        `generation ${batch[0].t}${status}`, (key, r) => {
          const p = todo.find((x) => evaluationKey(x.t, x.index) === key)!;
          log.append({ t: p.t, k: p.index, u: p.u, d: r.total, targets: r.distances });
        });
      return batch.map((p) => log.read.byKey.get(evaluationKey(p.t, p.index))!.d);
    };
    const result = await abcSmc({ dims: opts.params.length, particles: opts.particles, generations: opts.generations, quantile: opts.quantile, seed: opts.seed, minBatch: 2 * Math.max(1, runner.workers) }, evaluate, {
      resume: resume.slice(0, opts.generations),
      onGeneration: (g) => writeFileAtomic(join(opts.out, CALIBRATION_FILES.generations, `gen-${String(g.t).padStart(3, '0')}.json`), `${JSON.stringify(g)}\n`),
      onBatch: (b) => (status = `  ε ${b.epsilon === Infinity ? '∞' : b.epsilon.toPrecision(3)}  ${b.accepted}/${opts.particles} accepted of ${b.proposed} proposed`),
    });
    if (!result.generations.length) throw new Error(`calibration produced no generation: ${result.stopped}`);
    const last = result.generations[result.generations.length - 1];
    const u = choosePoint(last, opts.point);
    const check = await checkPoint({ ...ctx, seeds: opts.checkSeeds }, opts.params, u, opts.point, opts.seed);
    const outputs = writeCalibrationOutputs(opts.out, { manifest, params: opts.params, generations: result.generations, check, targets, command: opts.command, stopped: result.stopped });
    const runs = (evaluated * presets.length * opts.seeds.length) + presets.length * opts.checkSeeds.length;
    return { manifest, generations: result.generations, stopped: result.stopped, evaluated, replayed, runs, damagedLines: log.read.damaged.length, check, outputs, workers: runner.workers, wallMs: performance.now() - started }; // det-ok: reported wall time only
  } finally {
    await runner?.close();
    log.close();
    rmSync(lock, { force: true });
  }
}

/** Runs a point over the check seeds and checks every target with its bootstrap band. */
export async function checkPoint(ctx: Parameters<typeof evaluateCandidates>[0], space: readonly ParamDim[], u: number[], choice: PointChoice, seed: number): Promise<CalibrationCheck> {
  const values = valuesOf(space, u);
  const fragment = fragmentOf(space, values);
  return checkFragment(ctx, fragment, seed, { choice, u, values });
}

/** Runs a scenario fragment (e.g. {} for the defaults) over the seeds and checks every target. */
export async function checkFragment(ctx: Parameters<typeof evaluateCandidates>[0], fragment: ScenarioFragment, seed: number, point: { choice: PointChoice; u: number[]; values: number[] }): Promise<CalibrationCheck> {
  const results = await evaluateCandidates(ctx, [{ key: 'check', label: 'chosen point', fragment }], 'check of the chosen point', () => undefined);
  const r = results.get('check')!;
  const checks = ctx.targets.targets.map((t) => checkTarget(t, r.rows[runKeyOf(t)], seed, undefined, r.rows[t.preset]));
  return { ...point, fragment, seeds: [...ctx.seeds], checks, distance: r.total };
}
