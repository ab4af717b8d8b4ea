import type { ParamSpecs } from '../engine/params';

/** Names of the coarse fields every tissue region carries. */
export const FIELD_NAMES = ['ecm', 'vegf', 'tgfb', 'niche'] as const;
/** One field name. */
export type FieldName = (typeof FIELD_NAMES)[number];

/** Parameters of the world itself: circulation speeds and field transport. */
export const WORLD_PARAMS = {
  conductingSpeedUmPerHour: {
    default: 2400, min: 10, max: 1e6, range: [1200, 4800], unit: 'µm/h',
    doc: 'schematic flow speed in conducting vessels of the body map',
    source: 'schematic: real blood circulates in about a minute; slowed so a viewer can follow a cell over a few ticks',
  },
  bedSpeedUmPerHour: {
    default: 200, min: 1, max: 1e5, range: [100, 400], unit: 'µm/h',
    doc: 'schematic flow speed inside capillary beds and lymph',
    source: 'schematic: capillary flow is ~1000× slower than aortic flow; beds are where cells arrest and vesicles leave the blood',
  },
  fieldCellUm: {
    default: 40, min: 5, max: 200, range: [20, 80], unit: 'µm',
    doc: 'side of one cell of the coarse field grids',
    source: 'model resolution: a few cell diameters; fields are coarse so their cost stays small next to the agents',
  },
  cargoEffectPerEntry: {
    default: 0.5, min: 0, max: 1, range: [0.1, 0.9], unit: '1',
    doc: 'effect level one cargo of full evidence weight and dose 1 gives on its own (cargo of one effect combine as independent chances)',
    source: 'schematic: one well-evidenced cargo moves a pathway substantially but not all the way',
  },
  ecmInitial: {
    default: 1, min: 0, max: 10, range: [0.5, 2], unit: 'relative density',
    doc: 'initial extracellular-matrix density in every tissue region',
    source: 'schematic: intact matrix = 1',
  },
  vegfDiffusionUm2PerHour: {
    default: 1800, min: 0, max: 1e6, range: [180, 18000], unit: 'µm²/h',
    doc: 'effective diffusion coefficient of VEGF in tissue',
    source: 'schematic: 0.5 µm²/s, matrix-bound VEGF isoforms spread far more slowly than free protein',
  },
  vegfDecayPerHour: {
    default: 0.2, min: 0, max: 100, range: [0.05, 1], unit: 'per hour',
    doc: 'VEGF decay/clearance rate',
    source: 'schematic: half-life of a few hours',
  },
  tgfbDiffusionUm2PerHour: {
    default: 1800, min: 0, max: 1e6, range: [180, 18000], unit: 'µm²/h', doc: 'effective diffusion coefficient of TGF-β in tissue',
    source: 'schematic: as VEGF',
  },
  tgfbDecayPerHour: {
    default: 0.2, min: 0, max: 100, range: [0.05, 1], unit: 'per hour', doc: 'TGF-β decay rate', source: 'schematic: as VEGF',
  },
  nicheDiffusionUm2PerHour: {
    default: 600, min: 0, max: 1e6, range: [60, 6000], unit: 'µm²/h', doc: 'spread of the pre-metastatic niche signal from educated stroma',
    source: 'schematic: slower than soluble factors (matrix deposition, recruited cells)',
  },
  nicheDecayPerHour: {
    default: 0.01, min: 0, max: 100, range: [0.001, 0.1], unit: 'per hour', doc: 'fading of the niche signal without further priming',
    source: 'schematic: niches persist for days once primed',
  },
} satisfies ParamSpecs;

/** Initial populations (agents at tick 0) and capacities. */
export const POPULATION_PARAMS = {
  tumourCells: {
    default: 120, min: 1, max: 1e6, range: [60, 240], unit: 'cells', integer: true,
    doc: 'tumour cells seeded in the primary region at tick 0', source: 'schematic: a small primary lesion',
  },
  residentsPerOrgan: {
    default: 60, min: 0, max: 1e6, range: [30, 120], unit: 'cells', integer: true,
    doc: 'resident stromal cells per organ (fibroblasts, Kupffer cells, osteoblasts, microglia…)',
    source: 'schematic: enough to show uptake and education',
  },
  nkCells: {
    default: 120, min: 0, max: 1e6, range: [60, 240], unit: 'cells', integer: true,
    doc: 'NK cells patrolling the circulation', source: 'schematic: NK cells are 5–15% of blood lymphocytes',
  },
  cd8Cells: {
    default: 160, min: 0, max: 1e6, range: [80, 320], unit: 'cells', integer: true,
    doc: 'CD8 T cells, half in the circulation and half infiltrating the primary', source: 'schematic',
  },
  bCells: {
    default: 60, min: 0, max: 1e6, range: [30, 120], unit: 'cells', integer: true,
    doc: 'B cells in the lymph node and the primary', source: 'schematic',
  },
  primaryFibroblasts: {
    default: 40, min: 0, max: 1e6, range: [20, 80], unit: 'cells', integer: true,
    doc: 'fibroblasts in the primary stroma (they can become CAFs)', source: 'schematic',
  },
  macrophages: {
    default: 80, min: 0, max: 1e6, range: [40, 160], unit: 'cells', integer: true,
    doc: 'tumour-associated macrophages in the primary (start M1)', source: 'schematic',
  },
  mdscs: {
    default: 10, min: 0, max: 1e6, range: [5, 20], unit: 'cells', integer: true,
    doc: 'myeloid-derived suppressor cells in the circulation at tick 0', source: 'schematic',
  },
  platelets: {
    default: 600, min: 0, max: 1e7, range: [300, 1200], unit: 'agents', integer: true,
    doc: 'platelet agents in the circulation (each stands for many platelets)', source: 'schematic',
  },
  primaryVessels: {
    default: 5, min: 0, max: 100, range: [3, 8], unit: 'vessels', integer: true,
    doc: 'pre-existing vessels crossing the primary region at tick 0', source: 'schematic',
  },
  organVessels: {
    default: 3, min: 1, max: 50, range: [2, 6], unit: 'vessels', integer: true,
    doc: 'vessels crossing each organ’s tissue at tick 0 (its capillaries)', source: 'schematic: capillaries pervade every organ; colonies far from one need angiogenesis',
  },
  initialExosomes: {
    default: 0, min: 0, max: 1e7, range: [0, 0], unit: 'agents', integer: true,
    doc: 'exosome packets present at tick 0 (spread over the tissues; used by benchmarks)',
    source: 'model resolution: benchmarks only',
  },
} satisfies ParamSpecs;
