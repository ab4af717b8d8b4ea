import { dexp, dlog } from '../core/detmath';
import type { ParamSpec, ParamSpecs } from '../engine/params';
import { MODULES } from '../engine/schedule';
import { closest } from '../scenario/suggest';
import { POPULATION_PARAMS, WORLD_PARAMS } from '../world/world-params';

// The model's parameters as an inference space. A parameter's id mirrors where it lives in a
// scenario file (`modules.<module-id>.<param>`, `world.<param>`, `populations.<param>`), so a
// point of the space is a scenario fragment and goes through the scenario's own validation.
// Sensitivity and calibration work in the unit cube: u ∈ [0, 1] maps onto the parameter's
// documented range, linearly or — for a positive range spanning two decades or more — on a
// log scale.

/** A range is log-scaled when lo > 0 and hi / lo is at least this. */
export const LOG_SCALE_MIN_RATIO = 100;

/** One parameter of the space. */
export interface ParamDim {
  /** `modules.<module-id>.<param>`, `world.<param>` or `populations.<param>`. */
  id: string;
  /** The scenario section it lives in. */
  section: 'modules' | 'world' | 'populations';
  /** Module id (section 'modules' only). */
  module: string | null;
  /** Key inside its section (or module). */
  key: string;
  spec: ParamSpec;
  /** Lower end of the range varied (spec.range, else spec.min). */
  lo: number;
  /** Upper end of the range varied (spec.range, else spec.max). */
  hi: number;
  /** Whether the range is explored on a log scale. */
  log: boolean;
  /** Whether spec.range was given (false: [min, max] stands in). */
  documented: boolean;
}

/** A parameter selection that cannot be honoured (message is complete and user-facing). */
export class ParamSelectionError extends Error {}

/** A scenario fragment holding parameter values, shaped like the scenario file's sections. */
export interface ScenarioFragment {
  modules: Record<string, Record<string, number>>;
  world: Record<string, number>;
  populations: Record<string, number>;
}

/** One dimension from a spec: its id, the range varied (spec.range or [min, max]) and its scale. */
export function paramDim(section: ParamDim['section'], module: string | null, key: string, spec: ParamSpec): ParamDim {
  const id = module ? `modules.${module}.${key}` : `${section}.${key}`;
  const [lo, hi] = spec.range ?? [spec.min, spec.max];
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi && lo >= spec.min && hi <= spec.max)) {
    throw new Error(`${id}: range [${lo}, ${hi}] must be finite and inside [${spec.min}, ${spec.max}]`);
  }
  return { id, section, module, key, spec, lo, hi, log: lo > 0 && hi / lo >= LOG_SCALE_MIN_RATIO, documented: spec.range !== undefined };
}

function dims(section: 'world' | 'populations', specs: ParamSpecs): ParamDim[] {
  return Object.entries(specs).map(([key, spec]) => paramDim(section, null, key, spec));
}

/** Every parameter of the model, in scenario order: modules (registry order), world, populations. */
export function allParams(): ParamDim[] {
  const out: ParamDim[] = [];
  for (const m of MODULES) for (const [key, spec] of Object.entries(m.params)) out.push(paramDim('modules', m.id, key, spec));
  return [...out, ...dims('world', WORLD_PARAMS), ...dims('populations', POPULATION_PARAMS)];
}

/** Whether a parameter's value is schematic (its source starts with "schematic"). */
export function isSchematic(d: ParamDim): boolean {
  return /^schematic/i.test(d.spec.source.trim());
}

/**
 * Parses `--params all|schematic|ID,…`. Ids keep the order given; an unknown id is an error with
 * the closest ids; a parameter whose range is a single value cannot be varied.
 */
export function selectParams(text: string, space: readonly ParamDim[] = allParams()): ParamDim[] {
  const t = text.trim();
  let chosen: ParamDim[];
  if (t === 'all') chosen = [...space];
  else if (t === 'schematic') chosen = space.filter(isSchematic);
  else {
    const ids = t.split(',').map((s) => s.trim());
    const known = space.map((d) => d.id);
    chosen = ids.map((id, i) => {
      if (id === '') throw new ParamSelectionError(`--params "${text}": item ${i + 1} is empty`);
      const d = space.find((x) => x.id === id);
      if (d) return d;
      const near = closest(id, known, 3);
      throw new ParamSelectionError(`--params: unknown parameter "${id}"${near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : ''}; ids look like modules.<module>.<param>, world.<param>, populations.<param>`);
    });
    const seen = new Set<string>();
    for (const d of chosen) {
      if (seen.has(d.id)) throw new ParamSelectionError(`--params: "${d.id}" is given twice`);
      seen.add(d.id);
    }
  }
  const fixed = chosen.filter((d) => d.lo === d.hi);
  if (t !== 'all' && t !== 'schematic' && fixed.length) {
    throw new ParamSelectionError(`--params: ${fixed.map((d) => d.id).join(', ')} ha${fixed.length > 1 ? 've' : 's'} a range of a single value and cannot be varied`);
  }
  chosen = chosen.filter((d) => d.lo < d.hi);
  if (!chosen.length) throw new ParamSelectionError(`--params "${text}" selects no parameter that can be varied`);
  return chosen;
}

/** A parameter value from a unit coordinate u ∈ [0, 1] (log or linear; integers rounded). */
export function fromUnit(d: ParamDim, u: number): number {
  const c = Math.min(1, Math.max(0, u));
  // The deterministic log/exp: a design point or a particle gives the same value on any machine.
  let v = d.log ? dexp(dlog(d.lo) + c * (dlog(d.hi) - dlog(d.lo))) : d.lo + c * (d.hi - d.lo);
  if (c === 0) v = d.lo;
  if (c === 1) v = d.hi;
  if (d.spec.integer) v = Math.round(v);
  return Math.min(d.spec.max, Math.max(d.spec.min, v));
}

/** The unit coordinate of a value (the inverse of fromUnit before rounding). */
export function toUnit(d: ParamDim, v: number): number {
  if (d.hi === d.lo) return 0;
  const u = d.log ? (dlog(v) - dlog(d.lo)) / (dlog(d.hi) - dlog(d.lo)) : (v - d.lo) / (d.hi - d.lo);
  return Math.min(1, Math.max(0, u));
}

/** Parameter values (in the order of `space`) as a scenario fragment. */
export function fragmentOf(space: readonly ParamDim[], values: readonly number[]): ScenarioFragment {
  const f: ScenarioFragment = { modules: {}, world: {}, populations: {} };
  space.forEach((d, k) => {
    if (d.section === 'modules') (f.modules[d.module!] ??= {})[d.key] = values[k];
    else f[d.section][d.key] = values[k];
  });
  return f;
}

/**
 * A parsed scenario file with a fragment written over it (the fragment wins; the file's other
 * values stay). Returns a new object; `data` is not changed. The result is then resolved like
 * any scenario, so every value is validated against its spec.
 */
export function applyFragment(data: unknown, f: ScenarioFragment): Record<string, unknown> {
  const s = structuredClone(data) as Record<string, unknown>;
  const section = (name: string): Record<string, unknown> => {
    const cur = s[name];
    const obj = cur && typeof cur === 'object' && !Array.isArray(cur) ? (cur as Record<string, unknown>) : {};
    s[name] = obj;
    return obj;
  };
  if (Object.keys(f.world).length) Object.assign(section('world'), f.world);
  if (Object.keys(f.populations).length) Object.assign(section('populations'), f.populations);
  const ids = Object.keys(f.modules);
  if (ids.length) {
    const modules = section('modules');
    for (const id of ids) {
      const cur = modules[id];
      modules[id] = { ...(cur && typeof cur === 'object' ? (cur as object) : {}), ...f.modules[id] };
    }
  }
  return s;
}
