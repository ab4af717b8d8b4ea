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
    source: 'schematic: real blood circulates in ~1 min; slowed for display. With bed speed and arrest per pass it sets how long CTCs ride, so calibrate to a CTC blood half-life of 1–2.4 h (Meng et al. 2004)',
  },
  bedSpeedUmPerHour: {
    default: 230.2, min: 1, max: 1e5, range: [100, 400], unit: 'µm/h',
    doc: 'schematic flow speed inside capillary beds and lymph',
    source: 'calibrated: ABC-SMC against targets/clinical.json (ffe042d0d53a2f40) on engine 0.2.0, see calibration/2026-12-stage1; prior: schematic: slowed for display; a 400-µm bed takes 2 h to cross, so arrest hazard per hour = per-pass hazard / 2 h. Calibrate with kill rates so CTC half-life in blood is 1–2.4 h (Meng et al. 2004)',
  },
  fieldCellUm: {
    default: 40, min: 5, max: 200, range: [20, 80], unit: 'µm',
    doc: 'side of one cell of the coarse field grids',
    source: 'model resolution: a few cell diameters; fields are coarse so their cost stays small next to the agents',
  },
  cargoEffectPerEntry: {
    default: 0.1577, min: 0, max: 1, range: [0.1, 0.9], unit: '1',
    doc: 'effect level one cargo of full evidence weight and dose 1 gives on its own (cargo of one effect combine as independent chances)',
    source: 'calibrated: ABC-SMC against targets/clinical.json (ffe042d0d53a2f40) on engine 0.2.0, see calibration/2026-12-stage1; prior: schematic: one well-evidenced cargo moves a pathway substantially but not all the way',
  },
  checkpointKillCutPerLevel: {
    default: 1.65, min: 0, max: 100, range: [0.5, 5], unit: 'per unit of level',
    doc: 'fall of the CD8 kill hazard on a tumour cell per unit of its clone\'s tcell.checkpoint level (the hazard is × 1 − min(1, this × level))',
    source: 'schematic, bounded: set so a clone with one well-evidenced checkpoint ligand (level 0.158 at cargoEffectPerEntry 0.1577, melanoma\'s PD-L1) meets 26% less CD8 killing: CTLs without PD-1 killed 36% more PD-L1-bearing tumour cells (Zhao et al. 2018, Oncotarget 9:5208; 1 − 1/1.36 = 0.26); tumour-cell PD-L1 alone suppresses CD8 cytotoxicity (Juneja et al. 2017, J Exp Med 214:895). The pd-l1-tcells claim holds from a cut between 1 and 1.65, see calibration/2026-12-defaults/checkpoint-cut',
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
    default: 0.2, min: 0, max: 100, range: [0.05, 1.5], unit: 'per hour',
    doc: 'VEGF decay/clearance rate',
    source: 'Eppler et al. (2002): rhVEGF165 terminal plasma half-life 33.7 min (≈1.2/h); interstitial VEGF is buffered by matrix and receptor binding, so tissue decay is set slower (0.2/h ≈ 3.5 h half-life)',
  },
  tgfbDiffusionUm2PerHour: {
    default: 1800, min: 0, max: 1e6, range: [180, 18000], unit: 'µm²/h', doc: 'effective diffusion coefficient of TGF-β in tissue',
    source: 'schematic: TGF-β is stored latent in matrix and active TGF-β is quickly captured by binding proteins (Kropf et al. 1997), so effective spread is short; no tissue value found, taken as VEGF\'s',
  },
  tgfbDecayPerHour: {
    default: 0.2, min: 0, max: 100, range: [0.05, 1], unit: 'per hour', doc: 'TGF-β decay rate', source: 'schematic: active TGF-β is rapidly masked by binding proteins (LAP, α2-macroglobulin; Kropf et al. 1997) but replenished from latent stores; no tissue half-life found, taken as VEGF\'s',
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
    doc: 'tumour cells seeded in the primary region at tick 0', source: 'model resolution: agents at t=0 in a primary of ~1000 capacity; a real lesion has ~10^9 cells per gram',
  },
  residentsPerOrgan: {
    default: 60, min: 0, max: 1e6, range: [30, 120], unit: 'cells', integer: true,
    doc: 'resident stromal cells per organ (fibroblasts, Kupffer cells, osteoblasts, microglia…)',
    source: 'model resolution: enough resident agents per organ to show uptake and education; each stands for many stromal cells',
  },
  nkCells: {
    default: 120, min: 0, max: 1e6, range: [60, 240], unit: 'cells', integer: true,
    doc: 'NK cells patrolling the circulation', source: 'model resolution: NK agents in blood (NK cells are 5–15% of blood lymphocytes); kill hazards are per fraction active, so results do not hinge on the count',
  },
  cd8Cells: {
    default: 160, min: 0, max: 1e6, range: [80, 320], unit: 'cells', integer: true,
    doc: 'CD8 T cells, half in the circulation and half infiltrating the primary', source: 'model resolution: CD8 agents, half in blood and half in the primary; kill hazards use the fraction active',
  },
  bCells: {
    default: 60, min: 0, max: 1e6, range: [30, 120], unit: 'cells', integer: true,
    doc: 'B cells in the lymph node and the primary', source: 'model resolution: B-cell agents in lymph node and primary; suppression scales per agent (bregSuppression)',
  },
  primaryFibroblasts: {
    default: 40, min: 0, max: 1e6, range: [20, 80], unit: 'cells', integer: true,
    doc: 'fibroblasts in the primary stroma (they can become CAFs)', source: 'model resolution: fibroblast agents in the primary stroma, each standing for many',
  },
  macrophages: {
    default: 80, min: 0, max: 1e6, range: [40, 160], unit: 'cells', integer: true,
    doc: 'tumour-associated macrophages in the primary (start M1)', source: 'model resolution: macrophage agents in the primary; M2 effects use the M2 fraction',
  },
  mdscs: {
    default: 10, min: 0, max: 1e6, range: [5, 20], unit: 'cells', integer: true,
    doc: 'myeloid-derived suppressor cells in the circulation at tick 0', source: 'model resolution: MDSC agents in blood at t=0; suppression scales per agent (mdscSuppression)',
  },
  platelets: {
    default: 600, min: 0, max: 1e7, range: [300, 1200], unit: 'agents', integer: true,
    doc: 'platelet agents in the circulation (each stands for many platelets)', source: 'model resolution: platelet agents (each stands for many of the ~150–450×10^9/L platelets); cloaking uses the free fraction',
  },
  primaryVessels: {
    default: 5, min: 0, max: 100, range: [3, 8], unit: 'vessels', integer: true,
    doc: 'pre-existing vessels crossing the primary region at tick 0', source: 'model resolution: pre-existing vessels crossing the primary at t=0',
  },
  organVessels: {
    default: 3, min: 1, max: 50, range: [2, 6], unit: 'vessels', integer: true,
    doc: 'vessels crossing each organ’s tissue at tick 0 (its capillaries)', source: 'model resolution: capillary lines per organ at t=0; colonies beyond perfusionReachUm of them need angiogenesis',
  },
  initialExosomes: {
    default: 0, min: 0, max: 1e7, range: [0, 0], unit: 'agents', integer: true,
    doc: 'exosome packets present at tick 0 (spread over the tissues; used by benchmarks)',
    source: 'model resolution: benchmarks only',
  },
} satisfies ParamSpecs;
