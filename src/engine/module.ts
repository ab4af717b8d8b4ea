import type { RngStream } from '../core/rng';
import type { RunConfig } from '../scenario/config';
import type { CargoTables } from './cargo-tables';
import type { SimEvent } from './events';
import type { Exposure } from './exposure';
import type { Pools, PoolName } from './kinds';
import type { ParamSpecs, ParamValues } from './params';
import type { UptakeIndex } from './uptake-grid';
import type { Clone, RegionState, World } from './world';
import type { VesselGraph } from '../world/vessels';

/**
 * Phases of a tick, run in this order. Births and deaths staged in a phase are committed at its
 * end; transfers (changes of place or stage) are committed when the module that staged them
 * ends. The order of modules inside a phase is explicit in schedule.ts.
 */
export const PHASES = ['sense', 'act', 'move', 'exchange', 'fields'] as const;
/** One phase of a tick. */
export type Phase = (typeof PHASES)[number];

/**
 * What a module may touch, declared with the module. Its context holds exactly these members
 * (at run time too), so a module's reach is visible in its header.
 */
export interface ModuleNeeds {
  /** Agent pools it reads or writes. */
  readonly pools: readonly PoolName[];
  /** Tissue regions with their coarse fields. */
  readonly fields?: true;
  /** The circulation graph. */
  readonly graph?: true;
  /** Cargo tables and tumour clones (what each clone's exosomes carry). */
  readonly cargo?: true;
  /** This tick's cargo responses per compartment (written by cargo-exposure, read by others). */
  readonly exposure?: true;
  /** The index of cells that internalise exosomes (rebuilt every tick). */
  readonly uptake?: true;
  /** The run's initial populations (per-capita scales of kill and cloak rates). */
  readonly populations?: true;
  /** World parameters (field transport). */
  readonly worldParams?: true;
  /** What-if state: secretion scale and depleted fractions. */
  readonly interventions?: true;
}

/** The part of every module's context: its clock, random stream, counters and event log. */
export interface BaseContext {
  /** This module's own random stream; no other source of randomness is allowed. */
  readonly rng: RngStream;
  /** Current tick (integer). */
  readonly tick: number;
  /** Simulated hours per tick. */
  readonly tickHours: number;
  /** Cumulative metric counters (slots from metricIndex). */
  readonly counters: Float64Array;
  /** Records an event (with provenance) for this tick. */
  emit(event: SimEvent): void;
}

/** What-if state a module may read. */
export interface Interventions {
  /** Fraction of exosome secretion still allowed (1 − block-secretion fraction). */
  readonly secretionScale: number;
  /** Depleted fraction per population, in DEPLETABLE order. */
  readonly depletion: Float64Array;
}

type If<Flag, T> = Flag extends true ? T : unknown;

/** A module's context: the base plus exactly what its needs declare. */
export type ModuleContext<N extends ModuleNeeds> = BaseContext
  & { readonly pools: Pick<Pools, N['pools'][number]> }
  & If<N['fields'], { readonly regions: readonly RegionState[] }>
  & If<N['graph'], { readonly graph: VesselGraph }>
  & If<N['cargo'], { readonly cargo: CargoTables; readonly clones: readonly Clone[] }>
  & If<N['exposure'], { readonly exposure: Exposure }>
  & If<N['uptake'], { readonly uptake: UptakeIndex }>
  & If<N['populations'], { readonly populations: RunConfig['populations'] }>
  & If<N['worldParams'], { readonly worldParams: RunConfig['world'] }>
  & If<N['interventions'], { readonly interventions: Interventions }>;

/**
 * A rule module as written: one concept, one file. It declares its phase, cadence, needs and
 * parameter specs (validated when the scenario loads), and changes state only through `ctx`.
 */
export interface RuleModule<S extends ParamSpecs, N extends ModuleNeeds, T> {
  /** Stable id; also the name of its RNG stream and of its section in scenario `modules`. */
  readonly id: string;
  /** One line on what it models, with the review section it comes from. */
  readonly doc: string;
  /** Phase it runs in. */
  readonly phase: Phase;
  /** Runs on ticks where tick % everyTicks === 0. */
  readonly everyTicks: number;
  /** What its context holds. */
  readonly needs: N;
  /** Parameter specs with units, ranges and sources. */
  readonly params: S;
  /**
   * Makes the module's working memory for one run (reused from step to step, never hashed:
   * nothing in it outlives a step's meaning). Scratch belongs to the run, not to the module.
   */
  readonly scratch?: (p: ParamValues<S>) => T;
  /** Advances the state by one of its steps. */
  step(ctx: ModuleContext<N>, p: ParamValues<S>, scratch: T): void;
}

/** What binding a module to a run needs from the engine. */
export interface RunBinding {
  readonly world: World;
  readonly config: RunConfig;
  readonly rng: RngStream;
  emit(event: SimEvent): void;
}

/** A module bound to one run: call with the tick to run one step (transfers committed after it). */
export type BoundStep = (tick: number) => void;

/** A module as the engine and the scenario schema see it (parameter types erased). */
export interface ModuleDef {
  readonly id: string;
  readonly doc: string;
  readonly phase: Phase;
  readonly everyTicks: number;
  readonly needs: ModuleNeeds;
  readonly params: ParamSpecs;
  /** Builds the module's context for a run and returns its step. */
  bind(run: RunBinding): BoundStep;
}

/** Declares a module: its parameter and context types are inferred from its specs and needs. */
export function defineModule<S extends ParamSpecs, const N extends ModuleNeeds, T = undefined>(m: RuleModule<S, N, T>): ModuleDef {
  return {
    id: m.id,
    doc: m.doc,
    phase: m.phase,
    everyTicks: m.everyTicks,
    needs: m.needs,
    params: m.params,
    bind(run: RunBinding): BoundStep {
      const ctx = contextFor(m.needs, run);
      // The resolver filled every key of the module's specs (scenario/resolve.ts).
      const p = run.config.modules[m.id] as ParamValues<S>;
      const pools = m.needs.pools.map((name) => run.world.pools[name]);
      const scratch = m.scratch ? m.scratch(p) : (undefined as T);
      return (tick: number) => {
        ctx.tick = tick;
        m.step(ctx as unknown as ModuleContext<N>, p, scratch);
        for (const pool of pools) pool.commitTransfers();
      };
    },
  };
}

/** The mutable object behind a context: built once per run, only the declared members set. */
interface ContextObject {
  rng: RngStream;
  tick: number;
  tickHours: number;
  counters: Float64Array;
  emit(event: SimEvent): void;
  pools: Partial<Pools>;
  [member: string]: unknown;
}

function contextFor(needs: ModuleNeeds, run: RunBinding): ContextObject {
  const w = run.world;
  const pools: Partial<Record<PoolName, unknown>> = {};
  for (const name of needs.pools) pools[name] = w.pools[name];
  const ctx: ContextObject = {
    rng: run.rng,
    tick: 0,
    tickHours: run.config.tickHours,
    counters: w.counters,
    emit: run.emit,
    pools: pools as Partial<Pools>,
  };
  if (needs.fields) ctx.regions = w.regions;
  if (needs.graph) ctx.graph = w.graph;
  if (needs.cargo) { ctx.cargo = w.cargo; ctx.clones = w.clones; }
  if (needs.exposure) ctx.exposure = w.exposure;
  if (needs.uptake) ctx.uptake = w.uptake;
  if (needs.populations) ctx.populations = run.config.populations;
  if (needs.worldParams) ctx.worldParams = run.config.world;
  if (needs.interventions) ctx.interventions = w.interventions;
  return ctx;
}
