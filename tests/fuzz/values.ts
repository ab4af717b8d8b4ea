import fc from 'fast-check';
import { CATALOG } from '../../src/catalog/index';
import { EFFECT_IDS } from '../../src/catalog/effects';
import { DEPLETABLE } from '../../src/engine/depletable';
import { MODULES } from '../../src/engine/schedule';
import type { ParamSpec } from '../../src/engine/params';
import { POPULATION_PARAMS, WORLD_PARAMS } from '../../src/world/world-params';

// The raw material of the fuzz suite: hostile values for JSON fields and command-line flags,
// what-if strings from their grammar with hostile parts, and every parameter path of a scenario
// with its spec (so values land on and just beyond the documented limits).

/** A parameter of a scenario file: its JSON path (keys) and spec. */
export interface ParamPath {
  keys: string[];
  spec: ParamSpec;
}

/** Every parameter of a scenario: modules, world and populations. */
export const PARAM_PATHS: readonly ParamPath[] = [
  ...MODULES.flatMap((m) => Object.entries(m.params).map(([k, spec]) => ({ keys: ['modules', m.id, k], spec }))),
  ...Object.entries(WORLD_PARAMS).map(([k, spec]) => ({ keys: ['world', k], spec: spec as ParamSpec })),
  ...Object.entries(POPULATION_PARAMS).map(([k, spec]) => ({ keys: ['populations', k], spec: spec as ParamSpec })),
];

/** Top-level keys of a scenario file. */
export const TOP_KEYS = ['name', 'description', 'cancerType', 'drainage', 'seed', 'tickHours', 'ticks', 'duration', 'cargo', 'extraCargo', 'doses', 'assumedEffects', 'world', 'populations', 'modules', 'whatIfs'];

const CARGO_IDS = CATALOG.map((c) => c.id);

/** Numbers that break things: zeros, signs, the ends of doubles and of integer ranges. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 2, 3, 1e-300, 5e-324, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, 2 ** 32, 4294967295, 4294967296, 1e6, 1e7, 1e9),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A value near a spec's limits: its default, min, max, and just beyond them. */
export function nearLimits(spec: ParamSpec): fc.Arbitrary<number> {
  const eps = (x: number) => Math.max(Math.abs(x) * 1e-9, 1e-12);
  return fc.constantFrom(spec.default, spec.min, spec.max, spec.min - eps(spec.min), spec.max + eps(spec.max), (spec.min + spec.max) / 2, spec.integer ? spec.min + 0.5 : spec.max);
}

/** Strings that break things: quantities with odd units and magnitudes, long, empty, control characters. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('36 h', '1.5 d', '90 min', '0.5 /h', '12 /d', '20 um', '10 um/h', '400 um^2/h', '400 µm²/h', '1e400 h', '-1 h', 'NaN h', 'Infinity h', '3 um', '1 parsec', 'h', '', ' ', '1e3', '0x10', '\u0000', '\uFEFF1', '"', '\\', 'null', '{}', '[]'),
  fc.string({ maxLength: 20 }),
  fc.constant('x'.repeat(5000)),
  fc.constant('9'.repeat(400)),
);

/** Any JSON value a hostile file might hold in a field. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileNumber },
  { weight: 3, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [1, 2], { a: 1 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileNumber, hostileString), { maxLength: 4 }) },
);

const cargo = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...CARGO_IDS) }, { weight: 1, arbitrary: fc.constantFrom('mir-10bb', 'MIF', '', 'x'.repeat(300), 'ko', '../x') });
const time = fc.oneof(
  fc.integer({ min: 0, max: 400 }).map(String),
  fc.constantFrom('0', '1000000', '1000001', '9'.repeat(400), '-1', '1.5', '2d', '48h', '90min', '30 min', '1e400h', '-3h', 'NaNh', 'h', '', '1 parsec'),
);
const fraction = fc.constantFrom('0', '1', '0.5', '0.25', '1.5', '-0', '-0.5', '1e400', '1e-400', 'x', '');
const population = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...DEPLETABLE) }, { weight: 1, arbitrary: fc.constantFrom('nkk', 'tumour', '') });
const effect = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...EFFECT_IDS) }, { weight: 1, arbitrary: fc.constantFrom('tcell.supress', 'x', '') });

/** A what-if string from its grammar, with hostile names, times and fractions. */
export const whatIf: fc.Arbitrary<string> = fc.oneof(
  cargo.map((c) => `ko:${c}`),
  cargo.map((c) => `ki:${c}`),
  fc.tuple(cargo, fc.constantFrom('0', '1', '2', '100', '101', '-1', '1e400', 'x')).map(([c, x]) => `dose:${c}=${x}`),
  fc.tuple(population, time, fc.option(fraction, { nil: undefined })).map(([p, t, f]) => `deplete:${p}@${t}${f === undefined ? '' : `=${f}`}`),
  fc.tuple(time, fraction).map(([t, f]) => `block-secretion@${t}=${f}`),
  fc.tuple(effect, time, fraction).map(([e, t, f]) => `block:${e}@${t}=${f}`),
  hostileString,
);

/** Values for a numeric command-line flag: valid small numbers most often, then everything else. */
export const flagNumber: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 30 }).map(String) },
  {
    weight: 3, arbitrary: fc.constantFrom('-1', '', ' ', '1e3', '0x10', '1.5', 'NaN', 'Infinity', '4294967295', '4294967296', '9007199254740993',
      '9'.repeat(400), '1000000', '1000001', '007', '+3', '3 ', '--json', '0.05', '48', '30 min', '1e-400'),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
