import { REGIONS } from '../world/regions';
import { STROMA_TYPE_NAMES } from './kinds';

/** Number of tissue regions (primary and organs). */
const REGION_COUNT = REGIONS.length;
/** Number of resident stromal types. */
export const STROMA_TYPES = STROMA_TYPE_NAMES.length;

/**
 * What the soil of every tissue region looks like this tick: niche level, vessel leakiness,
 * resident education by cell type and recruited bone-marrow-derived cells. Derived state,
 * recomputed from the pools and fields by the organ-sense module at the start of every tick
 * (so never hashed or saved), and read by the modules that depend on the soil.
 */
export class OrganSummary {
  /** Mean niche field level per region. */
  readonly niche = new Float64Array(REGION_COUNT);
  /** Mean permeability of the region's endothelial segments (0..1; 0 when it has none). */
  readonly permeability = new Float64Array(REGION_COUNT);
  /** Endothelial segments per region. */
  readonly segments = new Float64Array(REGION_COUNT);
  /** Residents per region and type: count[region · STROMA_TYPES + type]. */
  readonly residents = new Float64Array(REGION_COUNT * STROMA_TYPES);
  /** Mean education (activation) per region and type, same layout (0 where there are none). */
  readonly education = new Float64Array(REGION_COUNT * STROMA_TYPES);
  /** Bone-marrow-derived cells present per region. */
  readonly bmdc = new Float64Array(REGION_COUNT);

  /** Mean education of residents of `type` in `region` (0 when there are none). */
  educationOf(region: number, type: number): number {
    return this.education[region * STROMA_TYPES + type];
  }
}
