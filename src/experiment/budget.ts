import { dpow } from '../core/detmath';
import { METRIC_NAMES } from '../engine/metrics';
import { Pools, POOL_ORDER, type PoolName } from '../engine/kinds';
import type { RunConfig } from '../scenario/config';
import { ORGANS, REGIONS } from '../world/regions';

// The resource budget of a run: before anything runs, a run's peak agents, memory, work per tick
// and whole-run work are estimated from its config, and a run beyond the budget is refused with
// the numbers (exit 2), instead of crashing on a pool's capacity or taking a minute per tick.
// The estimate is deliberately pessimistic (costs measured on 2 shared cores, then rounded up);
// emergent growth it cannot foresee (colonies in organs) is caught while running by RunGuard.

/** A run too large for its budget (message complete, with the numbers); the CLI exits 2. */
export class BudgetError extends Error {
  constructor(message: string) {
    super(message);
    // Kept by comlink when the error crosses from a worker thread, so the CLI still knows it.
    this.name = 'BudgetError';
  }
}

/** What one run may use (at --budget 1); every limit scales with the --budget factor. */
export const DEFAULT_BUDGET = {
  /** Live agents of all kinds at once. */
  agents: 4_000_000,
  /** Estimated memory of the run and its outputs, bytes. */
  memoryBytes: 2 * 1024 * 1024 * 1024,
  /** Estimated seconds for the heaviest tick (on 2 shared cores). */
  tickSeconds: 10,
  /** Estimated seconds for the whole run. */
  runSeconds: 3600,
  /** One output file (a CSV, a snapshot), bytes. */
  outputBytes: 256 * 1024 * 1024,
} as const;

/** A budget: DEFAULT_BUDGET times a factor. */
export type Budget = { -readonly [K in keyof typeof DEFAULT_BUDGET]: number };

/** Limits no --budget lifts: a pool's id space and the longest string one output can be built as. */
export const HARD_LIMITS = {
  /** Agents of one kind (a pool's slots: ids are generation·2^24 + slot). */
  agentsOfOneKind: 1 << 24,
  /** Characters of one output file built in memory (V8's longest string is 2^29 − 24). */
  outputChars: 500_000_000,
} as const;

/** Most a --budget factor may be. */
export const MAX_BUDGET_FACTOR = 1000;

/** The budget at `factor` × the default. */
export function budgetFor(factor: number): Budget {
  const b = { ...DEFAULT_BUDGET } as Budget;
  for (const k of Object.keys(b) as (keyof Budget)[]) b[k] *= factor;
  return b;
}

/**
 * The --budget factor in force: EXOCASCADE_BUDGET (set by the CLI from --budget, or by the
 * user), else 1. The CLI validates the value before any command runs.
 */
export function budgetFactor(): number {
  const v = Number(globalThis.process?.env?.EXOCASCADE_BUDGET ?? '1');
  return Number.isFinite(v) && v > 0 ? v : 1;
}

// Costs per unit, nanoseconds, measured on this project's 2 shared cores and rounded up
// (default breast: ~4 ms/tick at ~5k agents; 95k exosome packets: ~110 ms/tick; 200k tumour
// cells in the primary, ~60M neighbour checks: 35 s/tick; 43,600 field cells × 4,900
// substeps: 0.9 s/tick).
const FIXED_TICK_NS = 1e6;
const AGENT_NS = 1000;
const NEIGHBOUR_NS = 600;
const FIELD_CELL_NS = 5;
/** Largest diffusion number per field substep (src/core/field-grid.ts). */
const SUBSTEP_DIFFUSION_NUMBER = 0.2;
/** Segments a pre-existing vessel is cut into, at most (20-µm segments across a region). */
const SEGMENTS_PER_VESSEL = 40;

const bytesPerRow = (() => {
  const pools = new Pools({ tumourCells: 0, initialExosomes: 0, residentsPerOrgan: 0 });
  const out = {} as Record<PoolName, number>;
  for (const name of POOL_ORDER) {
    const cols = pools[name].cols as unknown as Record<string, { BYTES_PER_ELEMENT: number }>;
    // Columns, the id column (8) and three slot arrays (4 each).
    out[name] = Object.values(cols).reduce((s, c) => s + c.BYTES_PER_ELEMENT, 0) + 20;
  }
  return out;
})();

/** A run's estimated size and cost (see estimateRun). */
export interface RunEstimate {
  ticks: number;
  tickHours: number;
  /** Peak live agents by kind, and in all. */
  agentsByKind: Record<PoolName, number>;
  peakAgents: number;
  /** Exosome packets one tick can stage with every organ full (a pool must hold them within the tick). */
  packetsPerTickAtCapacity: number;
  /** Cells of all field grids, and field-cell updates per tick (diffusion substeps and decay). */
  fieldCells: number;
  fieldUpdatesPerTick: number;
  tickSeconds: number;
  runSeconds: number;
  memoryBytes: number;
  /** Sizes of the requested outputs, characters. */
  outputs: Record<string, number>;
}

/** Outputs a run will write, which cost memory too. */
export interface OutputRequest {
  csv?: boolean;
  snapshot?: boolean;
}

const p = (config: RunConfig, module: string, key: string): number => {
  const v = config.modules[module]?.[key];
  if (typeof v !== 'number') throw new Error(`budget: parameter ${module}.${key} is missing from the config`);
  return v;
};

/**
 * Estimates a run from its config: tumour cells from the initial population grown toward the
 * primary's capacity over the run, exosome packets from release rate × tick length × their
 * lifetime, immune cells with recruitment, field cells from region sizes and the cell size,
 * field substeps from D·Δt/Δx², neighbour checks from tumour density, and memory for pools,
 * fields, the metric series and the requested outputs.
 */
export function estimateRun(config: RunConfig, outputs: OutputRequest = {}): RunEstimate {
  const dt = config.tickHours;
  const ticks = config.ticks;
  const hours = ticks * dt;
  const pop = config.populations;
  const t0 = pop.tumourCells;
  const capacity = p(config, 'tumour-growth', 'capacityCells');
  const doubling = p(config, 'tumour-growth', 'doublingTimeHours');
  const organCapacity = p(config, 'colonisation', 'organCapacityCells');
  // Growth toward the primary's capacity (a cell population cannot outgrow doubling).
  const grown = t0 * dpow(2, Math.min(60, hours / doubling));
  const primary = Math.max(t0, Math.min(capacity, grown));
  // Colonies in the organs: each organ holds at most organCapacityCells (colonisation's
  // logistic crowding), and they cannot grow faster than the primary's doubling allows.
  const tumour = primary + Math.min(ORGANS.length * organCapacity, grown);
  const tumourAtCapacity = Math.max(t0, capacity) + ORGANS.length * organCapacity;
  // Invading cells release `invadingMultiplier` times more; at most about half the cells invade.
  const perCellTick = p(config, 'exosome-release', 'packetsPerCellPerHour') * dt * (1 + Math.max(1, p(config, 'exosome-release', 'invadingMultiplier'))) / 2;
  const packetsPerTick = tumour * perCellTick;
  // A packet lives until it decays or drains away (uptake, which shortens it more, is left out).
  const lifeTicks = 1 / ((Math.LN2 / p(config, 'exosome-fate', 'halfLifeHours') + p(config, 'exosome-fate', 'drainageRatePerHour')) * dt);
  const exosome = pop.initialExosomes + packetsPerTick * (1 + Math.min(ticks, lifeTicks));
  const recruitment = 2 * (1 + p(config, 'niche', 'bmdcMobilisationGain')) * (
    p(config, 'immune-surveillance', 'mdscRecruitPerHour') / Math.max(p(config, 'immune-surveillance', 'mdscDeathRatePerHour'), 1 / Math.max(hours, 1)) +
    ORGANS.length * p(config, 'niche', 'bmdcRecruitPerHour') * Math.min(hours, p(config, 'niche', 'bmdcLifeHours')));
  const agentsByKind: Record<PoolName, number> = {
    tumour,
    exosome,
    immune: pop.cd8Cells + pop.nkCells + pop.bCells + pop.macrophages + pop.mdscs + recruitment,
    platelet: pop.platelets,
    endothelium: (pop.primaryVessels + ORGANS.length * pop.organVessels) * SEGMENTS_PER_VESSEL +
      p(config, 'angiogenesis', 'maxSegments') + ORGANS.length * p(config, 'angiogenesis', 'maxOrganSegments'),
    stroma: pop.primaryFibroblasts + ORGANS.length * pop.residentsPerOrgan,
    colony: tumour / 4,
  };
  for (const k of POOL_ORDER) agentsByKind[k] = Math.ceil(agentsByKind[k]);
  const peakAgents = POOL_ORDER.reduce((s, k) => s + agentsByKind[k], 0);

  const cell = config.world.fieldCellUm;
  const fieldCells = REGIONS.reduce((s, r) => s + Math.max(1, Math.round((r.x1Um - r.x0Um) / cell)) * Math.max(1, Math.round((r.y1Um - r.y0Um) / cell)), 0);
  const substeps = (d: number) => Math.ceil((d * dt) / (cell * cell) / SUBSTEP_DIFFUSION_NUMBER);
  const w = config.world;
  const fieldUpdatesPerTick = fieldCells * (substeps(w.vegfDiffusionUm2PerHour) + substeps(w.tgfbDiffusionUm2PerHour) + substeps(w.nicheDiffusionUm2PerHour) + 4);
  // Neighbour checks: tumour cells crowd-check each other, packets look for cells to enter.
  const region = REGIONS[0];
  // At the primary's density (colonies in organs are no denser: an organ holds fewer cells per area).
  const density = primary / ((region.x1Um - region.x0Um) * (region.y1Um - region.y0Um));
  const within = (r: number) => Math.min(tumour, density * Math.PI * r * r);
  const neighbours = tumour * within(p(config, 'tumour-growth', 'crowdingRadiusUm')) + exosome * within(p(config, 'exosome-fate', 'reachUm'));
  const tickNs = FIXED_TICK_NS + AGENT_NS * peakAgents + NEIGHBOUR_NS * neighbours + FIELD_CELL_NS * fieldUpdatesPerTick;

  const metrics = METRIC_NAMES.length;
  const seriesRows = ticks + 1;
  const poolValues = POOL_ORDER.reduce((s, k) => s + agentsByKind[k] * (bytesPerRow[k] / 6), 0);
  const out: Record<string, number> = {};
  if (outputs.csv) out.csv = seriesRows * metrics * 110;
  if (outputs.snapshot) out.snapshot = (seriesRows * metrics + poolValues + fieldCells * 4) * 20;
  const memoryBytes =
    POOL_ORDER.reduce((s, k) => s + agentsByKind[k] * bytesPerRow[k] * 3, 0) + // columns doubled, old and new while growing
    fieldCells * 4 * 3 * 8 + // four fields: values, deposits, scratch
    seriesRows * (metrics * 8 + 100) + // the metric series
    (outputs.csv ? seriesRows * metrics * 300 : 0) + // CSV rows held before they are joined
    (outputs.snapshot ? (seriesRows * metrics + poolValues + fieldCells * 4) * 40 : 0); // snapshot arrays and text
  return {
    ticks, tickHours: dt, agentsByKind, peakAgents, packetsPerTickAtCapacity: Math.ceil(tumourAtCapacity * perCellTick),
    fieldCells, fieldUpdatesPerTick, tickSeconds: tickNs / 1e9, runSeconds: (tickNs * ticks) / 1e9, memoryBytes, outputs: out,
  };
}

/** "12,345,678" */
export const fmtCount = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : String(n));
/** "1.5 GiB", "12 MiB", "800 KiB" */
export function fmtBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 && u > 0 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}
/** "40 s", "12 min", "3.2 h", "5.0e+3 h" */
export function fmtSeconds(s: number): string {
  if (s < 120) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  const h = s / 3600;
  return h < 1e4 ? `${h.toFixed(1)} h` : `${h.toExponential(1)} h`;
}

/**
 * What in an estimate goes over the budget or a hard limit, as phrases with the numbers (empty
 * when it fits). The factor is the one in force, to say what --budget would allow it.
 */
export function overBudget(e: RunEstimate, factor: number): string[] {
  const b = budgetFor(factor);
  const over: string[] = [];
  const need = (ratio: number) => `--budget ${Math.ceil(ratio * factor * 10) / 10}`;
  for (const k of POOL_ORDER) {
    const n = e.agentsByKind[k] + (k === 'exosome' ? e.packetsPerTickAtCapacity : 0);
    if (n > HARD_LIMITS.agentsOfOneKind) over.push(`${fmtCount(n)} ${k} agents in one tick${k === 'exosome' ? ` (${fmtCount(e.packetsPerTickAtCapacity)} released per tick with every organ full)` : ''} exceed the engine's limit of ${fmtCount(HARD_LIMITS.agentsOfOneKind)} of one kind, which no --budget lifts`);
  }
  if (e.peakAgents > b.agents) over.push(`peak ${fmtCount(e.peakAgents)} agents (${fmtCount(e.agentsByKind.exosome)} exosome packets, ${fmtCount(e.agentsByKind.tumour)} tumour cells) exceed ${fmtCount(b.agents)} (${need(e.peakAgents / b.agents)})`);
  if (e.memoryBytes > b.memoryBytes) over.push(`about ${fmtBytes(e.memoryBytes)} of memory exceeds ${fmtBytes(b.memoryBytes)} (${need(e.memoryBytes / b.memoryBytes)})`);
  if (e.tickSeconds > b.tickSeconds) {
    over.push(`a tick would take up to ${fmtSeconds(e.tickSeconds)} (${fmtCount(e.peakAgents)} agents, ${fmtCount(e.fieldCells)} field cells × ${fmtCount(e.fieldUpdatesPerTick / Math.max(1, e.fieldCells))} updates) over ${fmtSeconds(b.tickSeconds)} (${need(e.tickSeconds / b.tickSeconds)})`);
  }
  if (e.runSeconds > b.runSeconds) over.push(`the run would take up to ${fmtSeconds(e.runSeconds)} (${fmtCount(e.ticks)} ticks) over ${fmtSeconds(b.runSeconds)} (${need(e.runSeconds / b.runSeconds)})`);
  for (const [name, chars] of Object.entries(e.outputs)) {
    if (chars > HARD_LIMITS.outputChars) over.push(`the ${name} would be about ${fmtBytes(chars)}, more than one file this program can build (${fmtBytes(HARD_LIMITS.outputChars)}), whatever the budget`);
    else if (chars > b.outputBytes) over.push(`the ${name} would be about ${fmtBytes(chars)}, over ${fmtBytes(b.outputBytes)} (${need(chars / b.outputBytes)})`);
  }
  return over;
}

/** A BudgetError with one line per excess, each naming `label`. */
export function budgetError(label: string, factor: number, over: readonly string[]): BudgetError {
  return new BudgetError(over.map((o) => `${label}: over the resource budget${factor === 1 ? '' : ` (×${factor})`}: ${o}`).join('\n'));
}

/** Throws BudgetError naming `label` and every excess when a run does not fit the budget. */
export function checkRunBudget(config: RunConfig, label: string, outputs: OutputRequest = {}, factor = budgetFactor()): RunEstimate {
  const e = estimateRun(config, outputs);
  const over = overBudget(e, factor);
  if (over.length) throw budgetError(label, factor, over);
  return e;
}

/** An experiment's size beyond its single runs: every record is held in memory to build the outputs. */
export interface ExperimentEstimate {
  runs: number;
  /** Records held in memory at the end, bytes. */
  memoryBytes: number;
  /** results.csv, characters. */
  csvChars: number;
  /** Everything written (runs.jsonl, results.csv, summary, report), bytes. */
  diskBytes: number;
}

/** Estimates an experiment of `runs` runs whose records keep `points` trajectory samples of `metrics` metrics. */
export function estimateExperiment(runs: number, points: number, metrics: number): ExperimentEstimate {
  const perRecordHeap = points * metrics * 9 + metrics * 60 + 2000;
  const perRecordText = points * metrics * 20 + metrics * 40 + 600;
  const csvChars = runs * metrics * 110;
  return { runs, memoryBytes: runs * (perRecordHeap + metrics * 300), csvChars, diskBytes: runs * perRecordText + csvChars + 4 * 1024 * 1024 };
}

/** Throws BudgetError when an experiment's records or results.csv do not fit the budget. */
export function checkExperimentBudget(e: ExperimentEstimate, label: string, factor = budgetFactor()): void {
  const b = budgetFor(factor);
  const over: string[] = [];
  if (e.memoryBytes > b.memoryBytes) over.push(`its ${fmtCount(e.runs)} records would hold about ${fmtBytes(e.memoryBytes)} in memory, over ${fmtBytes(b.memoryBytes)} (a larger --trajectory-every keeps fewer samples; or --budget ${Math.ceil((e.memoryBytes / b.memoryBytes) * factor * 10) / 10})`);
  if (e.csvChars > HARD_LIMITS.outputChars) over.push(`results.csv would be about ${fmtBytes(e.csvChars)}, more than one file this program can build (${fmtBytes(HARD_LIMITS.outputChars)}); run fewer seeds or arms per experiment`);
  else if (e.csvChars > b.outputBytes) over.push(`results.csv would be about ${fmtBytes(e.csvChars)}, over ${fmtBytes(b.outputBytes)} (--budget ${Math.ceil((e.csvChars / b.outputBytes) * factor * 10) / 10})`);
  if (over.length) throw budgetError(label, factor, over);
}
