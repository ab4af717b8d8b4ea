import { FieldGrid } from '../core/field-grid';
import type { RunConfig } from '../scenario/config';
import { DEPLETABLE } from './depletable';
import { REGIONS, type Region } from '../world/regions';
import { buildVesselGraph, type VesselGraph } from '../world/vessels';
import { FIELD_NAMES, type FieldName } from '../world/world-params';
import { CargoTables } from './cargo-tables';
import { Pools } from './kinds';
import { EFFECT_COUNT } from './cargo-tables';
import { UptakeIndex } from './uptake-grid';
import { METRICS, metricIndex } from './metrics';

/** A tissue region with its coarse fields. */
export interface RegionState {
  readonly region: Region;
  readonly fields: Readonly<Record<FieldName, FieldGrid>>;
}

/** A tumour clone: its cancer type's cargo profile (and, later, integrin profile). */
export interface Clone {
  readonly id: number;
  /** Cargo profile index in the run's CargoTables. */
  readonly profile: number;
}

/**
 * All state of one run. Everything that changes goes into the state hash and the snapshot:
 * pools, fields, counters, organ levels and the RNG streams (held by the engine).
 *
 * A class, not an object literal, for the JIT's sake: V8 gives a literal site a boilerplate on
 * its second evaluation, with field types reset, so a thread's second engine generalised every
 * field type of the world and threw away all module code optimised for the first (measured:
 * ~0.3 s of recompilation in each worker's second run). A constructor stores the same classes
 * every time, so nothing is generalised.
 */
export class World {
  readonly config: RunConfig;
  readonly pools: Pools;
  /** Tissue regions by id (0 primary, 1..5 organs). */
  readonly regions: readonly RegionState[];
  readonly graph: VesselGraph;
  readonly cargo: CargoTables;
  readonly clones: readonly Clone[];
  /** Cumulative counters, one slot per metric (gauge slots unused). */
  readonly counters: Float64Array;
  /**
   * Cargo response per compartment, recomputed every tick by the cargo-exposure module (derived
   * state, so neither hashed nor saved): slots 0..5 are tissue regions, slot 6 the circulation.
   * exposurePackets[slot] counts packets there; response[slot·EFFECT_COUNT + k] is the
   * saturating response to effect k (see cargo-exposure).
   */
  readonly exposurePackets: Float64Array;
  readonly response: Float64Array;
  /** Fraction of exosome secretion still allowed (1 − block-secretion fraction). */
  secretionScale: number;
  /** Depleted fraction per population, in DEPLETABLE order (recruitment is reduced by it). */
  readonly depletion: Float64Array;
  /** Cells that take up exosomes (tumour cells in tissue + residents), indexed every tick. */
  readonly uptake: UptakeIndex;

  /** The empty world for a configuration (agents are placed by `populate`). */
  constructor(config: RunConfig) {
    const cell = config.world.fieldCellUm;
    this.config = config;
    this.pools = new Pools(config.populations);
    this.regions = REGIONS.map((region): RegionState => {
      const nx = Math.max(1, Math.round((region.x1Um - region.x0Um) / cell));
      const ny = Math.max(1, Math.round((region.y1Um - region.y0Um) / cell));
      const fields = {} as Record<FieldName, FieldGrid>;
      for (const name of FIELD_NAMES) fields[name] = new FieldGrid(region.x0Um, region.y0Um, nx, ny, cell);
      fields.ecm.values.fill(config.world.ecmInitial);
      return { region, fields };
    });
    this.graph = buildVesselGraph(config.drainage, config.world.conductingSpeedUmPerHour, config.world.bedSpeedUmPerHour);
    this.cargo = new CargoTables(config.cargo, config.doses);
    this.clones = [{ id: 0, profile: this.cargo.addProfile(config.cargo) }];
    this.counters = initialCounters();
    this.exposurePackets = new Float64Array(EXPOSURE_SLOTS);
    this.response = new Float64Array(EXPOSURE_SLOTS * EFFECT_COUNT);
    this.secretionScale = 1;
    this.depletion = new Float64Array(DEPLETABLE.length);
    // Room for every cell the pools hold before they grow, so the index rarely has to.
    this.uptake = new UptakeIndex(this.pools.tumour.capacity + this.pools.stroma.capacity);
  }
}

/** Exposure slots: six tissue regions and the circulation. */
export const EXPOSURE_SLOTS = 7;
/** Exposure slot of the circulation (blood and lymph). */
export const SLOT_BLOOD = 6;

function initialCounters(): Float64Array {
  const c = new Float64Array(METRICS.length);
  c[metricIndex('time.firstMetastasis')] = -1;
  return c;
}
