import type { ArmConfig } from '../experiment/run-one';
import { resolveScenario, scenarioHash } from '../scenario/resolve';
import { applyFragment, fragmentOf, fromUnit, type ParamDim, type ScenarioFragment } from './param-space';

// A point of the parameter space as a runnable configuration: the scenario file with the
// point's values written over it, resolved through the normal scenario path (so every value is
// validated against its spec) with the run length fixed.

/** Parameter values of a unit-cube point (rounded and clamped as fromUnit does). */
export function valuesOf(space: readonly ParamDim[], unit: readonly number[]): number[] {
  return space.map((d, k) => fromUnit(d, unit[k]));
}

/**
 * The ArmConfig of a scenario with a fragment applied. A value the scenario schema rejects
 * throws ScenarioError naming the file, the point (`label`) and the path.
 */
export function fragmentConfig(data: unknown, file: string, fragment: ScenarioFragment, label: string, ticks?: number, whatIfs: readonly string[] = []): ArmConfig {
  const config = resolveScenario(applyFragment(data, fragment), `${file} (${label})`, { ticks, whatIfs: [...whatIfs] });
  return { config, scenarioHash: scenarioHash(config) };
}

/** The ArmConfig of a unit-cube point of `space` on a scenario. */
export function pointConfig(data: unknown, file: string, space: readonly ParamDim[], unit: readonly number[], label: string, ticks?: number): ArmConfig {
  return fragmentConfig(data, file, fragmentOf(space, valuesOf(space, unit)), label, ticks);
}
