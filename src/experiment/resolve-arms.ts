import { CATALOG_VERSION } from '../catalog/index';
import { METRIC_NAMES } from '../engine/metrics';
import { ENGINE_VERSION } from '../engine/version';
import { MAX_ISSUES_SHOWN, ScenarioError, clip } from '../scenario/errors';
import { parseScenario, scenarioHash } from '../scenario/resolve';
import { formatWhatIf } from '../scenario/whatif';
import { GridSyntaxError, type ArmSpec } from './grid';
import type { ArmConfig } from './run-one';
import { SPEC_FORMAT, defaultTrajectoryEvery, type ExperimentSpec } from './spec';

/** Options that, with the scenario and arms, fix an experiment. */
export interface SpecOptions {
  seeds: number[];
  /** Run length; the scenario's own when omitted. */
  ticks?: number;
  /** Tick length (hours or a time quantity); the scenario's own when omitted (its simulated time is kept). */
  tickHours?: number | string;
  /** Trajectory step; about 100 samples per run when omitted. */
  trajectoryEvery?: number;
}

/** A resolved experiment: its spec and every arm's config (by arm name) for the runners. */
export interface ResolvedExperiment {
  spec: ExperimentSpec;
  arms: Record<string, ArmConfig>;
}

/**
 * Resolves the baseline and every arm against the scenario text before anything runs, so a bad
 * arm fails at once. Problems in the scenario file itself throw its ScenarioError unchanged;
 * problems in an arm's what-ifs throw GridSyntaxError naming the arm and the what-if.
 */
export function buildSpec(scenarioText: string, file: string, arms: readonly ArmSpec[], opts: SpecOptions): ResolvedExperiment {
  const configs: Record<string, ArmConfig> = {};
  const time = { ticks: opts.ticks, tickHours: opts.tickHours };
  const base = parseScenario(scenarioText, file, time);
  const infos = arms.map((arm) => {
    let config;
    try {
      config = parseScenario(scenarioText, file, { ...time, whatIfs: arm.whatIfs });
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      // Overrides are labelled "--what-if #k" by the resolver; say which arm and text instead.
      const named = (text: string) => text.replace(/--what-if #(\d+)/g, (_, k: string) => `--arm ${arm.name} what-if #${k}`);
      const lines = err.issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => {
        const m = /^--what-if #(\d+)$/.exec(issue.path);
        return m ? `--arm ${arm.name}: what-if "${clip(arm.whatIfs[Number(m[1]) - 1])}": ${named(issue.message)}` : `--arm ${arm.name}: ${file}: ${issue.path}: ${named(issue.message)}`;
      });
      if (err.issues.length > MAX_ISSUES_SHOWN) lines.push(`--arm ${arm.name}: … and ${err.issues.length - MAX_ISSUES_SHOWN} more problems`);
      throw new GridSyntaxError(lines.join('\n'));
    }
    const hash = scenarioHash(config);
    configs[arm.name] = { config, scenarioHash: hash };
    // The arm's own what-ifs come last in its config, resolved (a time in hours is a tick now).
    const own = config.whatIfs.slice(config.whatIfs.length - arm.whatIfs.length);
    return { name: arm.name, whatIfs: own.map(formatWhatIf), scenarioHash: hash };
  });
  const every = opts.trajectoryEvery ?? defaultTrajectoryEvery(base.ticks);
  if (!(Number.isInteger(every) && every >= 1)) throw new GridSyntaxError(`--trajectory-every must be a positive integer, got ${every}`);
  const spec: ExperimentSpec = {
    format: SPEC_FORMAT,
    scenario: { file, name: base.name, hash: scenarioHash(base) },
    ticks: base.ticks,
    tickHours: base.tickHours,
    trajectoryEvery: every,
    arms: infos,
    seeds: [...opts.seeds],
    engineVersion: ENGINE_VERSION,
    catalogVersion: CATALOG_VERSION,
    metricNames: [...METRIC_NAMES],
  };
  return { spec, arms: configs };
}
