import { Engine } from '../engine/engine';
import type { EditableRunConfig, RunConfig } from '../scenario/config';
import type { ArmConfig } from './run-one';

// A fresh experiment worker is a fresh V8 isolate, so its first run is compiled while it runs.
// V8 compiles a module's step once it is hot, using the type feedback gathered so far; a
// branch not yet taken (the first cloaked cell, the first colony, the first Kupffer cell to
// take up an exosome) has none, and reaching it later throws the compiled step away to compile
// it again: ~15 recompilations of 30–90 ms each in a thread's first default run. Where every
// core runs a worker, that compiler time is taken from the runs.
//
// The primer first runs one small, fast-moving world for a few ticks, mostly in the
// interpreter, so that each stage of the cascade has happened once before the steps are
// compiled. Its rates give each gate a per-tick chance near one half, so both sides of each
// branch are seen. It changes nothing the real runs see: its engine is separate and dropped
// (a worker already runs many engines in turn), and a primed worker's records are tested
// equal to the same runs in-process (tests/jit-primer.test.ts).

/** Ticks the primer runs: enough for cells to go from the primary to metastatic colonies. */
export const PRIMER_TICKS = 20;

/**
 * Runs shorter than this are not primed: they end about when V8 would first compile their
 * steps, so the primer (~0.1–0.2 s) would cost more than it saves (short test experiments).
 */
export const PRIMER_MIN_RUN_TICKS = 100;

/** Whether runs of `config` are long enough for the primer to pay off. */
export function worthPriming(config: RunConfig): boolean {
  return config.ticks >= PRIMER_MIN_RUN_TICKS;
}

/** A small world, so the primer costs little. */
export const PRIMER_POPULATIONS: Readonly<Record<string, number>> = {
  tumourCells: 30, residentsPerOrgan: 15, nkCells: 20, cd8Cells: 20, bCells: 10, macrophages: 15, mdscs: 4, platelets: 100,
};

/**
 * Module parameters (per hour; ticks are the scenario's) sped up so that every step of the
 * cascade happens within the primer, both ways where a cell can go two ways.
 */
export const PRIMER_PARAMS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  // A zero-like death rate takes the small-argument branch of the deterministic exp.
  'tumour-growth': { doublingTimeHours: 6, deathRatePerHour: 1e-12 },
  'exosome-release': { packetsPerCellPerHour: 3.5 },
  'exosome-transport': { drainageRatePerHour: 0.5 },
  'emt-invasion': { switchRatePerHour: 0.5, emtRatePerHour: 0.5, intravasationRatePerHour: 0.5, metRevertPerHour: 0.3, vesselReachUm: 200 },
  'platelet-cloak': { cloakRatePerHour: 0.3 },
  organotropism: { arrestRatePerHour: 0.5, bedExitRatePerHour: 0.5 },
  'niche-growth': {
    extravasationRatePerHour: 0.5, arrestDeathRatePerHour: 0.2, awakenRatePerHour: 0.5, metRatePerHour: 0.5,
    colonisationFloor: 0.6, colonyDoublingHours: 2, dormantDeathRatePerHour: 0.1,
  },
  angiogenesis: { sproutRatePerHour: 0.02, m2RatePerHour: 0.5, m1RevertPerHour: 0.3 },
  'immune-surveillance': { suppressRatePerHour: 0.5, recoveryRatePerHour: 0.3 },
};

/**
 * The primer's configuration: a structured clone of `base` (as a worker receives its configs,
 * so the objects get the same V8 shapes as the real runs'), edited in place. Portal drainage
 * sends cells through the liver and then the lung, so both organs' paths are taken. A value
 * is replaced only by one of its own kind — integer or fraction — because V8 stores the two
 * differently and would otherwise record the wrong kind for the real runs. Throws if a
 * parameter named here is missing (a renamed parameter must be renamed here too).
 */
export function primerConfig(base: RunConfig): RunConfig {
  const c = structuredClone(base) as EditableRunConfig;
  const set = (where: Record<string, number>, key: string, value: number, path: string) => {
    const old = where[key];
    if (typeof old !== 'number') throw new Error(`JIT primer: ${path} is not in the configuration`);
    // A scenario may set an integer where the default is a fraction (or the reverse): then
    // the scenario's own value stays, which at worst leaves one branch unprimed.
    if (Number.isInteger(old) === Number.isInteger(value)) where[key] = value;
  };
  for (const [key, value] of Object.entries(PRIMER_POPULATIONS)) set(c.populations as Record<string, number>, key, value, `populations.${key}`);
  for (const [id, params] of Object.entries(PRIMER_PARAMS)) {
    const target = c.modules[id] as Record<string, number> | undefined;
    if (!target) throw new Error(`JIT primer: module "${id}" is not in the configuration`);
    for (const [key, value] of Object.entries(params)) set(target, key, value, `modules.${id}.${key}`);
  }
  c.drainage = { portal: 1 };
  c.seed = 1;
  c.ticks = PRIMER_TICKS;
  c.whatIfs = [];
  return c;
}

/** Runs the primer world to its end, through the same calls a real run makes; returns its engine. */
export function primeJit(base: RunConfig): Engine {
  const config = primerConfig(base);
  const engine = new Engine(config);
  engine.run(config.ticks);
  engine.stateHash();
  engine.metrics();
  return engine;
}

/**
 * Primes this thread for runs of `ticks` ticks (by default the configuration's own) of
 * `config` if they are long enough (PRIMER_MIN_RUN_TICKS); returns whether it did. A failure
 * is swallowed: the primer is only an optimisation, and the runs themselves will report any
 * real problem with the configuration.
 */
export function primeIfWorthIt(config: RunConfig, ticks = config.ticks): boolean {
  if (ticks < PRIMER_MIN_RUN_TICKS) return false;
  try {
    primeJit(config);
    return true;
  } catch {
    return false;
  }
}

/** Primes this thread for an experiment's runs (any arm will do: they share the scenario). */
export function primeForArms(arms: Readonly<Record<string, ArmConfig>>): boolean {
  const first = Object.values(arms)[0];
  return first !== undefined && primeIfWorthIt(first.config);
}
