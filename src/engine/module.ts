import type { RngStream } from '../core/rng';
import type { ParamSpecs, ParamValues } from './params';
import type { World } from './world';
import type { SimEvent } from './events';
import type { RunConfig } from '../scenario/config';

/**
 * Phases of a tick, run in this order. Births, deaths and state transfers staged in a phase are
 * committed at its end, so a later phase sees them and no module sees a half-updated pool.
 */
export const PHASES = ['sense', 'act', 'move', 'exchange', 'fields'] as const;
/** One phase of a tick. */
export type Phase = (typeof PHASES)[number];

/** What a module may touch during its step. */
export interface ModuleContext {
  /** All simulation state (pools, fields, circulation, organs, counters). */
  readonly world: World;
  /** This module's own random stream; no other source of randomness is allowed. */
  readonly rng: RngStream;
  /** Current tick (integer). */
  readonly tick: number;
  /** Simulated hours per tick. */
  readonly tickHours: number;
  /** The frozen run configuration. */
  readonly config: RunConfig;
  /** Records an event (with provenance) for this tick. */
  emit(event: SimEvent): void;
}

/**
 * A rule module: one concept, one file. It declares its phase, cadence and parameter specs
 * (validated when the scenario loads), and changes state only through `ctx`.
 */
export interface RuleModule<S extends ParamSpecs = ParamSpecs> {
  /** Stable id; also the name of its RNG stream and of its section in scenario `modules`. */
  readonly id: string;
  /** One line on what it models, with the review section it comes from. */
  readonly doc: string;
  /** Phase it runs in. */
  readonly phase: Phase;
  /** Runs on ticks where tick % everyTicks === 0. */
  readonly everyTicks: number;
  /** Parameter specs with units, ranges and sources. */
  readonly params: S;
  /** Advances the state by one of its steps. */
  step(ctx: ModuleContext, p: ParamValues<S>): void;
}

/** Declares a module with its parameter types inferred from its specs. */
export function defineModule<S extends ParamSpecs>(m: RuleModule<S>): RuleModule<S> {
  return m;
}
