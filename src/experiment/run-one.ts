import { CATALOG_VERSION } from '../catalog/index';
import { Engine } from '../engine/engine';
import { METRIC_NAMES } from '../engine/metrics';
import { ENGINE_VERSION } from '../engine/version';
import type { EditableRunConfig, RunConfig } from '../scenario/config';
import { formatWhatIf } from '../scenario/whatif';
import { RunGuard } from './run-guard';
import { trajectoryTicks, type RunRecord, type Trajectory } from './spec';

/**
 * One arm, resolved once in the main thread and handed to every worker: its frozen config
 * (scenario + the arm's what-ifs, run length set; the seed is replaced per run) and that
 * config's scenarioHash. Workers therefore never load the schema validator or re-resolve.
 */
export interface ArmConfig {
  config: RunConfig;
  scenarioHash: string;
}

/** One run to do: sent from the pool to a worker (plain data, structured-cloned). */
export interface RunJob {
  arm: string;
  seed: number;
  trajectoryEvery: number;
  /** The agent budget (budgetFor(factor).agents): a run that grows past it stops with a BudgetError. None: unguarded. */
  maxAgents?: number;
}

/**
 * Runs one (arm, seed) of an experiment to completion and returns its record. Common random
 * numbers come from the engine: its streams depend only on (seed, module id), so every arm
 * with seed s draws what the baseline with seed s draws. Pure apart from the informational
 * wall-clock time: the same job gives the same record (less wallMs) in any thread or machine.
 */
export function runOne(arm: ArmConfig, job: RunJob): RunRecord {
  const started = performance.now(); // det-ok: timing only, reported as wallMs
  // A structured clone with the seed set in place, not `{ ...config, seed }`: V8 gives spread
  // copies a different shape once the calling code is optimised (about the tenth run), and
  // every module step compiled against the first shape was then thrown away and recompiled.
  // Clones made this way share one shape with the configs a worker receives, run after run.
  const config = structuredClone(arm.config) as EditableRunConfig;
  config.seed = job.seed;
  const engine = new Engine(config);
  if (job.maxAgents === undefined) engine.run(config.ticks);
  else new RunGuard(engine, job.maxAgents, `run (${job.arm}, seed ${job.seed})`).run(engine, config.ticks);
  const record: RunRecord = {
    arm: job.arm,
    seed: job.seed,
    ticks: engine.tick,
    whatIfs: config.whatIfs.map(formatWhatIf),
    scenarioHash: arm.scenarioHash,
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
