import { readFileSync } from 'node:fs';
import { Engine } from '../src/engine/engine';
import { resolveScenario, type ScenarioOverrides } from '../src/scenario/resolve';
import type { RunConfig } from '../src/scenario/config';

/** Reads a shipped scenario as plain JSON. */
export function scenarioJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')) as Record<string, unknown>;
}

/** Resolves a shipped scenario, optionally patched, with overrides. */
export function config(name: string, overrides: ScenarioOverrides = {}, patch: Record<string, unknown> = {}): RunConfig {
  return resolveScenario({ ...scenarioJson(name), ...patch }, `scenarios/${name}.json`, overrides);
}

/** Runs a config for `ticks` ticks and returns the engine. */
export function runFor(c: RunConfig, ticks: number): Engine {
  const e = new Engine(c);
  e.run(ticks);
  return e;
}
