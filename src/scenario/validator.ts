import Ajv, { type Options, type ValidateFunction } from 'ajv';
import { scenarioSchema } from './schema';

/** ajv options of the scenario validator (the bundle's precompiled copy uses the same). */
export const VALIDATOR_OPTIONS: Options = { allErrors: true, verbose: true, strict: false };

/**
 * The scenario validator, compiled from the schema (~0.1 s). The command line's cached bundle
 * (bin/bundle-cache.mjs) replaces this module with ajv's standalone code for the same schema
 * and options, compiled when the bundle is built, so commands skip that step.
 */
export function scenarioValidator(): ValidateFunction {
  return new Ajv(VALIDATOR_OPTIONS).compile(scenarioSchema());
}
