import Ajv, { type Options, type ValidateFunction } from 'ajv';
import { scenarioSchema } from './schema';

/**
 * ajv options of the scenario validator. Every command that reads a scenario compiles it, so
 * compiling is kept cheap (~40 ms instead of ~130 ms in a fresh process): the schema is not
 * checked against the JSON Schema meta-schema here (the code generates it; a test checks it
 * once) and ajv does not optimise the code it generates (it runs once per scenario).
 */
export const VALIDATOR_OPTIONS: Options = { allErrors: true, verbose: true, strict: false, validateSchema: false, code: { optimize: false } };

/** The scenario validator, compiled from the schema. */
export function scenarioValidator(): ValidateFunction {
  return new Ajv(VALIDATOR_OPTIONS).compile(scenarioSchema());
}
