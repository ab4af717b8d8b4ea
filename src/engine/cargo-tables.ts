import { EFFECT_IDS, type EffectId } from '../catalog/effects';
import { getCargo } from '../catalog/index';
import { ORGANS } from '../world/regions';

/** Number of effects in the closed vocabulary. */
export const EFFECT_COUNT = EFFECT_IDS.length;

/** Index of an effect id in EFFECT_IDS (modules resolve these once, at load). */
export function effectIndex(id: EffectId): number {
  const i = EFFECT_IDS.indexOf(id);
  if (i < 0) throw new Error(`unknown effect ${id}`);
  return i;
}

/** Regions with a homing weight: primary (0) and the five organs (1..5). */
const REGIONS = 1 + ORGANS.length;

/**
 * Cargo profiles of a run. An exosome carries a cargo set; exosomes from the same clone carry the
 * same set, so sets are interned as profiles (a bitset over the catalog order of the run's cargo
 * list) and each agent stores a profile index. For each profile the summed effect strengths
 * (strength × dose) are precomputed, so modules read numbers, never cargo names.
 */
export class CargoTables {
  /** Cargo ids of the run in bit order. */
  readonly cargoIds: readonly string[];
  /** Each profile's cargo bitset (32 cargo per word). */
  readonly profileBits: Uint32Array[] = [];
  /** profiles × EFFECT_COUNT summed signed strengths. */
  effect = new Float64Array(0);
  /**
   * profiles × EFFECT_COUNT × 6 strengths by region id (0 primary, 1..5 organs): an effect whose
   * catalog entry names organs counts only there (weighted), one that names none counts everywhere.
   */
  regional = new Float64Array(0);
  /** Per-effect multiplier, 1 unless a `block:` what-if has reduced it. */
  readonly effectScale = new Float64Array(EFFECT_COUNT).fill(1);

  constructor(cargoIds: readonly string[], private readonly doses: Readonly<Record<string, number>>) {
    this.cargoIds = cargoIds;
  }

  /** Number of interned profiles. */
  get profileCount(): number {
    return this.profileBits.length;
  }

  /** Interns a cargo set (ids from the run's cargo list) and returns its profile index. */
  addProfile(ids: readonly string[]): number {
    const words = new Uint32Array(Math.max(1, Math.ceil(this.cargoIds.length / 32)));
    for (const id of ids) {
      const bit = this.cargoIds.indexOf(id);
      if (bit < 0) throw new Error(`cargo ${id} is not packaged in this run`);
      words[bit >>> 5] |= 1 << (bit & 31);
    }
    for (let p = 0; p < this.profileBits.length; p++) {
      if (this.profileBits[p].every((w, i) => w === words[i])) return p;
    }
    const p = this.profileBits.length;
    this.profileBits.push(words);
    const effect = new Float64Array((p + 1) * EFFECT_COUNT);
    effect.set(this.effect);
    const regional = new Float64Array((p + 1) * EFFECT_COUNT * REGIONS);
    regional.set(this.regional);
    for (const id of ids) {
      const entry = getCargo(id);
      if (!entry) throw new Error(`cargo ${id} is not in the catalog`);
      const dose = this.doses[id] ?? 1;
      for (const e of entry.effects) {
        const k = EFFECT_IDS.indexOf(e.effect);
        effect[p * EFFECT_COUNT + k] += e.strength * dose;
        const base = (p * EFFECT_COUNT + k) * REGIONS;
        for (let r = 0; r < REGIONS; r++) {
          const weight = !e.organs ? 1 : r === 0 ? 0 : e.organs[ORGANS[r - 1]] ?? 0;
          regional[base + r] += e.strength * dose * weight;
        }
      }
    }
    this.effect = effect;
    this.regional = regional;
    return p;
  }

  /** Cargo ids of a profile. */
  cargoOf(profile: number): string[] {
    const bits = this.profileBits[profile];
    return this.cargoIds.filter((_, i) => (bits[i >>> 5] >>> (i & 31)) & 1);
  }

  /** Effective strength of effect `k` for a profile, after any block what-if. */
  strength(profile: number, k: number): number {
    return this.effect[profile * EFFECT_COUNT + k] * this.effectScale[k];
  }

  /** Strength of effect `k` for a profile in a region (organ-weighted; after any block what-if). */
  regionalStrength(profile: number, k: number, region: number): number {
    return this.regional[(profile * EFFECT_COUNT + k) * REGIONS + region] * this.effectScale[k];
  }
}
