/** One numeric parameter of a rule module or population: range, unit and where its value comes from. */
export interface ParamSpec {
  /** Value used when the scenario does not set it. */
  default: number;
  /** Inclusive lower bound. */
  min: number;
  /** Inclusive upper bound. */
  max: number;
  /**
   * The documented plausible range, [lo, hi] within [min, max]: what sensitivity analysis
   * explores and calibration takes as its prior (log-scaled when lo > 0 and hi/lo ≥ 100).
   */
  range?: readonly [number, number];
  /** Unit, spelled out ('per hour', 'µm²/h', 'cells', '1' for dimensionless). */
  unit: string;
  /** What it means, in one line. */
  doc: string;
  /** Where the value comes from: a citation from the review, or 'schematic: …' with the reason. */
  source: string;
  /** True when only whole numbers are allowed. */
  integer?: boolean;
}

/** A named set of parameter specs. */
export type ParamSpecs = Record<string, ParamSpec>;

/** Resolved values for a set of specs. */
export type ParamValues<S extends ParamSpecs> = { readonly [K in keyof S]: number };

/** Values of every spec at its default. */
export function defaultsOf<S extends ParamSpecs>(specs: S): ParamValues<S> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(specs)) out[key] = specs[key].default;
  return out as ParamValues<S>;
}
