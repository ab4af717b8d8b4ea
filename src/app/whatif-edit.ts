import type { Depletable } from '../engine/depletable';
import { formatWhatIf, parseWhatIf, type WhatIf, type WhatIfInput, type WhatIfTime } from '../scenario/whatif';

/**
 * Edits of the UI's what-if list (canonical strings, the same ones `--what-if` takes). Each edit
 * replaces the entry it concerns, so the list never holds two contradicting operations.
 */

/** A timed what-if's schedule: from `tick`, remove `fraction` (0..1). */
export interface Timed {
  tick: number;
  fraction: number;
}

/**
 * A timed what-if's schedule in ticks, when it was written with a tick. One written with a time
 * in hours (`deplete:nk@2d`) stays as written: its tick depends on the scenario's tick length.
 */
function timed(w: { at: WhatIfTime; fraction: number }): Timed | null {
  return 'ticks' in w.at ? { tick: w.at.ticks, fraction: w.fraction } : null;
}

function parsed(list: readonly string[]): Array<{ text: string; w: WhatIfInput | null }> {
  return list.map((text) => {
    try {
      return { text, w: parseWhatIf(text) };
    } catch {
      return { text, w: null };
    }
  });
}

function replace(list: readonly string[], drop: (w: WhatIfInput) => boolean, add: WhatIf | null): string[] {
  const kept = parsed(list).filter((x) => !x.w || !drop(x.w)).map((x) => x.text);
  return add ? [...kept, formatWhatIf(add)] : kept;
}

const cargoOf = (w: WhatIfInput): string | null => ('cargo' in w ? w.cargo : null);

/** Cargo ids knocked out by the list. */
export function knockouts(list: readonly string[]): Set<string> {
  return new Set(parsed(list).flatMap((x) => (x.w?.op === 'ko' ? [x.w.cargo] : [])));
}

/** Cargo ids knocked in by the list. */
export function knockins(list: readonly string[]): Set<string> {
  return new Set(parsed(list).flatMap((x) => (x.w?.op === 'ki' ? [x.w.cargo] : [])));
}

/** Dose multiplier the list sets for a cargo (1 when none). */
export function doseOf(list: readonly string[], cargo: string): number {
  const d = parsed(list).find((x) => x.w?.op === 'dose' && x.w.cargo === cargo);
  return d?.w?.op === 'dose' ? d.w.scale : 1;
}

/** Packages or stops packaging a cargo. Knocking out a knocked-in cargo just drops the knock-in. */
export function withKnockout(list: readonly string[], cargo: string, out: boolean): string[] {
  if (out && knockins(list).has(cargo)) return replace(list, (w) => cargoOf(w) === cargo, null);
  const next = replace(list, (w) => w.op === 'ko' && w.cargo === cargo, out ? { op: 'ko', cargo } : null);
  // A dose on cargo that is not packaged means nothing; drop it with the knockout.
  return out ? replace(next, (w) => w.op === 'dose' && w.cargo === cargo, null) : next;
}

/** Adds (or removes) a knock-in of a catalog entry the scenario does not package. */
export function withKnockin(list: readonly string[], cargo: string, on: boolean): string[] {
  return replace(list, (w) => cargoOf(w) === cargo, on ? { op: 'ki', cargo } : null);
}

/** Sets a cargo's dose multiplier; 1 removes the what-if. */
export function withDose(list: readonly string[], cargo: string, scale: number): string[] {
  const s = Math.round(scale * 100) / 100;
  return replace(list, (w) => w.op === 'dose' && w.cargo === cargo, s === 1 ? null : { op: 'dose', cargo, scale: s });
}

/** Depletion schedule of a population in the list, or null. */
export function depletionOf(list: readonly string[], population: Depletable): Timed | null {
  const d = parsed(list).find((x) => x.w?.op === 'deplete' && x.w.population === population)?.w;
  return d?.op === 'deplete' ? timed(d) : null;
}

/** Sets or clears a population's depletion. */
export function withDepletion(list: readonly string[], population: Depletable, t: Timed | null): string[] {
  return replace(list, (w) => w.op === 'deplete' && w.population === population, t ? { op: 'deplete', population, ...t } : null);
}

/** Secretion block in the list, or null. */
export function secretionBlockOf(list: readonly string[]): Timed | null {
  const d = parsed(list).find((x) => x.w?.op === 'block-secretion')?.w;
  return d?.op === 'block-secretion' ? timed(d) : null;
}

/** Sets or clears the secretion block. */
export function withSecretionBlock(list: readonly string[], t: Timed | null): string[] {
  return replace(list, (w) => w.op === 'block-secretion', t ? { op: 'block-secretion', ...t } : null);
}

/** Effect blocks in the list, by effect id. */
export function effectBlocks(list: readonly string[]): Map<string, Timed> {
  const out = new Map<string, Timed>();
  for (const x of parsed(list)) {
    const t = x.w?.op === 'block' ? timed(x.w) : null;
    if (t && x.w?.op === 'block') out.set(x.w.effect, t);
  }
  return out;
}

/** Sets or clears the block of one effect class (e.g. an anti-PD-L1 as `tcell.suppress`). */
export function withEffectBlock(list: readonly string[], effect: string, t: Timed | null): string[] {
  return replace(list, (w) => w.op === 'block' && w.effect === effect, t ? { op: 'block', effect, ...t } : null);
}
