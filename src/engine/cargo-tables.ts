import { dpow } from '../core/detmath';
import { EFFECT_IDS, type EffectId } from '../catalog/effects';
import { getCargo } from '../catalog/index';
import type { CargoEffect } from '../catalog/types';
import { ORGANS } from '../world/regions';

/** Number of effects in the closed vocabulary. */
export const EFFECT_COUNT = EFFECT_IDS.length;

/** Index of an effect id in EFFECT_IDS (modules resolve these once, at load). */
export function effectIndex(id: EffectId): number {
  const i = EFFECT_IDS.indexOf(id);
  if (i < 0) throw new Error(`unknown effect ${id}`);
  return i;
}

/** Regions with an effect level: primary (0) and the five organs (1..5). */
const REGIONS = 1 + ORGANS.length;

/** How a run turns catalog entries into effect levels. */
export interface CargoRules {
  /** Effect of one cargo with full evidence weight, strength 1 and dose 1, on its own (0..1). */
  readonly effectPerEntry: number;
  /** Whether effects the catalog marks as assumptions count. */
  readonly assumedEffects: boolean;
}

/**
 * Cargo profiles of a run. An exosome carries a cargo set; exosomes from the same clone carry the
 * same set, so sets are interned as profiles (a bitset over the run's cargo list) and each agent
 * stores a profile index. For each profile the level of every effect is precomputed, so modules
 * read numbers, never cargo names.
 *
 * Levels combine like independent chances, so they saturate and never count papers: cargo i
 * contributes aᵢ = 1 − (1 − u·|sᵢ|·wᵢ·oᵢ)^doseᵢ (u: effectPerEntry, s: the effect's strength,
 * w: the entry's evidence weight, o: its organ weight where the effect names organs, dose: the
 * what-if dose, as that many copies), and a profile's level of an effect is 1 − Π(1 − aᵢ) over
 * its cargo with a positive strength minus the same over those with a negative one. A cancer
 * type with ten studies of one effect is therefore at most a little above one with a single
 * strong study, and knocking one cargo out lowers a level only as much as it was contributing.
 */
export class CargoTables {
  /** Cargo ids of the run in bit order. */
  readonly cargoIds: readonly string[];
  /** Each profile's cargo bitset (32 cargo per word). */
  readonly profileBits: Uint32Array[] = [];
  /** profiles × EFFECT_COUNT levels in [-1, 1], organ weights ignored (blood, organ-agnostic uses). */
  level = new Float64Array(0);
  /**
   * profiles × EFFECT_COUNT × 6 levels by region id (0 primary, 1..5 organs): an effect whose
   * catalog entry names organs counts only there (weighted), one that names none everywhere.
   */
  regional = new Float64Array(0);
  /** Per-effect multiplier, 1 unless a `block:` what-if has reduced it. */
  readonly effectScale = new Float64Array(EFFECT_COUNT).fill(1);

  constructor(
    cargoIds: readonly string[],
    private readonly doses: Readonly<Record<string, number>>,
    private readonly rules: CargoRules,
  ) {
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
    // Products of (1 − aᵢ) per effect and region, for raising (+) and lowering (−) cargo.
    const keepUp = new Float64Array(EFFECT_COUNT * REGIONS).fill(1);
    const keepDown = new Float64Array(EFFECT_COUNT * REGIONS).fill(1);
    const keepUpAll = new Float64Array(EFFECT_COUNT).fill(1);
    const keepDownAll = new Float64Array(EFFECT_COUNT).fill(1);
    for (const id of [...ids].sort()) {
      const entry = getCargo(id);
      if (!entry) throw new Error(`cargo ${id} is not in the catalog`);
      const dose = this.doses[id] ?? 1;
      for (const e of entry.effects) {
        if (e.assumption && !this.rules.assumedEffects) continue;
        const k = EFFECT_IDS.indexOf(e.effect);
        const up = e.strength > 0;
        const keepAll = up ? keepUpAll : keepDownAll;
        const keep = up ? keepUp : keepDown;
        keepAll[k] *= 1 - this.contribution(e, entry.evidenceWeight, dose, 1);
        for (let r = 0; r < REGIONS; r++) {
          const weight = !e.organs ? 1 : r === 0 ? 0 : e.organs[ORGANS[r - 1]] ?? 0;
          keep[k * REGIONS + r] *= 1 - this.contribution(e, entry.evidenceWeight, dose, weight);
        }
      }
    }
    const level = new Float64Array((p + 1) * EFFECT_COUNT);
    level.set(this.level);
    const regional = new Float64Array((p + 1) * EFFECT_COUNT * REGIONS);
    regional.set(this.regional);
    for (let k = 0; k < EFFECT_COUNT; k++) {
      level[p * EFFECT_COUNT + k] = keepDownAll[k] - keepUpAll[k];
      for (let r = 0; r < REGIONS; r++) regional[(p * EFFECT_COUNT + k) * REGIONS + r] = keepDown[k * REGIONS + r] - keepUp[k * REGIONS + r];
    }
    this.level = level;
    this.regional = regional;
    return p;
  }

  /** aᵢ of one catalog effect: its single-copy chance raised to the dose (copies). */
  private contribution(e: CargoEffect, evidenceWeight: number, dose: number, organWeight: number): number {
    const single = Math.min(1, this.rules.effectPerEntry * Math.abs(e.strength) * evidenceWeight * organWeight);
    if (single <= 0 || dose <= 0) return 0;
    return dose === 1 ? single : 1 - dpow(1 - single, dose);
  }

  /** Cargo ids of a profile. */
  cargoOf(profile: number): string[] {
    const bits = this.profileBits[profile];
    return this.cargoIds.filter((_, i) => (bits[i >>> 5] >>> (i & 31)) & 1);
  }

  /** Level of effect `k` for a profile in [-1, 1], organ weights ignored, after any block what-if. */
  strength(profile: number, k: number): number {
    return this.level[profile * EFFECT_COUNT + k] * this.effectScale[k];
  }

  /** Level of effect `k` for a profile in a region (organ-weighted; after any block what-if). */
  regionalStrength(profile: number, k: number, region: number): number {
    return this.regional[(profile * EFFECT_COUNT + k) * REGIONS + region] * this.effectScale[k];
  }
}
