import type { Depletable } from '../engine/depletable';

/** A parsed what-if operation (DESIGN §5). */
export type WhatIf =
  | { op: 'ko'; cargo: string }
  | { op: 'ki'; cargo: string }
  | { op: 'dose'; cargo: string; scale: number }
  | { op: 'deplete'; population: Depletable; tick: number; fraction: number }
  | { op: 'block-secretion'; tick: number; fraction: number }
  | { op: 'block'; effect: string; tick: number; fraction: number };

/** Why a what-if string could not be parsed (message only; callers add file and path). */
export class WhatIfSyntaxError extends Error {}

const NUM = String.raw`(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)`;
const INT = String.raw`(\d+)`;
const NAME = String.raw`([A-Za-z0-9][A-Za-z0-9._-]*)`;

const FORMS: Array<[RegExp, (m: RegExpMatchArray) => WhatIf]> = [
  [new RegExp(`^ko:${NAME}$`), (m) => ({ op: 'ko', cargo: m[1] })],
  [new RegExp(`^ki:${NAME}$`), (m) => ({ op: 'ki', cargo: m[1] })],
  [new RegExp(`^dose:${NAME}=${NUM}$`), (m) => ({ op: 'dose', cargo: m[1], scale: Number(m[2]) })],
  [new RegExp(`^deplete:${NAME}@${INT}(?:=${NUM})?$`), (m) => ({ op: 'deplete', population: m[1] as Depletable, tick: Number(m[2]), fraction: m[3] === undefined ? 1 : Number(m[3]) })],
  [new RegExp(`^block-secretion@${INT}=${NUM}$`), (m) => ({ op: 'block-secretion', tick: Number(m[1]), fraction: Number(m[2]) })],
  [new RegExp(`^block:${NAME}@${INT}=${NUM}$`), (m) => ({ op: 'block', effect: m[1], tick: Number(m[2]), fraction: Number(m[3]) })],
];

/** The accepted what-if forms, for error messages and help text. */
export const WHATIF_FORMS = [
  'ko:<cargo>', 'ki:<cargo>', 'dose:<cargo>=<x>', 'deplete:<population>@<tick>[=<fraction>]',
  'block-secretion@<tick>=<fraction>', 'block:<effect>@<tick>=<fraction>',
];

/**
 * Parses one what-if string such as `ko:mif` or `deplete:nk@100=0.5`. Checks syntax and numeric
 * ranges here; whether a cargo, population or effect exists is checked against the catalog by
 * the scenario resolver, which can suggest names.
 */
export function parseWhatIf(text: string): WhatIf {
  const s = text.trim();
  for (const [re, build] of FORMS) {
    const m = s.match(re);
    if (!m) continue;
    const w = build(m);
    if ('fraction' in w && !(w.fraction >= 0 && w.fraction <= 1)) {
      throw new WhatIfSyntaxError(`"${text}": fraction must be between 0 and 1, got ${w.fraction}`);
    }
    if (w.op === 'dose' && !(w.scale >= 0 && w.scale <= 100)) {
      throw new WhatIfSyntaxError(`"${text}": dose scale must be between 0 and 100, got ${w.scale}`);
    }
    return w;
  }
  throw new WhatIfSyntaxError(`"${text}" is not a what-if; expected one of ${WHATIF_FORMS.join(', ')}`);
}

/** The canonical text of a what-if (parse ∘ format is the identity on canonical strings). */
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
