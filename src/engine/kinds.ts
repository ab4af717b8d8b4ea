import { Pool } from '../core/pool';

/** Tumour-cell stages (DESIGN §3), stored in the `stage` column. */
export const Stage = {
  primary: 0,
  invading: 1,
  circulating: 2,
  arrested: 3,
  extravasated: 4,
  dormant: 5,
  colonising: 6,
} as const;
/** Stage names in code order (index = code). */
export const STAGE_NAMES = ['primary', 'invading', 'circulating', 'arrested', 'extravasated', 'dormant', 'colonising'] as const;

/** Immune-cell types, stored in the immune pool's `type` column (bmdc: bone-marrow-derived cells recruited to niches). */
export const ImmuneType = { cd8: 0, nk: 1, bcell: 2, macrophage: 3, mdsc: 4, bmdc: 5 } as const;
/** Immune type names in code order. */
export const IMMUNE_TYPE_NAMES = ['cd8', 'nk', 'bcell', 'macrophage', 'mdsc', 'bmdc'] as const;

/** Immune-cell states: active, or the type-specific altered state. */
export const ImmuneState = { active: 0, exhausted: 1, suppressed: 2, m1: 3, m2: 4, regulatory: 5, apoptotic: 6 } as const;

/** Platelet states. */
export const PlateletState = { resting: 0, activated: 1, bound: 2 } as const;

/**
 * Resident stromal cell types, stored in the stroma pool's `type` column. Fibroblasts of the
 * primary are the cells that become CAFs; `endothelial` is brain endothelium (the blood–brain
 * barrier), the vessel segments themselves being the endothelium pool.
 */
export const StromaType = {
  fibroblast: 0, epithelial: 1, kupffer: 2, stellate: 3, osteoblast: 4, microglia: 5, lymphStroma: 6, endothelial: 7,
  osteoclast: 8, neuron: 9,
} as const;
/** Stromal type names in code order. */
export const STROMA_TYPE_NAMES = [
  'fibroblast', 'epithelial', 'kupffer', 'stellate', 'osteoblast', 'microglia', 'lymph-stroma', 'endothelial', 'osteoclast', 'neuron',
] as const;

/** Exosome sources: a tumour clone or platelets. */
export const ExosomeSource = { tumour: 0, platelet: 1 } as const;

/**
 * Tumour cells. x/y in µm; region (0 primary, 1..5 organs, 255 blood); seg/sUm place a cell in a
 * vessel segment; emt is the EMT level 0 (epithelial) … 1 (mesenchymal); cloak counts bound
 * platelets; lineage is the founding cell's lineage id; leftTick is when it intravasated (-1);
 * dose is exosome packets internalised (decaying); colony is the id of its metastatic colony
 * (-1 = none); carryH corrects the time the next module to handle the cell gives it this tick
 * (dt + carryH): −h for a cell that entered the blood h hours into the tick, +h for one that
 * lodged in an organ with h hours of the tick left (0 otherwise); invadeTick, arrestTick and exitTick
 * record when it began invading, arrested in an organ and extravasated (its path, for lineage);
 * shedFrom is the region it last entered the blood from (0 the primary, an organ for a cell a
 * colony shed).
 */
export function tumourPool(capacity: number) {
  return new Pool('tumour', {
    x: 'f64', y: 'f64', region: 'u8', seg: 'i32', sUm: 'f64',
    emt: 'f64', stage: 'u8', clone: 'u16', cloak: 'u8', lineage: 'u32',
    bornTick: 'i32', leftTick: 'i32', stageTick: 'i32', arrestRegion: 'u8', arrestNiche: 'f64', wasCloaked: 'u8',
    dose: 'f64', colony: 'f64', carryH: 'f64', invadeTick: 'i32', arrestTick: 'i32', exitTick: 'i32', shedFrom: 'u8',
  }, capacity);
}

/**
 * Exosomes (each agent is a packet of `exosomesPerAgent` vesicles). profile indexes the run's
 * cargo profiles (interned bitsets over the catalog); bornTick gives the age; carryH corrects the
 * time the packet's fate is followed for this tick (dt + carryH): −h when it was released h hours
 * into the tick, +h when it reached its tissue with h hours of the previous tick left.
 */
export function exosomePool(capacity: number) {
  return new Pool('exosome', {
    x: 'f64', y: 'f64', region: 'u8', seg: 'i32', sUm: 'f64', profile: 'u16', source: 'u8', bornTick: 'i32', carryH: 'f64',
  }, capacity);
}

/** Immune cells: type, position, state and activation (NK cells: NKG2D-mediated activation 0..1; 1 for the others). */
export function immunePool(capacity: number) {
  return new Pool('immune', {
    x: 'f64', y: 'f64', region: 'u8', seg: 'i32', sUm: 'f64', type: 'u8', state: 'u8', activation: 'f64',
  }, capacity);
}

/** Platelets: position in blood, state, and the id of the tumour cell they are bound to (-1). */
export function plateletPool(capacity: number) {
  return new Pool('platelet', {
    x: 'f64', y: 'f64', seg: 'i32', sUm: 'f64', state: 'u8', bound: 'f64',
  }, capacity);
}

/** Endothelial segments in tissue: endpoints (µm), tip flag, permeability 0..1, perfusion. */
export function endotheliumPool(capacity: number) {
  return new Pool('endothelium', {
    ax: 'f64', ay: 'f64', bx: 'f64', by: 'f64', region: 'u8', tip: 'u8', permeability: 'f64', perfused: 'u8', parent: 'f64',
  }, capacity);
}

/** Resident stromal cells of the organs: type, position, education level 0..1, TASC flag. */
export function stromaPool(capacity: number) {
  return new Pool('stroma', {
    x: 'f64', y: 'f64', region: 'u8', type: 'u8', education: 'f64', tasc: 'u8',
  }, capacity);
}

/**
 * Metastatic colonies (bookkeeping, not drawn): organ region, founder position (µm), cell count, founding tick and
 * founder's provenance, and whether it has passed the metastasis size threshold.
 */
export function colonyPool(capacity: number) {
  return new Pool('colony', {
    region: 'u8', x: 'f64', y: 'f64', size: 'i32', foundedTick: 'i32', metastasis: 'u8', lineage: 'u32', clone: 'u16',
    leftTick: 'i32', wasCloaked: 'u8', arrestRegion: 'u8', arrestNiche: 'f64', invadeTick: 'i32', arrestTick: 'i32', exitTick: 'i32',
    shedFrom: 'u8',
  }, capacity);
}

/**
 * All agent pools of a run (hashing order: POOL_ORDER), sized from its populations. A class
 * rather than an object literal for the JIT (see World in world.ts): every run's pools then
 * share one stable shape.
 */
export class Pools {
  readonly tumour: ReturnType<typeof tumourPool>;
  readonly exosome: ReturnType<typeof exosomePool>;
  readonly immune: ReturnType<typeof immunePool>;
  readonly platelet: ReturnType<typeof plateletPool>;
  readonly endothelium: ReturnType<typeof endotheliumPool>;
  readonly stroma: ReturnType<typeof stromaPool>;
  readonly colony: ReturnType<typeof colonyPool>;

  constructor(populations: Readonly<Record<string, number>>) {
    this.tumour = tumourPool(Math.max(1024, populations.tumourCells * 4));
    this.exosome = exosomePool(Math.max(4096, populations.tumourCells * 4 + populations.initialExosomes));
    this.immune = immunePool(256);
    this.platelet = plateletPool(256);
    this.endothelium = endotheliumPool(256);
    this.stroma = stromaPool(Math.max(64, populations.residentsPerOrgan * 5));
    this.colony = colonyPool(64);
  }
}

/** Pool names in fixed hashing and commit order. */
export const POOL_ORDER = ['tumour', 'exosome', 'immune', 'platelet', 'endothelium', 'stroma', 'colony'] as const;
/** The name of one agent pool. */
export type PoolName = (typeof POOL_ORDER)[number];
