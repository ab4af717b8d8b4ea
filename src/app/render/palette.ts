import type { StyleCode } from '../../protocol/engine-api';

/** Sprite shape of a kind in the atlas. */
export type Shape = 'cell' | 'dot' | 'ring' | 'diamond' | 'square';

/** How a point kind is drawn: legend name, shape, size in world µm, opacity, layer order. */
export interface KindStyle {
  label: string;
  shape: Shape;
  sizeUm: number;
  alpha: number;
  /** Colour for states the palette does not know. */
  base: number;
  /** Lower draws first (underneath). */
  layer: number;
}

const KIND_STYLES: Record<string, KindStyle> = {
  exosome: { label: 'Exosomes', shape: 'dot', sizeUm: 7, alpha: 0.7, base: 0x4cc9f0, layer: 0 },
  stroma: { label: 'Resident organ cells', shape: 'square', sizeUm: 12, alpha: 0.95, base: 0x8d99ae, layer: 1 },
  platelet: { label: 'Platelets', shape: 'diamond', sizeUm: 8, alpha: 1, base: 0xe9ecef, layer: 2 },
  immune: { label: 'Immune cells', shape: 'ring', sizeUm: 15, alpha: 1, base: 0x06d6a0, layer: 3 },
  tumour: { label: 'Tumour cells', shape: 'cell', sizeUm: 14, alpha: 1, base: 0xe63946, layer: 4 },
};

/** Style of a point kind; unknown kinds (new in the engine) get a generated one. */
export function kindStyle(kind: string): KindStyle {
  const known = KIND_STYLES[kind];
  if (known) return known;
  let h = 0;
  for (let i = 0; i < kind.length; i++) h = (h * 31 + kind.charCodeAt(i)) >>> 0;
  return { label: kind, shape: 'dot', sizeUm: 10, alpha: 1, base: hsl((h % 360) / 360, 0.6, 0.6), layer: 2.5 };
}

const STAGE: Record<string, number> = {
  primary: 0xe63946, invading: 0xff8c42, circulating: 0xffd166, arrested: 0xc77dff,
  extravasated: 0x9d4edd, dormant: 0x8d99ae, colonising: 0xff4d9d,
};
const IMMUNE: Record<string, number> = { cd8: 0x06d6a0, nk: 0x3a86ff, bcell: 0xf4acb7, macrophage: 0xf8961e, mdsc: 0xb5838d };
const STROMA: Record<string, number> = {
  fibroblast: 0x7d8597, epithelial: 0xadb5bd, kupffer: 0xa47148, stellate: 0x8d6e63, osteoblast: 0xced4da,
  microglia: 0x9a8c98, 'lymph-stroma': 0x84a98c, endothelial: 0x778da9,
};
const PRIMED = 0xffb703;

/** Mixes two 0xRRGGBB colours (t = 0 → a, 1 → b). */
export function mix(a: number, b: number, t: number): number {
  const ch = (s: number) => Math.round(((a >> s) & 255) * (1 - t) + ((b >> s) & 255) * t) << s;
  return ch(16) | ch(8) | ch(0);
}

/** 0xRRGGBB from hue, saturation, lightness in 0..1. */
export function hsl(h: number, s: number, l: number): number {
  const f = (n: number) => {
    const k = (n + h * 12) % 12;
    return Math.round(255 * (l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return (f(0) << 16) | (f(8) << 8) | f(4);
}

/** Colour (0xRRGGBB) of a point in a state, from the words of its style label. */
export function stateColour(kind: string, label: string): number {
  const words = label.split(/[ ,]+/);
  const has = (w: string) => words.includes(w);
  switch (kind) {
    case 'tumour': {
      const c = STAGE[words[0]] ?? kindStyle(kind).base;
      return has('platelet-cloaked') ? mix(c, 0xffffff, 0.5) : c;
    }
    case 'exosome':
      if (has('platelet')) return 0xc7f9cc;
      return has('blood') ? 0x72efdd : 0x4cc9f0;
    case 'immune': {
      if (has('m1')) return 0xf3722c;
      if (has('m2')) return 0xb5e48c;
      const c = IMMUNE[words[0]] ?? kindStyle(kind).base;
      // Exhausted, suppressed, regulatory or apoptotic: the cell is there but disarmed.
      return has('active') ? c : mix(c, 0x2b2d42, 0.55);
    }
    case 'platelet':
      return has('bound') ? 0xffd43b : has('activated') ? 0xffe066 : 0xdee2e6;
    case 'stroma': {
      const c = STROMA[words[0]] ?? kindStyle(kind).base;
      return has('educated') ? mix(c, PRIMED, 0.75) : c;
    }
    default:
      return kindStyle(kind).base;
  }
}

/** Packs 0xRRGGBB and alpha into a particle colour (pixi's ABGR layout). */
export function particleColour(rgb: number, alpha: number): number {
  const bgr = ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
  return (((Math.round(alpha * 255) & 255) << 24) | bgr) >>> 0;
}

/** Opacity left to agents outside the emphasis (a lesson step or a traced cargo), so they stay as context. */
export const DIMMED_ALPHA = 0.16;

/**
 * Style byte → particle colour for one kind (codes the engine does not list get the base colour).
 * With `emphasis`, states it does not pick are drawn at DIMMED_ALPHA.
 */
export function colourTable(kind: string, codes: readonly StyleCode[], emphasis?: ((kind: string, label: string) => boolean) | null): Uint32Array {
  const style = kindStyle(kind);
  const lut = new Uint32Array(256).fill(particleColour(style.base, emphasis ? style.alpha * DIMMED_ALPHA : style.alpha));
  for (const s of codes) {
    const keep = !emphasis || emphasis(kind, s.label);
    lut[s.code & 255] = particleColour(stateColour(kind, s.label), keep ? style.alpha : style.alpha * DIMMED_ALPHA);
  }
  return lut;
}

/** Style byte → colour of a baseline "ghost" agent: faint and colourless, under the what-if run. */
export function ghostTable(): Uint32Array {
  return new Uint32Array(256).fill(particleColour(0xdfe6f3, 0.3));
}

/** Colour of an organ's tissue for a niche level already scaled to 0..1. */
export function nicheColour(relative: number): number {
  const t = Math.max(0, Math.min(1, relative));
  return t < 0.5 ? mix(0x2a3650, 0x6b4a2e, t * 2) : mix(0x6b4a2e, 0xb8621b, (t - 0.5) * 2);
}

/** Colour of a tissue vessel segment by permeability (0 tight … 1 leaky). */
export function leakColour(permeability: number): number {
  const t = Math.max(0, Math.min(1, permeability));
  return t < 0.5 ? mix(0x5fa8d3, 0xb56576, t * 2) : mix(0xb56576, 0xff3b3b, (t - 0.5) * 2);
}

/** Colour of a circulation segment by flow speed (fraction of the fastest) and kind. */
export function flowColour(kind: string, relativeSpeed: number): number {
  if (kind === 'lymph') return 0x76c893;
  return mix(0x6d2e46, 0xd64550, Math.max(0, Math.min(1, relativeSpeed)));
}
