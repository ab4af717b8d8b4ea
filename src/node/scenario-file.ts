import type { RunConfig } from '../scenario/config';
import { ScenarioError } from '../scenario/errors';
import { SCENARIO_LIMITS } from '../scenario/input-limits';
import { parseScenario, type ScenarioOverrides } from '../scenario/resolve';
import { InputFileError, readInputText } from './input-file';

// Reading scenario files from disk (Node only): the scenario folder itself knows no file
// system, so that it runs unchanged in a browser and in a worker.

/** The text of a scenario file (BOM removed); an unreadable, special or oversized file is a ScenarioError naming it. */
export function readScenarioText(file: string): string {
  try {
    return readInputText(file, 'scenario', SCENARIO_LIMITS.maxChars);
  } catch (err) {
    if (!(err instanceof InputFileError)) throw err;
    throw new ScenarioError(file, [{ path: '', message: err.reason }]);
  }
}

/** Reads and resolves a scenario file; errors name the file and the path inside it. */
export function loadScenarioFile(file: string, overrides: ScenarioOverrides = {}): RunConfig {
  return parseScenario(readScenarioText(file), file, overrides);
}
