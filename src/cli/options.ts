import { MAX_BUDGET_FACTOR } from '../experiment/budget';
import { MAX_SEED } from '../experiment/grid';
import { clip } from '../scenario/errors';
import { MAX_TICKS } from '../scenario/run-length';
import { UsageError } from './usage';

// Numbers on the command line, checked against the ranges the scenario schema gives them:
// exact integers (never rounded), decimals without units or Infinity, factors above 0.

/** Inclusive bounds of an integer option. */
export interface IntRange {
  min: number;
  max: number;
}

/** Seeds: what the scenario schema allows (0 … 2^32 − 1). */
export const SEED_RANGE: IntRange = { min: 0, max: MAX_SEED };
/** Ticks of one run: what the scenario schema allows. */
export const TICKS_RANGE: IntRange = { min: 0, max: MAX_TICKS };

/**
 * Parses an integer option exactly (digits only, compared as text before any rounding, so
 * 9007199254740993 or a 400-digit number is an error, never a neighbouring number) within
 * `range`; throws a UsageError naming the option and its range otherwise.
 */
export function intOption(value: string | undefined, name: string, range: IntRange = { min: 0, max: Number.MAX_SAFE_INTEGER }): number | undefined {
  if (value === undefined) return undefined;
  const digits = /^\d+$/.test(value) ? value.replace(/^0+(?=\d)/, '') : null;
  const n = digits === null ? NaN : Number(digits);
  if (digits === null || digits.length > String(range.max).length || !(n >= range.min && n <= range.max)) {
    throw new UsageError(`--${name} expects a whole number from ${range.min} to ${range.max}, got "${clip(value, 60)}"`);
  }
  return n;
}

/**
 * Parses a decimal number option (no units, no hex, no Infinity) within [min, max] (or
 * (min, max) when `exclusive`); throws a UsageError naming the option otherwise.
 */
export function numberOption(value: string | undefined, name: string, min: number, max: number, exclusive = false): number | undefined {
  if (value === undefined) return undefined;
  const ok = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d{1,3})?\s*$/.test(value);
  const n = ok ? Number(value) : NaN;
  if (!(exclusive ? n > min && n < max : n >= min && n <= max)) {
    throw new UsageError(`--${name} expects a number ${exclusive ? 'strictly ' : ''}between ${min} and ${max}, got "${clip(value, 60)}"`);
  }
  return n;
}

/** Parses `--budget F` (a factor on every limit of the resource budget, 0 < F ≤ MAX_BUDGET_FACTOR). */
export function budgetOption(value: string): number {
  const f = numberOption(value, 'budget', 0, MAX_BUDGET_FACTOR) as number;
  if (f === 0) throw new UsageError(`--budget expects a factor above 0 (at most ${MAX_BUDGET_FACTOR}), got "${clip(value, 60)}"`);
  return f;
}

/**
 * Parses a time option such as `--tick-hours`: a bare number is hours; anything else is passed
 * on as a quantity ("30 min", "0.5 h"), which the scenario resolver converts and, if it is not
 * a time, reports against the option.
 */
export function timeOption(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  return /^\s*(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value) ? Number(value) : value;
}

