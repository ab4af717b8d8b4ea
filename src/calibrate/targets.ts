import { InputFileError, readInputJson } from '../node/input-file';
import { SCENARIO_LIMITS } from '../scenario/input-limits';
import { ScenarioError, type ScenarioIssue } from '../scenario/errors';
import { didYouMean } from '../scenario/suggest';

// The targets file: what a calibration fits and what a report checks — each an observable of
// one preset's ensemble, what it should be (an ordering, an interval, or a value with a
// tolerance), a weight and its source. Format: docs/calibration.md. Validation here names the
// file and the JSON path of every problem, as scenario validation does.

/** Organs whose metastases count as distant (they carry metrics `metastases.<organ>`). */
export const DISTANT_ORGANS = ['lung', 'liver', 'bone', 'brain'] as const;

/** Metrics computed from engine metrics: name → the metrics summed. */
export const DERIVED_METRICS: Readonly<Record<string, readonly string[]>> = {
  'metastases.distant': DISTANT_ORGANS.map((o) => `metastases.${o}`),
};

/** How organ shares pool seeds: colonies summed over seeds, or seeds with the organ involved. */
export type SharePool = 'metastases' | 'seeds';

/** What a target looks at, resolved from the file's observable object. */
export type Observable =
  | { type: 'metric'; metric: string }
  | { type: 'ratio'; numerator: string; denominator: string }
  | { type: 'shares'; organs: string[]; among: string[]; pool: SharePool }
  | { type: 'fraction'; metrics: string[]; atLeast: number | null; atMost: number | null }
  /** Relative change of a metric's mean under the target's what-ifs, against the preset as written (same seeds). */
  | { type: 'change'; metric: string };

/** One target after validation. */
export interface Target {
  id: string;
  /** Scenario preset id (scenarios/<preset>.json). */
  preset: string;
  /**
   * What-ifs the preset runs with for this target (an experiment: a knockout, a depletion);
   * empty for the preset as written.
   */
  whatIfs: string[];
  observable: Observable;
  kind: 'ordering' | 'interval' | 'value';
  /** interval: bounds (null = unbounded on that side). */
  min: number | null;
  max: number | null;
  /** value: centre and tolerance. */
  value: number | null;
  tolerance: number | null;
  /** ordering: the lead each value must have over the next, in the observable's units. */
  margin: number;
  /** Normalising scale of the distance (see distance.ts); null: the kind's default. */
  scale: number | null;
  weight: number;
  source: string;
  note: string | null;
}

/** A validated targets file. */
export interface TargetsFile {
  file: string;
  description: string;
  targets: Target[];
}

/** A targets file that cannot be used: names the file and the path of every problem (exit 2). */
export class TargetsError extends ScenarioError {
  constructor(file: string, issues: ScenarioIssue[]) {
    super(file, issues);
    this.name = 'TargetsError';
  }
}

/** What the validator checks names against. */
export interface TargetContext {
  /** Engine metric names (METRIC_NAMES). */
  metrics: readonly string[];
  /** Preset ids that exist (scenario files). */
  presets: readonly string[];
}

/** Default ordering margin for shares and fractions (one percentage point). */
export const DEFAULT_SHARE_MARGIN = 0.01;

const TARGET_KEYS = ['id', 'preset', 'whatIfs', 'observable', 'kind', 'min', 'max', 'value', 'tolerance', 'margin', 'scale', 'weight', 'source', 'note'];
const OBSERVABLE_KEYS = ['metric', 'ratio', 'share', 'shares', 'fraction', 'change'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Validates parsed targets JSON; throws TargetsError listing every problem. */
export function validateTargets(data: unknown, file: string, ctx: TargetContext): TargetsFile {
  const issues: ScenarioIssue[] = [];
  const bad = (path: string, message: string) => issues.push({ path, message });
  const metricNames = [...ctx.metrics, ...Object.keys(DERIVED_METRICS)];
  const metric = (v: unknown, path: string): string | null => {
    if (typeof v !== 'string') return bad(path, `expected a metric name, got ${JSON.stringify(v)}`), null;
    if (!metricNames.includes(v)) return bad(path, `unknown metric "${v}"${didYouMean(v, metricNames)}`), null;
    return v;
  };
  const organ = (v: unknown, path: string): string | null => {
    if (typeof v !== 'string' || !(DISTANT_ORGANS as readonly string[]).includes(v)) {
      return bad(path, `expected one of ${DISTANT_ORGANS.join(', ')}, got ${JSON.stringify(v)}${typeof v === 'string' ? didYouMean(v, DISTANT_ORGANS) : ''}`), null;
    }
    return v;
  };
  const unknownKeys = (o: Obj, allowed: readonly string[], path: string) => {
    for (const k of Object.keys(o)) if (!allowed.includes(k) && k !== '$comment') bad(`${path}/${k}`, `unknown key "${k}"${didYouMean(k, allowed)}`);
  };

  if (!isObj(data)) throw new TargetsError(file, [{ path: '', message: 'expected an object with "targets"' }]);
  unknownKeys(data, ['description', 'targets'], '');
  if (!Array.isArray(data.targets) || data.targets.length === 0) bad('/targets', 'expected a non-empty array of targets');
  const targets: Target[] = [];
  const ids = new Set<string>();
  (Array.isArray(data.targets) ? data.targets : []).forEach((t: unknown, i: number) => {
    const at = `/targets/${i}`;
    if (!isObj(t)) {
      bad(at, 'expected an object');
      return;
    }
    unknownKeys(t, TARGET_KEYS, at);
    const n0 = issues.length;
    if (typeof t.id !== 'string' || t.id === '') bad(`${at}/id`, 'expected a non-empty string');
    else if (ids.has(t.id)) bad(`${at}/id`, `"${t.id}" is used by another target`);
    else ids.add(t.id);
    if (typeof t.preset !== 'string') bad(`${at}/preset`, 'expected a preset id, e.g. "breast"');
    else if (!ctx.presets.includes(t.preset)) bad(`${at}/preset`, `unknown preset "${t.preset}"${didYouMean(t.preset, ctx.presets)}; presets: ${ctx.presets.join(', ')}`);
    if (typeof t.source !== 'string' || t.source.trim().length < 10) bad(`${at}/source`, 'expected the full citation of the data');
    if (t.note !== undefined && typeof t.note !== 'string') bad(`${at}/note`, 'expected a string');
    const weight = t.weight ?? 1;
    if (!isNum(weight) || weight <= 0) bad(`${at}/weight`, `expected a positive number, got ${JSON.stringify(t.weight)}`);
    if (t.scale !== undefined && !(isNum(t.scale) && t.scale > 0)) bad(`${at}/scale`, `expected a positive number, got ${JSON.stringify(t.scale)}`);
    const whatIfs = t.whatIfs === undefined ? [] : Array.isArray(t.whatIfs) && t.whatIfs.every((w) => typeof w === 'string' && w.trim() !== '')
      ? (t.whatIfs as string[]).map((w) => w.trim())
      : (bad(`${at}/whatIfs`, 'expected a list of what-ifs, e.g. ["ko:mif"]'), []);
    const obs = observable(t.observable, `${at}/observable`);
    if (obs?.type === 'change' && whatIfs.length === 0) bad(`${at}/whatIfs`, 'a "change" observable compares the preset with what-ifs applied: give "whatIfs"');
    const kind = t.kind;
    if (kind !== 'ordering' && kind !== 'interval' && kind !== 'value') bad(`${at}/kind`, `expected "ordering", "interval" or "value", got ${JSON.stringify(kind)}`);
    const num = (k: string): number | null => {
      if (t[k] === undefined) return null;
      if (!isNum(t[k])) return bad(`${at}/${k}`, `expected a number, got ${JSON.stringify(t[k])}`), null;
      return t[k] as number;
    };
    const [min, max, value, tolerance, margin] = ['min', 'max', 'value', 'tolerance', 'margin'].map(num);
    const only = (allowed: string[]) => {
      for (const k of ['min', 'max', 'value', 'tolerance', 'margin']) if (t[k] !== undefined && !allowed.includes(k)) bad(`${at}/${k}`, `"${k}" does not apply to a target of kind "${String(kind)}"`);
    };
    if (kind === 'interval') {
      only(['min', 'max']);
      if (min === null && max === null) bad(at, 'an interval target needs "min", "max" or both');
      if (min !== null && max !== null && min > max) bad(`${at}/max`, `max ${max} is below min ${min}`);
    } else if (kind === 'value') {
      only(['value', 'tolerance']);
      if (value === null) bad(`${at}/value`, 'a value target needs "value"');
      if (tolerance === null || tolerance <= 0) bad(`${at}/tolerance`, 'a value target needs a positive "tolerance"');
    } else if (kind === 'ordering') {
      only(['margin']);
      if (obs && !(obs.type === 'shares' && obs.organs.length >= 2)) bad(`${at}/observable`, 'an ordering target needs {"shares": [organ, organ, …]} listing at least two organs, highest first');
      if (margin !== null && margin < 0) bad(`${at}/margin`, 'expected a margin ≥ 0');
    }
    if (kind !== 'ordering' && obs?.type === 'shares' && obs.organs.length !== 1) bad(`${at}/observable`, `a target of kind "${String(kind)}" looks at one organ: use {"share": "<organ>"}`);
    if (issues.length > n0 || !obs) return;
    targets.push({
      id: t.id as string, preset: t.preset as string, whatIfs, observable: obs, kind: kind as Target['kind'],
      min, max, value, tolerance, margin: margin ?? DEFAULT_SHARE_MARGIN, scale: (t.scale as number | undefined) ?? null,
      weight: weight as number, source: (t.source as string).trim(), note: (t.note as string | undefined) ?? null,
    });
  });
  if (issues.length) throw new TargetsError(file, issues);
  return { file, description: typeof data.description === 'string' ? data.description : '', targets };

  function observable(o: unknown, at: string): Observable | null {
    if (!isObj(o)) return bad(at, `expected an object with one of ${OBSERVABLE_KEYS.map((k) => `"${k}"`).join(', ')}`), null;
    const which = OBSERVABLE_KEYS.filter((k) => o[k] !== undefined);
    if (which.length !== 1) return bad(at, `expected exactly one of ${OBSERVABLE_KEYS.map((k) => `"${k}"`).join(', ')}${which.length ? `, got ${which.join(' and ')}` : ''}`), null;
    const w = which[0];
    const n0 = issues.length;
    if (w === 'metric') {
      unknownKeys(o, ['metric'], at);
      const m = metric(o.metric, `${at}/metric`);
      return m && issues.length === n0 ? { type: 'metric', metric: m } : null;
    }
    if (w === 'change') {
      unknownKeys(o, ['change'], at);
      const m = metric(o.change, `${at}/change`);
      return m && issues.length === n0 ? { type: 'change', metric: m } : null;
    }
    if (w === 'ratio') {
      unknownKeys(o, ['ratio'], at);
      if (!Array.isArray(o.ratio) || o.ratio.length !== 2) return bad(`${at}/ratio`, 'expected [numerator metric, denominator metric]'), null;
      const [a, b] = [metric(o.ratio[0], `${at}/ratio/0`), metric(o.ratio[1], `${at}/ratio/1`)];
      return a && b ? { type: 'ratio', numerator: a, denominator: b } : null;
    }
    if (w === 'share' || w === 'shares') {
      unknownKeys(o, [w, 'among', 'pool'], at);
      const list = w === 'share' ? [o.share] : o.shares;
      if (!Array.isArray(list) || list.length === 0) return bad(`${at}/shares`, 'expected a list of organs, highest first'), null;
      const organs = list.map((x, i) => organ(x, w === 'share' ? `${at}/share` : `${at}/shares/${i}`));
      if (new Set(list).size !== list.length) bad(`${at}/shares`, 'an organ is listed twice');
      const among = o.among === undefined ? [...DISTANT_ORGANS] : Array.isArray(o.among) ? o.among.map((x, i) => organ(x, `${at}/among/${i}`)) : (bad(`${at}/among`, 'expected a list of organs'), []);
      for (const g of organs) if (g && !among.includes(g)) bad(`${at}/among`, `"${g}" must be among the organs of the denominator`);
      const pool = o.pool ?? 'metastases';
      if (pool !== 'metastases' && pool !== 'seeds') bad(`${at}/pool`, `expected "metastases" (colonies pooled over seeds) or "seeds" (seeds with the organ involved), got ${JSON.stringify(o.pool)}`);
      if (issues.length > n0) return null;
      return { type: 'shares', organs: organs as string[], among: among as string[], pool: pool as SharePool };
    }
    unknownKeys(o, ['fraction'], at);
    const f = o.fraction;
    if (!isObj(f)) return bad(`${at}/fraction`, 'expected {"metric": name or "metrics": [names], "atLeast": x and/or "atMost": y}'), null;
    unknownKeys(f, ['metric', 'metrics', 'atLeast', 'atMost'], `${at}/fraction`);
    if ((f.metric === undefined) === (f.metrics === undefined)) return bad(`${at}/fraction`, 'expected "metric" or "metrics" (summed), not both'), null;
    let names: (string | null)[] = [];
    if (f.metric !== undefined) names = [metric(f.metric, `${at}/fraction/metric`)];
    else if (Array.isArray(f.metrics) && f.metrics.length) names = f.metrics.map((m, i) => metric(m, `${at}/fraction/metrics/${i}`));
    else bad(`${at}/fraction/metrics`, 'expected a non-empty list of metric names');
    const lo = f.atLeast === undefined ? null : isNum(f.atLeast) ? f.atLeast : (bad(`${at}/fraction/atLeast`, 'expected a number'), null);
    const hi = f.atMost === undefined ? null : isNum(f.atMost) ? f.atMost : (bad(`${at}/fraction/atMost`, 'expected a number'), null);
    if (f.atLeast === undefined && f.atMost === undefined) bad(`${at}/fraction`, 'expected "atLeast", "atMost" or both');
    if (issues.length > n0) return null;
    return { type: 'fraction', metrics: names as string[], atLeast: lo, atMost: hi };
  }
}

/** Reads and validates a targets file (Node only). */
export function loadTargetsFile(file: string, ctx: TargetContext): TargetsFile {
  let data: unknown;
  try {
    // Within a scenario's limits (size, nesting, BOM accepted); a bad file names itself.
    data = readInputJson(file, 'targets file', SCENARIO_LIMITS);
  } catch (err) {
    if (err instanceof InputFileError) throw new TargetsError(file, [{ path: '', message: err.reason }]);
    throw err;
  }
  return validateTargets(data, file, ctx);
}

/** The preset ids the targets name, in first-use order. */
export function presetsOf(t: TargetsFile): string[] {
  return [...new Set(t.targets.map((x) => x.preset))];
}

/** The run a target reads: its preset, with its what-ifs if it has any ("preset|ko:x,…"). */
export function runKeyOf(t: Pick<Target, 'preset' | 'whatIfs'>): string {
  return t.whatIfs.length ? `${t.preset}|${t.whatIfs.join(',')}` : t.preset;
}

/** One ensemble the targets need: a preset as written, or with what-ifs. */
export interface TargetRun {
  key: string;
  preset: string;
  whatIfs: string[];
}

/**
 * Every ensemble the targets read, in first-use order: each target's run, and for a "change"
 * target its preset as written too (the baseline it is compared with).
 */
export function runsOf(t: TargetsFile): TargetRun[] {
  const runs = new Map<string, TargetRun>();
  const add = (preset: string, whatIfs: string[]) => {
    const key = runKeyOf({ preset, whatIfs });
    if (!runs.has(key)) runs.set(key, { key, preset, whatIfs });
  };
  for (const x of t.targets) {
    if (x.observable.type === 'change') add(x.preset, []);
    add(x.preset, x.whatIfs);
  }
  return [...runs.values()];
}

/** Every engine metric an observable reads (derived metrics expanded), for trimming run records. */
export function metricsRead(o: Observable): string[] {
  const expand = (m: string): string[] => [...(DERIVED_METRICS[m] ?? [m])];
  switch (o.type) {
    case 'metric': return expand(o.metric);
    case 'ratio': return [...expand(o.numerator), ...expand(o.denominator)];
    case 'shares': return o.among.map((g) => `metastases.${g}`);
    case 'fraction': return o.metrics.flatMap(expand);
    case 'change': return expand(o.metric);
  }
}
