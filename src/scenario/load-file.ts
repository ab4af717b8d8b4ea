import { readFileSync } from 'node:fs';
import type { RunConfig } from './config';
import { ScenarioError } from './errors';
import { parseScenario, type ScenarioOverrides } from './resolve';

/** Reads and resolves a scenario file (Node only); errors name the file and the path inside it. */
export function loadScenarioFile(file: string, overrides: ScenarioOverrides = {}): RunConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ScenarioError(file, [{ path: '', message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` }]);
  }
  return parseScenario(text, file, overrides);
}
