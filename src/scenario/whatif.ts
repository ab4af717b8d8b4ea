import type { Depletable } from '../engine/depletable';
import { clip } from './errors';
import { QuantityError, hoursOf } from './quantity';
import { MAX_TICKS } from './run-length';

/** A resolved what-if operation (DESIGN §5), as RunConfig holds it: timed ones act at a tick. */
export type WhatIf =
  | { op: 'ko'; cargo: string }
  | { op: 'ki'; cargo: string }
  | { op: 'dose'; cargo: string; scale: number }
  | { op: 'deplete'; population: Depletable; tick: number; fraction: number }
  | { op: 'block-secretion'; tick: number; fraction: number }
  | { op: 'block'; effect: string; tick: number; fraction: number };

/** When a what-if written in a scenario or on the command line acts: a tick, or a time in hours. */
export type WhatIfTime = { ticks: number } | { hours: number };

/** A what-if as written: timed operations carry their time as given, before the tick length is known. */
export type WhatIfInput = WhatIf extends infer W ? (W extends { tick: number } ? Omit<W, 'tick'> & { at: WhatIfTime } : W) : never;

/** Why a what-if string could not be parsed (message only; callers add file and path). */
export class WhatIfSyntaxError extends Error {}

const NUM = String.raw`(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)`;
/** A bare tick ("100") or a time quantity ("2d", "48h", "90 min"). */
const AT = String.raw`([^=@\s][^=@]*?)`;
const NAME = String.raw`([A-Za-z0-9][A-Za-z0-9._-]*)`;

const FORMS: Array<[RegExp, (m: RegExpMatchArray, at: (group: number) => WhatIfTime) => WhatIfInput]> = [
  [new RegExp(`^ko:${NAME}$`), (m) => ({ op: 'ko', cargo: m[1] })],
  [new RegExp(`^ki:${NAME}$`), (m) => ({ op: 'ki', cargo: m[1] })],
  [new RegExp(`^dose:${NAME}=${NUM}$`), (m) => ({ op: 'dose', cargo: m[1], scale: Number(m[2]) })],
  [new RegExp(`^deplete:${NAME}@${AT}(?:=${NUM})?$`), (m, at) => ({ op: 'deplete', population: m[1] as Depletable, at: at(2), fraction: m[3] === undefined ? 1 : Number(m[3]) })],
  [new RegExp(`^block-secretion@${AT}=${NUM}$`), (m, at) => ({ op: 'block-secretion', at: at(1), fraction: Number(m[2]) })],
  [new RegExp(`^block:${NAME}@${AT}=${NUM}$`), (m, at) => ({ op: 'block', effect: m[1], at: at(2), fraction: Number(m[3]) })],
];

/** The accepted what-if forms, for error messages and help text. */
export const WHATIF_FORMS = [
  'ko:<cargo>', 'ki:<cargo>', 'dose:<cargo>=<x>', 'deplete:<population>@<time>[=<fraction>]',
  'block-secretion@<time>=<fraction>', 'block:<effect>@<time>=<fraction>',
];

/** What `@<time>` means, for help text: a bare number is a tick; a time with a unit is converted to the nearest tick. */
export const WHATIF_TIME_HELP = '<time>: a tick (a bare whole number, e.g. @100) or a time with a unit (@48h, @2d, @90min), rounded to the nearest tick';

function timeOf(text: string, whole: string): WhatIfTime {
  const t = text.trim();
  if (/^\d+$/.test(t)) {
    const ticks = Number(t);
    if (!(ticks <= MAX_TICKS)) throw new WhatIfSyntaxError(`"${clip(whole)}": tick ${clip(t, 40)} is beyond the longest run (${MAX_TICKS} ticks)`);
    return { ticks };
  }
  try {
    const hours = hoursOf(t);
    if (!(hours >= 0)) throw new QuantityError(`"${t}" is before the start of the run`);
    return { hours };
  } catch (err) {
    if (err instanceof QuantityError) throw new WhatIfSyntaxError(`"${clip(whole)}": the time after @ must be a tick (a whole number) or a time such as 48h or 2d: ${err.message}`);
    throw err;
  }
}

/**
 * Parses one what-if string such as `ko:mif`, `deplete:nk@100=0.5` or `deplete:nk@2d`. Checks
 * syntax and numeric ranges here; whether a cargo, population or effect exists is checked
 * against the catalog by the scenario resolver, which can suggest names, and a time in hours
 * becomes a tick there (resolveWhatIf), once the tick length is known.
 */
export function parseWhatIf(text: string): WhatIfInput {
  const s = text.trim();
  for (const [re, build] of FORMS) {
    const m = s.match(re);
    if (!m) continue;
    const w = build(m, (group) => timeOf(m[group], text));
    if ('fraction' in w && !(w.fraction >= 0 && w.fraction <= 1)) {
      throw new WhatIfSyntaxError(`"${clip(text)}": fraction must be between 0 and 1, got ${clip(String(w.fraction), 40)}`);
    }
    if (w.op === 'dose' && !(w.scale >= 0 && w.scale <= 100)) {
      throw new WhatIfSyntaxError(`"${clip(text)}": dose scale must be between 0 and 100, got ${clip(String(w.scale), 40)}`);
    }
    return w;
  }
  throw new WhatIfSyntaxError(`"${clip(text)}" is not a what-if; expected one of ${WHATIF_FORMS.join(', ')}`);
}

/** The tick a what-if time falls on: a tick as given, hours rounded to the nearest tick of `tickHours`. */
export function tickOf(at: WhatIfTime, tickHours: number): number {
  return 'ticks' in at ? at.ticks : Math.round(at.hours / tickHours);
}

/** A parsed what-if with its time, if any, turned into a tick of `tickHours`. */
export function resolveWhatIf(w: WhatIfInput, tickHours: number): WhatIf {
  if (!('at' in w)) return w;
  const { at, ...rest } = w;
  return { ...rest, tick: tickOf(at, tickHours) } as WhatIf;
}

/** The canonical text of a resolved what-if (parse ∘ format is the identity on canonical strings). */
export function formatWhatIf(w: WhatIf): string {
  switch (w.op) {
    case 'ko': return `ko:${w.cargo}`;
    case 'ki': return `ki:${w.cargo}`;
    case 'dose': return `dose:${w.cargo}=${w.scale}`;
    case 'deplete': return `deplete:${w.population}@${w.tick}=${w.fraction}`;
    case 'block-secretion': return `block-secretion@${w.tick}=${w.fraction}`;
    case 'block': return `block:${w.effect}@${w.tick}=${w.fraction}`;
  }
}
