import type { DrainageMix } from '../world/vessels';
import type { WhatIf } from './whatif';

/**
 * The frozen, fully resolved configuration of one run: every default filled in, units fixed,
 * cargo resolved against the catalog and what-ifs applied. The engine reads nothing else.
 */
export interface RunConfig {
  /** Scenario display name. */
  readonly name: string;
  /** Cancer type id from the catalog (e.g. 'breast'). */
  readonly cancerType: string;
  /** How the primary's venous blood leaves it: the share of each route (caval → lung first, portal → liver first, pulmonary → arterial beds first, vertebral → bone first). */
  readonly drainage: DrainageMix;
  /** Run seed (integer ≥ 0; 0 is a real seed). */
  readonly seed: number;
  /** Simulated hours per tick. */
  readonly tickHours: number;
  /** Ticks to run. */
  readonly ticks: number;
  /** Cargo ids the tumour packages, sorted (after knockouts and knock-ins). */
  readonly cargo: readonly string[];
  /** Whether cargo effects the catalog marks as assumptions count (scenario `assumedEffects`, default true). */
  readonly assumedEffects: boolean;
  /** Dose multiplier per packaged cargo id (1 unless a dose what-if says otherwise). */
  readonly doses: Readonly<Record<string, number>>;
  /** World parameters (see WORLD_PARAMS). */
  readonly world: Readonly<Record<string, number>>;
  /** Initial populations (see POPULATION_PARAMS). */
  readonly populations: Readonly<Record<string, number>>;
  /** Resolved parameters of every module, by module id. */
  readonly modules: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** What-ifs applied, in the order given. */
  readonly whatIfs: readonly WhatIf[];
}

/** A RunConfig whose top-level fields may be set (a copy being prepared, e.g. a run's seed). */
export type EditableRunConfig = { -readonly [K in keyof RunConfig]: RunConfig[K] };
