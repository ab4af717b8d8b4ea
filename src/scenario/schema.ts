import { CATALOG } from '../catalog/index';
import type { ParamSpecs } from '../engine/params';
import { MODULES } from '../engine/schedule';
import { POPULATION_PARAMS, WORLD_PARAMS } from '../world/world-params';
import { QUANTITY_PATTERN, mathUnitOf } from './quantity';
import { DEFAULT_TICK_HOURS, DEFAULT_TICKS, MAX_TICKS, TICK_HOURS_RANGE } from './run-length';
import { WHATIF_FORMS, WHATIF_TIME_HELP } from './whatif';

/** A JSON Schema object (draft-07 subset used here). */
export type JsonSchema = Record<string, unknown>;

/** A number, or (for a value with a physical unit) a quantity string converted to that unit at resolution. */
function valueSchema(integer: boolean | undefined, unit: string): JsonSchema {
  const type = integer ? 'integer' : 'number';
  const unitOf = mathUnitOf(unit);
  // minimum and maximum apply to numbers only, pattern to strings only (JSON Schema).
  return unitOf ? { type: [type, 'string'], pattern: QUANTITY_PATTERN } : { type };
}

function paramsSchema(specs: ParamSpecs, title: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [key, s] of Object.entries(specs)) {
    const quantity = mathUnitOf(s.unit) ? ` A quantity string in any unit of the same dimension is converted to ${s.unit}, e.g. ${quantityExample(s.unit)}.` : '';
    properties[key] = {
      ...valueSchema(s.integer, s.unit),
      minimum: s.min,
      maximum: s.max,
      default: s.default,
      description: `${s.doc} [${s.unit}].${quantity}${s.range ? ` Plausible range: ${s.range[0]} to ${s.range[1]}.` : ''} Source: ${s.source}`,
    };
  }
  return { type: 'object', title, additionalProperties: false, properties };
}

function quantityExample(unit: string): string {
  const u = mathUnitOf(unit);
  return u === 'h^-1' ? '"0.5 /h" or "12 /d"' : u === 'h' ? '"36 h" or "1.5 d"' : u === 'um' ? '"20 um"' : u === 'um/h' ? '"10 um/h"' : '"400 um^2/h"';
}

/**
 * The JSON Schema of a scenario file, built from the world, population and module parameter
 * specs so it can never drift from the code. `scenarios/scenario.schema.json` is this, written
 * out for editors (a test checks it is current).
 */
export function scenarioSchema(): JsonSchema {
  const modules: Record<string, JsonSchema> = {};
  for (const m of MODULES) modules[m.id] = { ...paramsSchema(m.params, m.id), description: m.doc };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://exocascade.example/scenario.schema.json',
    title: 'exocascade scenario',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'cancerType'],
    properties: {
      $schema: { type: 'string', description: 'path of this schema, for editors' },
      name: { type: 'string', minLength: 1, description: 'display name' },
      description: { type: 'string' },
      cancerType: { type: 'string', description: 'cancer type id from the catalog (breast, pancreatic, melanoma, colorectal, hcc, lung, gastric, prostate, …)' },
      drainage: {
        oneOf: [
          { enum: ['caval', 'portal', 'pulmonary', 'vertebral'] },
          {
            type: 'object', additionalProperties: false, minProperties: 1,
            properties: Object.fromEntries(['caval', 'portal', 'pulmonary', 'vertebral'].map((k) => [k, { type: 'number', exclusiveMinimum: 0, maximum: 1 }])),
          },
        ],
        description: 'venous drainage of the primary, one route or the share of each: caval (lung is the first capillary bed), portal (liver first), pulmonary (arterial beds first) or vertebral (bone marrow first, Batson 1940). Default: portal for colorectal, gastric and pancreatic, pulmonary for lung, vertebral for prostate, caval otherwise',
      },
      seed: { type: 'integer', minimum: 0, maximum: 4294967295, default: 1, description: 'run seed (0 is a valid seed)' },
      tickHours: {
        ...valueSchema(false, 'hours'), minimum: TICK_HOURS_RANGE.min, maximum: TICK_HOURS_RANGE.max, default: DEFAULT_TICK_HOURS,
        description: 'simulated hours per tick (the resolution; --tick-hours overrides it and keeps the simulated time): hours, or a time such as "30 min"',
      },
      ticks: { type: 'integer', minimum: 0, maximum: MAX_TICKS, default: DEFAULT_TICKS, description: 'run length in ticks of tickHours (or give "duration" instead)' },
      duration: {
        ...valueSchema(false, 'hours'), minimum: 0,
        description: 'run length as simulated time, instead of "ticks": hours, or a time such as "25 d"; the run takes round(duration / tickHours) ticks',
      },
      cargo: {
        type: 'array', items: { type: 'string' }, uniqueItems: true,
        description: 'catalog ids the tumour packages; default: every entry with evidence for the cancer type',
      },
      extraCargo: {
        type: 'array', items: { type: 'string' }, uniqueItems: true,
        description: 'catalog ids packaged on top of `cargo` (or the cancer type default), e.g. integrins the review names without a cancer type',
      },
      doses: {
        type: 'object', additionalProperties: { type: 'number', minimum: 0, maximum: 100 },
        description: 'dose multiplier per cargo id (1 = as in the catalog)',
      },
      assumedEffects: {
        type: 'boolean', default: true,
        description: `whether cargo effects the catalog marks as assumptions (the model’s reading, not the evidence’s words) count: ${
          CATALOG.flatMap((c) => c.effects.filter((e) => e.assumption).map((e) => `${c.id} → ${e.effect} (${e.assumption})`)).join('; ')}`,
      },
      world: paramsSchema(WORLD_PARAMS, 'world'),
      populations: paramsSchema(POPULATION_PARAMS, 'populations'),
      modules: { type: 'object', additionalProperties: false, properties: modules, description: 'rule-module parameters by module id' },
      whatIfs: {
        type: 'array', items: { type: 'string' },
        description: `${WHATIF_FORMS.join(', ')}; ${WHATIF_TIME_HELP}`,
      },
    },
  };
}
