import { CATALOG_VERSION } from '../catalog/index';
import { ENGINE_VERSION } from '../engine/version';
import type { Shard } from './grid';

// The data an experiment directory holds: the experiment's identity (experiment.json) and one
// record per finished run (a line of runs.jsonl). Records are self-describing — metric values
// are keyed by name — so outputs follow whatever METRIC_NAMES the engine had when it ran.

/** One arm after resolution against the scenario. */
export interface ArmInfo {
  name: string;
  /** The arm's own what-ifs, canonical text (the scenario file's what-ifs apply to every arm). */
  whatIfs: string[];
  /** scenarioHash of the arm's resolved config; a record of this arm must carry it. */
  scenarioHash: string;
}

/** Everything that fixes an experiment's results; two directories merge only if these agree. */
export interface ExperimentSpec {
  /** SPEC_FORMAT when written by this version (a manifest of another format is refused when read). */
  format: number;
  scenario: { file: string; name: string; hash: string };
  ticks: number;
  tickHours: number;
  /** Trajectories keep every k-th tick (plus the last). */
  trajectoryEvery: number;
  arms: ArmInfo[];
  seeds: number[];
  engineVersion: string;
  catalogVersion: string;
  /** METRIC_NAMES at the time of the run, in output order. */
  metricNames: string[];
}

/** experiment.json: the spec plus which shard this directory ran (null: the whole grid). */
export interface Manifest extends ExperimentSpec {
  shard: Shard | null;
}

/** A down-sampled metric trajectory: `values[name][j]` is the metric after tick `ticks[j]`. */
export interface Trajectory {
  ticks: number[];
  values: Record<string, number[]>;
}

/** One finished run: one line of runs.jsonl. */
export interface RunRecord {
  arm: string;
  seed: number;
  ticks: number;
  /** Every what-if of the run (the scenario file's, then the arm's), canonical text. */
  whatIfs: string[];
  scenarioHash: string;
  engineVersion: string;
  catalogVersion: string;
  stateHash: string;
  /** Final metric values by name. */
  metrics: Record<string, number>;
  trajectory: Trajectory;
  /** Compute time inside the runner (informational; never enters results.csv or the report). */
  wallMs: number;
  /** SHA-256 of the record's other fields (first 16 hex digits), set when it is written to runs.jsonl and checked when it is read (record-check.ts). */
  checksum?: string;
}

/** Current format of experiment.json and runs.jsonl records (2: records carry a checksum). */
export const SPEC_FORMAT = 2;

/** The default trajectory step: about 100 samples per run whatever its length. */
export function defaultTrajectoryEvery(ticks: number): number {
  return Math.max(1, Math.ceil(ticks / 100));
}

/** The ticks at which a trajectory is sampled: 0, k, 2k, … and always the last tick. */
export function trajectoryTicks(ticks: number, every: number): number[] {
  const out: number[] = [];
  for (let t = 0; t <= ticks; t += every) out.push(t);
  if (out[out.length - 1] !== ticks) out.push(ticks);
  return out;
}

/**
 * Why runs made by `have`'s engine and catalog cannot be used by this program (null if they
 * can): another engine version draws other trajectories, so its records are never mixed with,
 * resumed or merged into this one's.
 */
export function versionConflict(have: { engineVersion: string; catalogVersion: string }): string | null {
  if (have.engineVersion === ENGINE_VERSION && have.catalogVersion === CATALOG_VERSION) return null;
  return `it was run by engine ${have.engineVersion} / catalog ${have.catalogVersion}; this is engine ${ENGINE_VERSION} / catalog ${CATALOG_VERSION}`;
}

/**
 * Why a directory's spec cannot hold this experiment's runs (null if it can). Seeds and extra
 * arms may differ — a rerun may extend an experiment — but an arm's definition, the scenario,
 * run length, trajectory step, versions and metric set may not.
 */
export function specConflict(have: ExperimentSpec, want: ExperimentSpec): string | null {
  if (have.format !== want.format) return `it was written in format ${have.format}; this exocascade writes format ${want.format}`;
  if (have.engineVersion !== want.engineVersion || have.catalogVersion !== want.catalogVersion) {
    return `it was run by engine ${have.engineVersion} / catalog ${have.catalogVersion}; this is engine ${want.engineVersion} / catalog ${want.catalogVersion}`;
  }
  if (have.scenario.hash !== want.scenario.hash) {
    return `it holds runs of scenario "${have.scenario.name}" (${have.scenario.file}, hash ${have.scenario.hash}); this experiment is "${want.scenario.name}" (${want.scenario.file}, hash ${want.scenario.hash})`;
  }
  if (have.ticks !== want.ticks) return `it holds runs of ${have.ticks} ticks; this experiment runs ${want.ticks}`;
  if (have.trajectoryEvery !== want.trajectoryEvery) {
    return `its trajectories keep every ${have.trajectoryEvery} ticks; this experiment keeps every ${want.trajectoryEvery}`;
  }
  if (have.metricNames.join('\n') !== want.metricNames.join('\n')) return 'it was run with a different set of metrics (the engine changed)';
  for (const arm of want.arms) {
    const old = have.arms.find((a) => a.name === arm.name);
    if (old && old.scenarioHash !== arm.scenarioHash) {
      return `its arm "${arm.name}" was ${old.whatIfs.join(',') || '(no change)'}; here it is ${arm.whatIfs.join(',') || '(no change)'}`;
    }
  }
  return null;
}

/** The spec fields that must agree for shards to merge, as one comparable string. */
export function specIdentity(s: ExperimentSpec): string {
  const { format, scenario, ticks, tickHours, trajectoryEvery, arms, seeds, engineVersion, catalogVersion, metricNames } = s;
  return JSON.stringify({ format, hash: scenario.hash, ticks, tickHours, trajectoryEvery, arms, seeds, engineVersion, catalogVersion, metricNames });
}

/** Strips the shard from a manifest. */
export function specOf(m: Manifest): ExperimentSpec {
  const { shard: _shard, ...spec } = m;
  return spec;
}
