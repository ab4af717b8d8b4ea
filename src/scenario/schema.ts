import type { ParamSpecs } from '../engine/params';
import { MODULES } from '../engine/schedule';
import { POPULATION_PARAMS, WORLD_PARAMS } from '../world/world-params';

/** A JSON Schema object (draft-07 subset used here). */
export type JsonSchema = Record<string, unknown>;

function paramsSchema(specs: ParamSpecs, title: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [key, s] of Object.entries(specs)) {
    properties[key] = {
      type: s.integer ? 'integer' : 'number',
      minimum: s.min,
      maximum: s.max,
      default: s.default,
      description: `${s.doc} [${s.unit}]. Source: ${s.source}`,
    };
  }
  return { type: 'object', title, additionalProperties: false, properties };
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
      drainage: { enum: ['caval', 'portal', 'pulmonary', 'vertebral'], description: 'venous drainage of the primary: caval (lung is the first capillary bed), portal (liver first), pulmonary (arterial beds first) or vertebral (bone marrow first). Default: portal for colorectal, gastric and pancreatic, pulmonary for lung, vertebral for prostate, caval otherwise' },
      seed: { type: 'integer', minimum: 0, maximum: 4294967295, default: 1, description: 'run seed (0 is a valid seed)' },
      tickHours: { type: 'number', minimum: 0.05, maximum: 48, default: 2, description: 'simulated hours per tick' },
      ticks: { type: 'integer', minimum: 0, maximum: 1000000, default: 300, description: 'ticks to run' },
      frameEveryTicks: { type: 'integer', minimum: 1, maximum: 1000, default: 1, description: 'ticks between frames sent to the renderer' },
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
      world: paramsSchema(WORLD_PARAMS, 'world'),
      populations: paramsSchema(POPULATION_PARAMS, 'populations'),
      modules: { type: 'object', additionalProperties: false, properties: modules, description: 'rule-module parameters by module id' },
      whatIfs: {
        type: 'array', items: { type: 'string' },
        description: 'ko:<cargo>, ki:<cargo>, dose:<cargo>=<x>, deplete:<population>@<tick>[=<fraction>], block-secretion@<tick>=<fraction>, block:<effect>@<tick>=<fraction>',
      },
    },
  };
}
