import { GridSyntaxError } from '../../experiment/grid';
import { buildSpec } from '../../experiment/resolve-arms';
import { runOne, type ArmConfig } from '../../experiment/run-one';
import { ScenarioError } from '../../scenario/errors';
import type { EnsembleWorkerApi } from './protocol';

/**
 * The ensemble worker's implementation, independent of the transport: the worker entry exposes
 * it over comlink, tests call it in-process. Runs go through the CLI's own buildSpec and runOne,
 * so a browser record is the CLI's record for the same (arm, seed).
 */
export function createEnsembleWorkerApi(): EnsembleWorkerApi {
  let arms: Record<string, ArmConfig> = {};
  return {
    prepare(req) {
      try {
        const resolved = buildSpec(req.scenarioText, req.file, req.arms, { seeds: req.seeds, ticks: req.ticks });
        arms = resolved.arms;
        return { ok: true, spec: resolved.spec, arms: resolved.arms };
      } catch (err) {
        if (err instanceof ScenarioError || err instanceof GridSyntaxError) return { ok: false, message: err.message };
        throw err;
      }
    },
    load(armConfigs) {
      arms = armConfigs;
    },
    run(job) {
      const arm = arms[job.arm];
      if (!arm) throw new Error(`ensemble worker: arm "${job.arm}" was not loaded`);
      return runOne(arm, job);
    },
  };
}
