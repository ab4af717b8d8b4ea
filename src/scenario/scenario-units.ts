import type { ParamSpecs } from '../engine/params';
import { MODULES } from '../engine/schedule';
import { POPULATION_PARAMS, WORLD_PARAMS } from '../world/world-params';
import type { ScenarioIssue } from './errors';
import { QuantityError, quantityIn } from './quantity';

// A scenario file may write any parameter with a physical unit as a quantity string ("36 h",
// "0.5 /h", "400 um^2/h"), and its tick length and run length as times ("30 min", "25 d").
// Before the file is validated, each such string becomes a number in the parameter's own unit,
// so the schema checks ranges on the numbers the engine will get and the engine never sees a
// string. Strings elsewhere are left for the validator to report.

/** The scenario with quantities converted, the text each converted path had, and the strings that could not be. */
export interface ConvertedScenario {
  data: unknown;
  /** Original text by JSON pointer, for messages about a converted value. */
  written: Map<string, string>;
  issues: ScenarioIssue[];
}

/** The unit of the top-level times, in hours. */
const TOP_LEVEL_TIMES: Record<string, string> = { tickHours: 'hours', duration: 'hours' };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Converts the quantity strings of a parsed scenario file (a copy; `data` is not changed). */
export function convertQuantities(data: unknown): ConvertedScenario {
  const written = new Map<string, string>();
  const issues: ScenarioIssue[] = [];
  if (!isRecord(data)) return { data, written, issues };
  const convert = (where: Record<string, unknown>, key: string, unit: string, path: string) => {
    const text = where[key];
    if (typeof text !== 'string') return;
    try {
      where[key] = quantityIn(text, unit);
      written.set(path, text);
    } catch (err) {
      if (!(err instanceof QuantityError)) throw err;
      issues.push({ path, message: err.message });
    }
  };
  const out: Record<string, unknown> = { ...data };
  for (const [key, unit] of Object.entries(TOP_LEVEL_TIMES)) convert(out, key, unit, `/${key}`);
  const section = (where: Record<string, unknown>, key: string, specs: ParamSpecs, path: string) => {
    const given = where[key];
    if (!isRecord(given)) return;
    const copy = { ...given };
    where[key] = copy;
    for (const [name, spec] of Object.entries(specs)) convert(copy, name, spec.unit, `${path}/${name}`);
  };
  section(out, 'world', WORLD_PARAMS, '/world');
  section(out, 'populations', POPULATION_PARAMS, '/populations');
  if (isRecord(out.modules)) {
    const modules = { ...out.modules };
    out.modules = modules;
    for (const m of MODULES) section(modules, m.id, m.params, `/modules/${m.id}`);
  }
  return { data: out, written, issues };
}
