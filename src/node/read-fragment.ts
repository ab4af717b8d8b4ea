import type { ScenarioFragment } from '../calibrate/param-space';
import { ScenarioError } from '../scenario/errors';
import { SCENARIO_LIMITS } from '../scenario/input-limits';
import { readInputJson } from './input-file';

/** Reads a point of the parameter space (a calibrated.json or any `modules`/`world`/`populations` fragment). */
export function readFragment(file: string): ScenarioFragment {
  const data = readInputJson(file, 'scenario fragment', SCENARIO_LIMITS) as Record<string, unknown>;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ScenarioError(file, [{ path: '', message: 'expected a JSON object with modules, world or populations' }]);
  return {
    modules: (data.modules ?? {}) as ScenarioFragment['modules'],
    world: (data.world ?? {}) as ScenarioFragment['world'],
    populations: (data.populations ?? {}) as ScenarioFragment['populations'],
  };
}
