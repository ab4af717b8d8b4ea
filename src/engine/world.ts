import { FieldGrid } from '../core/field-grid';
import type { RunConfig } from '../scenario/config';
import { DEPLETABLE } from './depletable';
import { REGIONS, type Region } from '../world/regions';
import { buildVesselGraph, type VesselGraph } from '../world/vessels';
import { FIELD_NAMES, type FieldName } from '../world/world-params';
import { CargoTables } from './cargo-tables';
import { Pools } from './kinds';
import { Exposure } from './exposure';
import { OrganSummary } from './organ-summary';
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
  /** This tick's cargo responses per compartment (derived state; see Exposure). */
  readonly exposure: Exposure;
  /** What-if state: secretion scale and depletions. */
  readonly interventions: InterventionState;
  /** Blood-borne state that is not an agent: platelet factors and recent exosome transit. */
  readonly blood: BloodState;
  /** Per-organ summaries of the soil this tick (derived state; see OrganSummary). */
  readonly organs: OrganSummary;
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
    this.cargo = new CargoTables(config.cargo, config.doses, {
      effectPerEntry: config.world.cargoEffectPerEntry,
      assumedEffects: config.assumedEffects,
    });
    this.clones = [{ id: 0, profile: this.cargo.addProfile(config.cargo) }];
    this.counters = initialCounters();
    this.exposure = new Exposure();
    this.interventions = new InterventionState();
    this.blood = new BloodState(this.cargo.profileCount);
    this.organs = new OrganSummary();
    // Room for every cell the pools hold before they grow, so the index rarely has to.
    this.uptake = new UptakeIndex(this.pools.tumour.capacity + this.pools.stroma.capacity);
  }
}

/**
 * Blood-borne state that is not an agent (hashed and saved with the run). Exosomes cross the
 * blood within minutes, so none is in it at a tick's end; packetHours keeps what crossed during
 * the last tick (packet-hours per cargo profile), from which the next tick's blood exposure is
 * computed.
 */
export class BloodState {
  /** Platelet-derived TGF-β in blood, relative units (1 = the level of one cloak at steady state). */
  plateletTgfb = 0;
  /** Platelet-derived vesicles in blood, relative units (1 = the output of one activated platelet agent at steady state). */
  plateletVesicles = 0;
  /** Packet-hours spent in blood during the last tick, per cargo profile. */
  readonly packetHours: Float64Array;

  constructor(profiles: number) {
    this.packetHours = new Float64Array(profiles);
  }
}

/** What-ifs' lasting state: hashed and saved with the run. */
export class InterventionState {
  /** Fraction of exosome secretion still allowed (1 − block-secretion fraction). */
  secretionScale = 1;
  /** Depleted fraction per population, in DEPLETABLE order (recruitment is reduced by it). */
  readonly depletion = new Float64Array(DEPLETABLE.length);
}

function initialCounters(): Float64Array {
  const c = new Float64Array(METRICS.length);
  c[metricIndex('time.firstMetastasis')] = -1;
  return c;
}
