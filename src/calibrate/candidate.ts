import type { ArmConfig } from '../experiment/run-one';
import { readScenarioText } from '../node/scenario-file';
import { observe, targetDistance, totalDistance, type MetricRow } from './distance';
import type { ScenarioFragment } from './param-space';
import { fragmentConfig } from './point-config';
import { scenarioData } from '../scenario/resolve';
import type { BatchRunner } from './runner';
import { metricsRead, runKeyOf, runsOf, type TargetsFile } from './targets';

// Evaluating candidates for a calibration: a candidate (a scenario fragment) runs every preset
// the targets name over the seeds; the final metrics the targets read are kept per preset and
// seed, and the targets' distances computed. All candidates of a batch go to the pool at once.

/** One ensemble a candidate runs: a preset scenario (parsed once) as written or with what-ifs. */
export interface Preset {
  /** The run's key (runKeyOf: the preset id, with "|what-ifs" when it has any). */
  id: string;
  file: string;
  data: unknown;
  whatIfs: string[];
}

/** Reads the presets the targets name from `dir` (scenarios/<id>.json), one entry per run they need. */
export function loadPresets(targets: TargetsFile, dir: string): Preset[] {
  const parsed = new Map<string, unknown>();
  return runsOf(targets).map((run) => {
    const file = `${dir}/${run.preset}.json`;
    if (!parsed.has(file)) parsed.set(file, scenarioData(readScenarioText(file), file));
    return { id: run.key, file, data: parsed.get(file), whatIfs: run.whatIfs };
  });
}

/** One candidate to evaluate. */
export interface Candidate {
  /** Unique key (e.g. "3/17": generation 3, proposal 17). */
  key: string;
  /** Shown in validation errors. */
  label: string;
  fragment: ScenarioFragment;
}

/** A candidate's runs and distances. */
export interface CandidateResult {
  /** Final metrics read by the targets, per preset id, in seed order. */
  rows: Record<string, MetricRow[]>;
  /** Distance of each target (targets-file order). */
  distances: number[];
  /** Weighted total. */
  total: number;
}

/** Distances of every target from a candidate's rows. */
export function scoreRows(targets: TargetsFile, rows: Record<string, readonly MetricRow[]>): { distances: number[]; total: number } {
  const distances = targets.targets.map((t) => targetDistance(t, observe(t.observable, rows[runKeyOf(t)], rows[t.preset])));
  return { distances, total: totalDistance(targets.targets, distances) };
}

/** What the evaluator needs. */
export interface EvaluatorContext {
  targets: TargetsFile;
  presets: Preset[];
  seeds: number[];
  /** Run length (default: each preset's own). */
  ticks?: number;
  runner: BatchRunner;
}

/**
 * Runs every candidate × preset × seed on the runner; calls `onDone` for each candidate as
 * soon as its last run is back (so a killed calibration keeps what finished), and returns all.
 */
export async function evaluateCandidates(ctx: EvaluatorContext, candidates: readonly Candidate[], note: string, onDone: (key: string, r: CandidateResult) => void): Promise<Map<string, CandidateResult>> {
  const keep = [...new Set(ctx.targets.targets.flatMap((t) => metricsRead(t.observable)))];
  const arms: Record<string, ArmConfig> = {};
  const jobs: { arm: string; seed: number }[] = [];
  const pending = new Map<string, { rows: Record<string, MetricRow[]>; left: number }>();
  for (const c of candidates) {
    const rows: Record<string, MetricRow[]> = {};
    for (const p of ctx.presets) {
      const arm = `${c.key}#${p.id}`;
      arms[arm] = fragmentConfig(p.data, p.file, c.fragment, c.label, ctx.ticks, p.whatIfs);
      rows[p.id] = new Array<MetricRow>(ctx.seeds.length);
      for (const seed of ctx.seeds) jobs.push({ arm, seed });
    }
    pending.set(c.key, { rows, left: ctx.presets.length * ctx.seeds.length });
  }
  const results = new Map<string, CandidateResult>();
  await ctx.runner.run(arms, jobs, (rec) => {
    const cut = rec.arm.indexOf('#');
    const key = rec.arm.slice(0, cut);
    const preset = rec.arm.slice(cut + 1);
    const p = pending.get(key)!;
    const row: Record<string, number> = {};
    for (const m of keep) row[m] = rec.metrics[m];
    p.rows[preset][ctx.seeds.indexOf(rec.seed)] = row;
    if (--p.left === 0) {
      const r = { rows: p.rows, ...scoreRows(ctx.targets, p.rows) };
      results.set(key, r);
      onDone(key, r);
    }
  }, note);
  return results;
}
