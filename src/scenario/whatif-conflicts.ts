import { formatWhatIf, type WhatIf } from './whatif';

// Two what-ifs of one run that say the same thing twice, or contradict each other, are a
// mistake in the scenario or on the command line (the second would silently win): each is an
// error at the later one, naming the earlier.

/** Why two what-ifs cannot both apply (null when they can); `b` comes after `a`. */
function clash(a: WhatIf, b: WhatIf): { verb: string; why: string } | null {
  if (formatWhatIf(a) === formatWhatIf(b)) return { verb: 'repeats', why: 'give each change once' };
  const cargo = (w: WhatIf) => ('cargo' in w ? w.cargo : null);
  if (cargo(a) !== null && cargo(a) === cargo(b)) {
    const ops = new Set([a.op, b.op]);
    if (ops.has('ko') && ops.has('ki')) return { verb: 'contradicts', why: 'a cargo is knocked out or in, not both' };
    if (a.op === 'dose' && b.op === 'dose') return { verb: 'conflicts with', why: 'a cargo has one dose' };
    if (ops.has('ko') && ops.has('dose')) return { verb: 'conflicts with', why: 'a knocked-out cargo has no dose' };
  }
  if ('tick' in a && 'tick' in b && a.op === b.op && a.tick === b.tick) {
    if (a.op === 'deplete' && b.op === 'deplete' && a.population === b.population) return { verb: 'conflicts with', why: 'one depletion of a population per tick' };
    if (a.op === 'block' && b.op === 'block' && a.effect === b.effect) return { verb: 'conflicts with', why: 'one block of an effect per tick' };
    if (a.op === 'block-secretion') return { verb: 'conflicts with', why: 'one secretion block per tick' };
  }
  return null;
}

/**
 * Checks what-if `w` against those already placed (each with where it was written: a JSON
 * pointer or "--what-if #k"); a message naming the earlier one when they clash, else null.
 */
export function whatIfConflicts(w: WhatIf, placed: ReadonlyArray<readonly [WhatIf, string]>): string | null {
  for (const [earlier, where] of placed) {
    const c = clash(earlier, w);
    if (c) return `"${formatWhatIf(w)}" ${c.verb} "${formatWhatIf(earlier)}" at ${where} (${c.why})`;
  }
  return null;
}
