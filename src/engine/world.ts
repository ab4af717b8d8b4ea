import { FieldGrid } from '../core/field-grid';
import { NeighbourGrid } from '../core/neighbour-grid';
import type { RunConfig } from '../scenario/config';
import { DEPLETABLE } from '../scenario/whatif';
import { REGIONS, WORLD_SIZE_UM, type Region } from '../world/regions';
import { buildVesselGraph, type VesselGraph } from '../world/vessels';
import { FIELD_NAMES, type FieldName } from '../world/world-params';
import { CargoTables } from './cargo-tables';
import { colonyPool, endotheliumPool, exosomePool, immunePool, plateletPool, stromaPool, tumourPool, type Pools } from './kinds';
import { EFFECT_COUNT } from './cargo-tables';
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
 */
export interface World {
  readonly config: RunConfig;
  readonly pools: Pools;
  /** Tissue regions by id (0 primary, 1..5 organs). */
  readonly regions: readonly RegionState[];
  readonly graph: VesselGraph;
  readonly cargo: CargoTables;
  readonly clones: readonly Clone[];
  /** Cumulative counters, one slot per metric (gauge slots unused). */
  readonly counters: Float64Array;
  /** Fraction of exosome secretion still allowed (1 − block-secretion fraction). */
  secretionScale: number;
  /** Depleted fraction per population, in DEPLETABLE order (recruitment is reduced by it). */
  readonly depletion: Float64Array;
  /** Neighbour grid over cells that take up exosomes (tumour cells in tissue + residents); rebuilt each tick. */
  readonly uptakeGrid: NeighbourGrid;
  /**
   * Cargo response per compartment, recomputed every tick by the cargo-exposure module (derived
   * state, so neither hashed nor saved): slots 0..5 are tissue regions, slot 6 the circulation.
   * exposurePackets[slot] counts packets there; response[slot·EFFECT_COUNT + k] is the
   * saturating response to effect k (see cargo-exposure).
   */
  readonly exposurePackets: Float64Array;
  readonly response: Float64Array;
  /** Scratch: positions of the cells indexed by uptakeGrid, and which pool/row each came from. */
  uptakeXs: Float64Array;
  uptakeYs: Float64Array;
  /** 0 = tumour, 1 = stroma. */
  uptakePool: Uint8Array;
  uptakeRow: Int32Array;
  uptakeCount: number;
}

/** Creates the empty world for a configuration (agents are placed by `populate`). */
export function createWorld(config: RunConfig): World {
  const cell = config.world.fieldCellUm;
  const regions = REGIONS.map((region): RegionState => {
    const nx = Math.max(1, Math.round((region.x1Um - region.x0Um) / cell));
    const ny = Math.max(1, Math.round((region.y1Um - region.y0Um) / cell));
    const fields = {} as Record<FieldName, FieldGrid>;
    for (const name of FIELD_NAMES) fields[name] = new FieldGrid(region.x0Um, region.y0Um, nx, ny, cell);
    fields.ecm.values.fill(config.world.ecmInitial);
    return { region, fields };
  });
  const cargo = new CargoTables(config.cargo, config.doses);
  const clones: Clone[] = [{ id: 0, profile: cargo.addProfile(config.cargo) }];
  const capacityHint = config.populations.tumourCells * 4 + config.populations.initialExosomes;
  return {
    config,
    pools: {
      tumour: tumourPool(Math.max(1024, config.populations.tumourCells * 4)),
      exosome: exosomePool(Math.max(4096, capacityHint)),
      immune: immunePool(256),
      platelet: plateletPool(256),
      endothelium: endotheliumPool(256),
      stroma: stromaPool(Math.max(64, config.populations.residentsPerOrgan * 5)),
      colony: colonyPool(64),
    },
    regions,
    graph: buildVesselGraph(config.drainage, config.world.conductingSpeedUmPerHour, config.world.bedSpeedUmPerHour),
    cargo,
    clones,
    counters: initialCounters(),
    exposurePackets: new Float64Array(EXPOSURE_SLOTS),
    response: new Float64Array(EXPOSURE_SLOTS * EFFECT_COUNT),
    secretionScale: 1,
    depletion: new Float64Array(DEPLETABLE.length),
    // Cells about half the uptake reach: a query then checks only the few cells truly near it.
    uptakeGrid: new NeighbourGrid(0, 0, WORLD_SIZE_UM.width, WORLD_SIZE_UM.height, 8, false),
    uptakeXs: new Float64Array(1024),
    uptakeYs: new Float64Array(1024),
    uptakePool: new Uint8Array(1024),
    uptakeRow: new Int32Array(1024),
    uptakeCount: 0,
  };
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
