import type { ScenarioIssue } from '../scenario/errors';

/** Result of loading a scenario into a worker: either the run it set up or why it refused. */
export type InitResult =
  | { ok: true; name: string; seed: number; ticks: number; scenarioHash: string; stateHash: string; whatIfs: string[] }
  | { ok: false; file: string; issues: ScenarioIssue[]; message: string };

/** Metrics after a step, for counters and charts. */
export interface StepResult {
  tick: number;
  /** Metric values in METRIC_NAMES order. */
  metrics: number[];
}

/**
 * The one message protocol between the engine's host (Web Worker or Node worker_threads) and
 * its callers (the page, the CLI pool, tests), exposed with comlink.
 */
export interface EngineApi {
  /** Validates and loads a scenario (JSON text); a bad one leaves the current run untouched. */
  init(scenarioText: string, file: string, overrides: { seed?: number; ticks?: number; whatIfs?: string[] }): InitResult;
  /** Runs n ticks; returns the metrics after the last. */
  step(n: number): StepResult;
  /** Hash of the full state now. */
  stateHash(): string;
  /** Current tick. */
  tick(): number;
  /** Final metrics by name. */
  metrics(): Record<string, number>;
}
