import { CATALOG_VERSION } from '../catalog/index';
import { Engine } from '../engine/engine';
import { METRIC_NAMES } from '../engine/metrics';
import { ENGINE_VERSION } from '../engine/version';
import { parseScenario, scenarioHash } from '../scenario/resolve';
import { formatWhatIf } from '../scenario/whatif';
import { trajectoryTicks, type RunRecord, type Trajectory } from './spec';

/** One run to do: sent from the pool to a worker (plain data, structured-cloned). */
export interface RunJob {
  arm: string;
  seed: number;
  /** The arm's what-if strings. */
  whatIfs: string[];
  ticks: number;
  trajectoryEvery: number;
}

/**
 * Runs one (arm, seed) of an experiment to completion and returns its record. Pure apart from
 * the informational wall-clock time: the same job gives the same record (less wallMs) in a
 * worker thread, in this process, or on another machine.
 */
export function runOne(scenarioText: string, file: string, job: RunJob): RunRecord {
  const started = performance.now(); // det-ok: timing only, reported as wallMs
  const config = parseScenario(scenarioText, file, { seed: job.seed, ticks: job.ticks, whatIfs: job.whatIfs });
  const engine = new Engine(config);
  engine.run(config.ticks);
  const record: RunRecord = {
    arm: job.arm,
    seed: job.seed,
    ticks: engine.tick,
    whatIfs: config.whatIfs.map(formatWhatIf),
    scenarioHash: scenarioHash(config),
    engineVersion: ENGINE_VERSION,
    catalogVersion: CATALOG_VERSION,
    stateHash: engine.stateHash(),
    metrics: engine.metrics(),
    trajectory: sampleTrajectory(engine.series, engine.tick, job.trajectoryEvery),
    wallMs: 0,
  };
  record.wallMs = Math.round((performance.now() - started) * 1000) / 1000; // det-ok: timing only
  return record;
}

/** Picks rows 0, k, 2k, … and the last from a per-tick series (row t = after tick t). */
export function sampleTrajectory(series: readonly Float64Array[], ticks: number, every: number): Trajectory {
  const at = trajectoryTicks(ticks, every);
  const values: Record<string, number[]> = {};
  METRIC_NAMES.forEach((name, k) => {
    values[name] = at.map((t) => series[t][k]);
  });
  return { ticks: at, values };
}
