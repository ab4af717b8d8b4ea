import { readFileSync } from 'node:fs';
import type { RunConfig } from '../scenario/config';
import { ScenarioError } from '../scenario/errors';
import { parseScenario, type ScenarioOverrides } from '../scenario/resolve';

// Reading scenario files from disk (Node only): the scenario folder itself knows no file
// system, so that it runs unchanged in a browser and in a worker.

/** The text of a scenario file; an unreadable file is a ScenarioError naming it. */
export function readScenarioText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new ScenarioError(file, [{ path: '', message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` }]);
  }
}

/** Reads and resolves a scenario file; errors name the file and the path inside it. */
export function loadScenarioFile(file: string, overrides: ScenarioOverrides = {}): RunConfig {
  return parseScenario(readScenarioText(file), file, overrides);
}
