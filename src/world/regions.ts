import { ORGAN_IDS, type OrganId } from '../catalog/organs';

/** Region ids: the primary tumour tissue, then the five target organs in ORGAN order. */
export const REGION_PRIMARY = 0;
/** Region value of an agent that is inside a vessel segment (circulation), not in tissue. */
export const REGION_BLOOD = 255;

/** Organs with a tissue region on the body map, in region order 1..5 (the catalog's organ ids). */
export const ORGANS = ORGAN_IDS;
/** One of the five target organs. */
export type Organ = OrganId;

/** Region id of an organ (1..5). */
export function regionOfOrgan(organ: Organ): number {
  return ORGANS.indexOf(organ) + 1;
}

/** Organ of a tissue region id, or null for the primary or blood. */
export function organOfRegion(region: number): Organ | null {
  return region >= 1 && region <= ORGANS.length ? ORGANS[region - 1] : null;
}

/** A rectangular tissue region of the body map, in µm of schematic world space. */
export interface Region {
  /** 0 = primary, 1..5 = organs. */
  id: number;
  /** 'primary' or an organ. */
  name: 'primary' | Organ;
  x0Um: number;
  y0Um: number;
  x1Um: number;
  y1Um: number;
}

/** The schematic world's size in µm (width, height). */
export const WORLD_SIZE_UM = { width: 2600, height: 1760 } as const;

/**
 * The body map: primary tumour tissue on the left, lung in the middle (first capillary bed of
 * venous return), liver, bone and brain on the right, lymph node above the primary.
 */
export const REGIONS: readonly Region[] = [
  { id: 0, name: 'primary', x0Um: 100, y0Um: 550, x1Um: 700, y1Um: 1150 },
  { id: 1, name: 'lung', x0Um: 1100, y0Um: 600, x1Um: 1500, y1Um: 1000 },
  { id: 2, name: 'liver', x0Um: 1950, y0Um: 100, x1Um: 2350, y1Um: 500 },
  { id: 3, name: 'bone', x0Um: 1950, y0Um: 650, x1Um: 2350, y1Um: 1050 },
  { id: 4, name: 'brain', x0Um: 1950, y0Um: 1200, x1Um: 2350, y1Um: 1600 },
  { id: 5, name: 'lymph-node', x0Um: 850, y0Um: 100, x1Um: 1150, y1Um: 400 },
];
