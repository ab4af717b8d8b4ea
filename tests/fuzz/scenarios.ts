import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { PARAM_PATHS, TOP_KEYS, hostileJson, nearLimits, whatIf } from './values';

// Mutated scenario files: a shipped preset with one to four mutations applied — a parameter set
// to a hostile value or to (just beyond) its limits, a key added at a wrong level or removed,
// what-ifs from the grammar (repeated, at odds, out of range) — and sometimes the text itself
// broken: a byte-order mark, truncation, deep nesting, another JSON value, trailing garbage.

/** The presets mutations start from. */
export const PRESETS = ['breast', 'pancreatic', 'melanoma', 'colorectal', 'hcc', 'lung', 'gastric', 'prostate'] as const;

/** One mutation of a parsed scenario (applied to a copy), named for the fuzz report. */
export interface Mutation {
  kind: string;
  apply: (s: Record<string, unknown>) => void;
}

function setPath(s: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let at = s;
  for (const k of keys.slice(0, -1)) {
    if (typeof at[k] !== 'object' || at[k] === null || Array.isArray(at[k])) at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]] = value;
}

const paramIndex = fc.integer({ min: 0, max: PARAM_PATHS.length - 1 });

/** Mutations of a parsed scenario. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // A parameter anywhere in its allowed range (a valid scenario that runs: does the budget hold?).
  { weight: 4, arbitrary: fc.tuple(paramIndex, fc.double({ min: 0, max: 1, noNaN: true })).map(([i, u]): Mutation => {
    const { spec, keys } = PARAM_PATHS[i];
    // Log-uniform where the range spans decades, so small and large values both come up.
    const v = spec.min > 0 && spec.max / spec.min > 100 ? spec.min * (spec.max / spec.min) ** u : spec.min + u * (spec.max - spec.min);
    return { kind: 'param-in-range', apply: (s) => setPath(s, keys, spec.integer ? Math.round(v) : v) };
  }) },
  // A parameter at or beyond its limits (numbers the schema checks), or any hostile value.
  { weight: 2, arbitrary: paramIndex.chain((i) => nearLimits(PARAM_PATHS[i].spec).map((v): Mutation => ({ kind: 'param-limit', apply: (s) => setPath(s, PARAM_PATHS[i].keys, v) }))) },
  fc.tuple(paramIndex, hostileJson).map(([i, v]): Mutation => ({ kind: 'param-hostile', apply: (s) => setPath(s, PARAM_PATHS[i].keys, v) })),
  fc.tuple(fc.constantFrom(...TOP_KEYS), hostileJson).map(([k, v]): Mutation => ({ kind: 'top-level-hostile', apply: (s) => { s[k] = v; } })),
  // A key at the wrong level: a parameter at the top level, under another section or module.
  fc.tuple(paramIndex, fc.constantFrom<string[]>([], ['world'], ['populations'], ['modules', 'tumour-growth'], ['modules', 'niche'], ['modules', 'nope'])).map(([i, where]): Mutation => ({
    kind: 'misplaced-key', apply: (s) => setPath(s, [...where, PARAM_PATHS[i].keys[PARAM_PATHS[i].keys.length - 1]], PARAM_PATHS[i].spec.default),
  })),
  fc.tuple(fc.string({ maxLength: 12 }), hostileJson).map(([k, v]): Mutation => ({ kind: 'unknown-key', apply: (s) => { s[k || '_'] = v; } })),
  fc.constantFrom('name', 'cancerType', 'world', 'modules', 'extraCargo', 'drainage').map((k): Mutation => ({ kind: 'delete-key', apply: (s) => { delete s[k]; } })),
  fc.array(whatIf, { minLength: 1, maxLength: 5 }).map((w): Mutation => ({ kind: 'what-ifs', apply: (s) => { s.whatIfs = w; } })),
  whatIf.map((w): Mutation => ({ kind: 'what-if-twice', apply: (s) => { s.whatIfs = [w, w]; } })),
  fc.integer({ min: 0, max: 60 }).map((t): Mutation => ({ kind: 'short-run', apply: (s) => { s.ticks = t; delete s.duration; } })),
);

/** How the text of a file is broken after its value is mutated. */
export type TextBreak = 'none' | 'bom' | 'truncate' | 'nest' | 'other-value' | 'garbage';

/** A mutated scenario: its text and what was done. */
export interface ScenarioCase {
  preset: string;
  mutations: string[];
  text: string;
  textBreak: TextBreak;
}

/** Scenario texts from mutated presets. */
export const scenarioCase: fc.Arbitrary<ScenarioCase> = fc.record({
  preset: fc.constantFrom(...PRESETS),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
  textBreak: fc.oneof({ weight: 12, arbitrary: fc.constant<TextBreak>('none') }, { weight: 1, arbitrary: fc.constantFrom<TextBreak>('bom', 'truncate', 'nest', 'other-value', 'garbage') }),
  cut: fc.double({ min: 0, max: 1, noNaN: true }),
  depth: fc.integer({ min: 1, max: 6000 }),
  other: fc.constantFrom('null', '[]', '1', '"x"', '{}', 'true'),
}).map(({ preset, mutations, textBreak, cut, depth, other }) => {
  const data = JSON.parse(readFileSync(`scenarios/${preset}.json`, 'utf8')) as Record<string, unknown>;
  for (const m of mutations) m.apply(data);
  let text = JSON.stringify(data);
  if (textBreak === 'bom') text = `\uFEFF${text}`;
  else if (textBreak === 'truncate') text = text.slice(0, Math.floor(cut * text.length));
  else if (textBreak === 'nest') text = `${'{"a":'.repeat(depth)}${text}${'}'.repeat(depth)}`;
  else if (textBreak === 'other-value') text = other;
  else if (textBreak === 'garbage') text = `${text}}{,`;
  return { preset, mutations: mutations.map((m) => m.kind), text, textBreak };
});
