import type { ErrorObject, ValidateFunction } from 'ajv';
import { EFFECT_IDS } from '../catalog/effects';
import { CANCER_TYPES } from '../catalog/cancer-types';
import { cargoForCancerType, getCargo, suggestCargo } from '../catalog/index';
import type { CancerTypeId } from '../catalog/cancer-types';
import { defaultsOf, type ParamSpecs } from '../engine/params';
import { MODULES } from '../engine/schedule';
import { hashJson } from '../core/hash';
import { POPULATION_PARAMS, WORLD_PARAMS } from '../world/world-params';
import { DRAINAGES, type Drainage } from '../world/vessels';
import type { RunConfig } from './config';
import { ScenarioError, clip, type ScenarioIssue } from './errors';
import { SCENARIO_LIMITS, stripBom, textLimitIssues, valueLimitIssues } from './input-limits';
import { jsonSyntaxError } from './json-text';
import { misplacedKeyHint } from './key-paths';
import { whatIfConflicts } from './whatif-conflicts';
import { didYouMean } from './suggest';
import { scenarioValidator } from './validator';
import { convertQuantities } from './scenario-units';
import { MAX_TICKS, runLength, type TimeOverrides } from './run-length';
import { WhatIfSyntaxError, parseWhatIf, resolveWhatIf, type WhatIf } from './whatif';
import { DEPLETABLE } from '../engine/depletable';

/** Changes applied on top of a scenario file (from the CLI, the UI or an experiment arm). */
export interface ScenarioOverrides extends TimeOverrides {
  seed?: number;
  /** What-if strings added after the file's own. */
  whatIfs?: readonly string[];
}

let validator: ValidateFunction | undefined;
function validate(data: unknown): ErrorObject[] {
  validator ??= scenarioValidator();
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

/**
 * An ajv error as an issue at its path. `written` holds the text of values that were quantity
 * strings, so a message about one shows what the file says and the number it became.
 */
function describe(e: ErrorObject, written: ReadonlyMap<string, string>): ScenarioIssue {
  const at = e.instancePath;
  const shown = (v: unknown) => clip(written.has(at) ? `"${written.get(at)}" (= ${JSON.stringify(v)})` : JSON.stringify(v) ?? String(v));
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(((e.parentSchema as { properties?: object }).properties ?? {}));
      return { path: `${at}/${key}`, message: `unknown key "${clip(key)}"${didYouMean(key, known) || misplacedKeyHint(key, at)}` };
    }
    case 'required':
      return { path: at, message: `missing required key "${(e.params as { missingProperty: string }).missingProperty}"` };
    case 'type':
      return { path: at, message: `expected ${(e.params as { type: string }).type}, got ${shown(e.data)}` };
    case 'minimum':
    case 'maximum': {
      const s = e.parentSchema as { minimum?: number; maximum?: number; description?: string };
      const unit = s.description?.match(/\[([^\]]+)\]/)?.[1];
      return { path: at, message: `${shown(e.data)} is out of range: expected ${s.minimum ?? '-∞'} to ${s.maximum ?? '∞'}${unit ? ` (${unit})` : ''}` };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: string[] }).allowedValues;
      return { path: at, message: `${shown(e.data)} is not one of ${allowed.map((a) => `"${a}"`).join(', ')}${typeof e.data === 'string' ? didYouMean(e.data, allowed) : ''}` };
    }
    default:
      return { path: at, message: e.message ?? e.keyword };
  }
}

function resolveParams(specs: ParamSpecs, given: Record<string, number> | undefined): Record<string, number> {
  return { ...defaultsOf(specs), ...(given ?? {}) };
}

interface ScenarioFile {
  name: string;
  description?: string;
  cancerType: string;
  drainage?: Drainage | Partial<Record<Drainage, number>>;
  seed?: number;
  tickHours?: number;
  ticks?: number;
  duration?: number;
  cargo?: string[];
  extraCargo?: string[];
  doses?: Record<string, number>;
  assumedEffects?: boolean;
  world?: Record<string, number>;
  populations?: Record<string, number>;
  modules?: Record<string, Record<string, number>>;
  whatIfs?: string[];
}

/**
 * Validates a parsed scenario and resolves it into a frozen RunConfig: defaults filled in,
 * cargo taken from the catalog, what-ifs applied. Throws ScenarioError naming `file` and the
 * path of every problem; nothing is returned for a bad scenario.
 */
export function resolveScenario(data: unknown, file: string, overrides: ScenarioOverrides = {}): RunConfig {
  const tooBig = valueLimitIssues(data, SCENARIO_LIMITS);
  if (tooBig.length) throw new ScenarioError(file, tooBig);
  const converted = convertQuantities(data);
  const schemaIssues = [...converted.issues, ...validate(converted.data).map((e) => describe(e, converted.written))];
  if (schemaIssues.length) throw new ScenarioError(file, dedupe(schemaIssues));
  const s = converted.data as ScenarioFile;
  const issues: ScenarioIssue[] = [];
  const time = runLength(s, overrides, issues);

  const typeIds = CANCER_TYPES.map((c) => c.id as string);
  if (!typeIds.includes(s.cancerType)) {
    issues.push({ path: '/cancerType', message: `unknown cancer type "${s.cancerType}"${didYouMean(s.cancerType, typeIds)}` });
    throw new ScenarioError(file, issues);
  }
  const unknownCargo = (id: string, path: string): boolean => {
    if (getCargo(id)) return false;
    const near = suggestCargo(id, 3);
    issues.push({ path, message: `unknown cargo id "${clip(id)}"${near.length ? ` (did you mean ${near.map((x) => `"${x}"`).join(' or ')}?)` : ''}` });
    return true;
  };
  let cargo = s.cargo ? [...s.cargo] : cargoForCancerType(s.cancerType as CancerTypeId).map((c) => c.id);
  s.cargo?.forEach((id, i) => unknownCargo(id, `/cargo/${i}`));
  s.extraCargo?.forEach((id, i) => {
    if (!unknownCargo(id, `/extraCargo/${i}`) && !cargo.includes(id)) cargo.push(id);
  });
  const doses: Record<string, number> = {};
  for (const [id, x] of Object.entries(s.doses ?? {})) if (!unknownCargo(id, `/doses/${id}`)) doses[id] = x;

  const texts: Array<[string, string]> = [
    ...(s.whatIfs ?? []).map((w, i): [string, string] => [w, `/whatIfs/${i}`]),
    ...(overrides.whatIfs ?? []).map((w, i): [string, string] => [w, `--what-if #${i + 1}`]),
  ];
  const whatIfs: WhatIf[] = [];
  const placed: Array<[WhatIf, string]> = [];
  for (const [text, path] of texts) {
    let w: WhatIf;
    try {
      w = resolveWhatIf(parseWhatIf(text), time.tickHours);
    } catch (err) {
      if (err instanceof WhatIfSyntaxError) { issues.push({ path, message: err.message }); continue; }
      throw err;
    }
    if ('tick' in w && !(w.tick <= MAX_TICKS)) {
      issues.push({ path, message: `"${clip(text)}" acts at tick ${w.tick}; what-if times must be at most tick ${MAX_TICKS} (the longest run)` });
      continue;
    }
    const conflict = whatIfConflicts(w, placed);
    if (conflict) { issues.push({ path, message: conflict }); continue; }
    placed.push([w, path]);
    if (w.op === 'ko') {
      if (unknownCargo(w.cargo, path)) continue;
      if (!cargo.includes(w.cargo)) { issues.push({ path, message: `ko: "${w.cargo}" is not packaged by this scenario${didYouMean(w.cargo, cargo)}` }); continue; }
      cargo = cargo.filter((c) => c !== w.cargo);
    } else if (w.op === 'ki') {
      if (unknownCargo(w.cargo, path)) continue;
      if (!cargo.includes(w.cargo)) cargo.push(w.cargo);
    } else if (w.op === 'dose') {
      if (unknownCargo(w.cargo, path)) continue;
      doses[w.cargo] = w.scale;
    } else if (w.op === 'deplete' && !(DEPLETABLE as readonly string[]).includes(w.population)) {
      issues.push({ path, message: `unknown population "${w.population}"${didYouMean(w.population, DEPLETABLE)}; expected one of ${DEPLETABLE.join(', ')}` });
      continue;
    } else if (w.op === 'block' && !(EFFECT_IDS as readonly string[]).includes(w.effect)) {
      issues.push({ path, message: `unknown effect "${w.effect}"${didYouMean(w.effect, EFFECT_IDS)}` });
      continue;
    }
    whatIfs.push(w);
  }
  if (issues.length) throw new ScenarioError(file, issues);

  const modules: Record<string, Record<string, number>> = {};
  for (const m of MODULES) modules[m.id] = resolveParams(m.params, s.modules?.[m.id]);
  const config: RunConfig = {
    name: s.name,
    cancerType: s.cancerType,
    drainage: drainageMix(s.drainage ?? defaultDrainage(s.cancerType)),
    seed: overrides.seed ?? s.seed ?? 1,
    tickHours: time.tickHours,
    ticks: time.ticks,
    cargo: [...cargo].sort(),
    assumedEffects: s.assumedEffects ?? true,
    doses,
    world: resolveParams(WORLD_PARAMS, s.world),
    populations: resolveParams(POPULATION_PARAMS, s.populations),
    modules,
    whatIfs,
  };
  return deepFreeze(config);
}

/** Scenario text as JSON data: BOM stripped, input limits checked, a syntax error named by file and position. */
export function scenarioData(rawText: string, file: string): unknown {
  const text = stripBom(rawText);
  const tooBig = textLimitIssues(text, SCENARIO_LIMITS);
  if (tooBig.length) throw new ScenarioError(file, tooBig);
  try {
    return JSON.parse(text);
  } catch (err) {
    const at = jsonSyntaxError(text);
    const where = at ? `at line ${at.line}, column ${at.column}: ${at.message}` : (err as Error).message;
    throw new ScenarioError(file, [{ path: '', message: `not valid JSON ${where}` }]);
  }
}

/** Parses scenario text (JSON) and resolves it; a syntax error names the file and position. */
export function parseScenario(rawText: string, file: string, overrides: ScenarioOverrides = {}): RunConfig {
  return resolveScenario(scenarioData(rawText, file), file, overrides);
}

/** Hash identifying the scenario content of a config (everything but seed and run length). */
export function scenarioHash(config: RunConfig): string {
  return hashJson({ ...config, seed: undefined, ticks: undefined });
}

function dedupe(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path}|${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** A drainage as shares of each route summing to 1 (a single route is a share of 1). */
function drainageMix(d: Drainage | Partial<Record<Drainage, number>>): Partial<Record<Drainage, number>> {
  if (typeof d === 'string') return { [d]: 1 };
  const total = DRAINAGES.reduce((sum, k) => sum + (d[k] ?? 0), 0);
  const mix: Partial<Record<Drainage, number>> = {};
  for (const k of DRAINAGES) if ((d[k] ?? 0) > 0) mix[k] = (d[k] ?? 0) / total;
  return mix;
}

/** Venous drainage of a primary site: the gut and pancreas drain through the portal vein. */
function defaultDrainage(cancerType: string): Drainage {
  if (cancerType === 'colorectal' || cancerType === 'gastric' || cancerType === 'pancreatic') return 'portal';
  if (cancerType === 'lung') return 'pulmonary';
  if (cancerType === 'prostate') return 'vertebral';
  return 'caval';
}
