import { EFFECT_COUNT } from './cargo-tables';

/** Exposure slots: six tissue regions (0 primary, 1..5 organs) and the circulation. */
export const EXPOSURE_SLOTS = 7;
/** Exposure slot of the circulation (blood and lymph). */
export const SLOT_BLOOD = 6;

/**
 * Cargo response per compartment this tick: derived state, recomputed every tick by the
 * cargo-exposure module (so neither hashed nor saved) and read by the modules it drives.
 */
export class Exposure {
  /** Exosome packets present per slot. */
  readonly packets = new Float64Array(EXPOSURE_SLOTS);
  /** response[slot·EFFECT_COUNT + k]: the saturating response of slot to effect k. */
  readonly response = new Float64Array(EXPOSURE_SLOTS * EFFECT_COUNT);

  /** Response of compartment `slot` to effect `k` (0 when no cargo of that effect is present). */
  of(slot: number, k: number): number {
    return this.response[slot * EFFECT_COUNT + k];
  }
}
