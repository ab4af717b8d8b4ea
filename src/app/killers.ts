import type { CtcKiller } from '../engine/events';

/** Colour of a kill burst, by killer (NK as the NK cells, T as the CD8 cells, shear as the flow). */
export const KILLER_COLOURS: Record<CtcKiller, number> = { nk: 0x3a86ff, t: 0x06d6a0, shear: 0xff9f1c };
/** The killers in words, for legends and texts. */
export const KILLER_WORDS: Record<CtcKiller, string> = { nk: 'an NK cell', t: 'a CD8 T cell', shear: 'shear stress' };
