import { create, createUnitDependencies, unitDependencies, type Unit } from 'mathjs';
import { clip } from './errors';

// Quantities with units in scenario files and on the command line ("36 h", "1.5 d",
// "400 um^2/h", "0.5 /h", "30 min"), converted with mathjs's units, once, when a scenario is
// resolved: the engine only ever sees plain numbers in its parameters' own units, and never
// loads mathjs.

type Units = ReturnType<typeof makeUnits>;
let units: Units | null = null;

function makeUnits() {
  // Units only: a mathjs instance without the expression parser or the rest of its library.
  const math = create({ unitDependencies, createUnitDependencies });
  // A day is "d" in the literature (mathjs knows only "day"/"days").
  math.createUnit('d', '1 day');
  return math;
}

/** The units instance, made on first use (~50 ms): scenarios written in plain numbers never pay for it. */
function math(): Units {
  units ??= makeUnits();
  return units;
}

/** Quantity text as written: a number, then a unit ("36 h", "2d", "400 µm²/h"). */
export const QUANTITY_PATTERN = '^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*[^\\s\\d.].*$';

/** A quantity that cannot be used where it was given (message only; the caller adds where). */
export class QuantityError extends Error {}

/** Example of each kind of unit, for error messages. */
const EXAMPLES: Record<string, string> = {
  'h^-1': '"0.5 /h" or "12 /d"', h: '"36 h", "1.5 d" or "90 min"', um: '"20 um"', 'um/h': '"10 um/h"', 'um^2/h': '"400 um^2/h"',
};

/**
 * The mathjs unit a parameter's spec unit stands for: 'h^-1' for rates ("per hour", "cells per
 * hour", "per CTC per hour"…: counted things are dimensionless), 'h' for hours, 'um' for µm,
 * 'um/h' and 'um^2/h'; '' for dimensionless values (counts, fractions, strengths); null for
 * values in ticks, which depend on the tick length and take no quantity.
 */
export function mathUnitOf(specUnit: string): string | null {
  const u = specUnit.trim();
  if (/\bticks?\b/.test(u)) return null;
  if (u === 'µm²/h') return 'um^2/h';
  if (u === 'µm/h') return 'um/h';
  if (u === 'µm') return 'um';
  if (u === 'hours' || u === 'h') return 'h';
  if (/\bper hour\b/.test(u) || u === '/h') return 'h^-1';
  return '';
}

function parse(text: string): Unit {
  // µ (micro sign or Greek mu) and superscripts as mathjs spells them.
  const ascii = text.replace(/[µμ]/g, 'u').replace(/²/g, '^2').replace(/³/g, '^3').replace(/⁻¹/g, '^-1');
  try {
    return math().unit(ascii);
  } catch (err) {
    throw new QuantityError(`"${clip(text)}" is not a quantity (${clip((err as Error).message.replace(/\.$/, ''))}); write a number and a unit, e.g. "36 h"`);
  }
}

/**
 * Converts quantity text to a number in `specUnit` (a parameter spec's unit, see mathUnitOf).
 * Throws QuantityError when the text is not a quantity, has the wrong dimension, or the
 * parameter takes no quantity.
 */
export function quantityIn(text: string, specUnit: string): number {
  const target = mathUnitOf(specUnit);
  if (target === null) throw new QuantityError(`"${clip(text)}": this value is in ${specUnit}, which depend on the tick length; give a number`);
  const q = parse(text);
  if (target === '') {
    if (q.units.length === 0 && typeof q.value === 'number') return q.value;
    throw new QuantityError(`"${clip(text)}" has a unit, but this value is dimensionless (${specUnit}); give a number`);
  }
  if (q.units.length === 0 || !q.equalBase(math().unit(target))) {
    throw new QuantityError(`"${clip(text)}" cannot be converted to ${specUnit}: it has another dimension; expected e.g. ${EXAMPLES[target]}`);
  }
  return q.toNumber(target);
}

/** A time as hours: a number is hours already, text is a time quantity ("30 min", "1.5 d"). */
export function hoursOf(value: number | string): number {
  return typeof value === 'number' ? value : quantityIn(value, 'hours');
}
