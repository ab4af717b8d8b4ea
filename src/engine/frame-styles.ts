import { REGION_BLOOD } from '../world/regions';
import { IMMUNE_TYPE_NAMES, ImmuneState, PlateletState, STAGE_NAMES, STROMA_TYPE_NAMES } from './kinds';

/** One style byte of a frame and what it means. */
export interface FrameStyleCode {
  code: number;
  label: string;
}

/** Columns a style is computed from (a pool's columns). */
type Columns = Record<string, ArrayLike<number>>;

/** Tumour cell: stage | 8 when platelet-cloaked. */
export function tumourStyle(c: Columns, i: number): number {
  return c.stage[i] | (c.cloak[i] > 0 ? 8 : 0);
}
/** Exosome: 1 when in blood | source · 2. */
export function exosomeStyle(c: Columns, i: number): number {
  return (c.region[i] === REGION_BLOOD ? 1 : 0) | (c.source[i] << 1);
}
/** Immune cell: type · 8 + state. */
export function immuneStyle(c: Columns, i: number): number {
  return c.type[i] * 8 + c.state[i];
}
/** Platelet: its state. */
export function plateletStyle(c: Columns, i: number): number {
  return c.state[i];
}
/** Resident stromal cell: type · 2 + 1 when educated (≥ 0.5). */
export function stromaStyle(c: Columns, i: number): number {
  return c.type[i] * 2 + (c.education[i] >= 0.5 ? 1 : 0);
}

/** The style function of each point kind (the only place the style encoding lives). */
export const STYLE_OF: Readonly<Record<string, (c: Columns, i: number) => number>> = {
  tumour: tumourStyle, exosome: exosomeStyle, immune: immuneStyle, platelet: plateletStyle, stroma: stromaStyle,
};

/** Words for every style byte a frame can hold, per point kind (for legends and inspectors). */
export function frameStyleLegend(): Record<string, FrameStyleCode[]> {
  const immuneStates = Object.keys(ImmuneState);
  return {
    tumour: STAGE_NAMES.flatMap((stage, s) => [{ code: s, label: stage }, { code: s | 8, label: `${stage}, platelet-cloaked` }]),
    exosome: ['tumour', 'platelet'].flatMap((source, k) => [
      { code: k << 1, label: `${source} exosome in tissue` }, { code: (k << 1) | 1, label: `${source} exosome in blood` },
    ]),
    immune: IMMUNE_TYPE_NAMES.flatMap((type, t) => immuneStates.map((state, s) => ({ code: t * 8 + s, label: `${type} ${state}` }))),
    platelet: Object.keys(PlateletState).map((state, s) => ({ code: s, label: `platelet ${state}` })),
    stroma: STROMA_TYPE_NAMES.flatMap((type, t) => [{ code: t * 2, label: type }, { code: t * 2 + 1, label: `${type}, educated` }]),
  };
}
