import type { ArmSpec } from '../../experiment/grid';
import type { ArmConfig, RunJob } from '../../experiment/run-one';
import type { ExperimentSpec, RunRecord } from '../../experiment/spec';

/** What an ensemble is asked for: the same inputs as `exocascade experiment`. */
export interface EnsembleRequest {
  scenarioText: string;
  /** The scenario's file name as the CLI would be given it (goes into the spec and report). */
  file: string;
  /** Arms, baseline first (as parseArms returns them). */
  arms: ArmSpec[];
  /** Seeds, ascending and unique (as parseSeeds returns them). */
  seeds: number[];
  /** Run length; the scenario's own when omitted. */
  ticks?: number;
}

/** Result of resolving a request: the experiment spec and every arm's frozen config, or why not. */
export type PrepareResult =
  | { ok: true; spec: ExperimentSpec; arms: Record<string, ArmConfig> }
  | { ok: false; message: string };

/**
 * What an ensemble worker exposes over comlink (workers/ensemble.worker.ts): the browser twin
 * of the CLI's ExperimentWorkerApi, plus `prepare`, because the page keeps the scenario
 * validator out of its main thread and resolves arms in the first worker instead.
 */
export interface EnsembleWorkerApi {
  /** Resolves the request (buildSpec) and keeps the arm configs for later runs. */
  prepare(request: EnsembleRequest): PrepareResult;
  /** Keeps the resolved arm configs for the runs that follow (every worker of a pool, the one that resolved them included). */
  load(arms: Record<string, ArmConfig>): void;
  /** Runs one (arm, seed) to completion: runOne, as the CLI's workers do. */
  run(job: RunJob): RunRecord;
}
