import Ajv, { type Options, type ValidateFunction } from 'ajv';
import { scenarioSchema } from './schema';

/** ajv options of the scenario validator. */
export const VALIDATOR_OPTIONS: Options = { allErrors: true, verbose: true, strict: false };

/** The scenario validator, compiled from the schema. */
export function scenarioValidator(): ValidateFunction {
  return new Ajv(VALIDATOR_OPTIONS).compile(scenarioSchema());
}
