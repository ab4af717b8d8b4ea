import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runExperiment, type ExperimentResult } from '../experiment/experiment';
import { parseArms, parseSeeds } from '../experiment/grid';
import { readRunsFile, RUNS_FILE } from '../experiment/store';

// Benchmark of the experiment pool (issue 5): the default scenario × 2 arms × 20 seeds, run
// through the whole experiment pipeline (store, pool, outputs) three ways in one process:
// in-process with no threads (the same-run baseline), a pool of 1 worker and a pool of 2.
// Prints JSON. Targets: wall(2 workers) ≤ 0.6 × wall(1 worker); pool overhead per run (spawn,
// transfer, store, outputs: pool wall time minus the runs' own compute time) ≤ 5% of a run.
//
//   npm run bench:experiment [-- --seeds 1..20 --ticks N --scenario FILE --repeat 3]

/** One measured configuration. */
export interface ExperimentBenchRow {
  mode: 'in-process' | 'pool';
  workers: number;
  runs: number;
  wallMs: number;
  /** Sum of the runs' own compute time (measured inside the runner). */
  computeMs: number;
  /** Per worker: spawn until the scenario was loaded. */
  startupMs: number[];
}

async function measure(label: string, scenario: string, seeds: string, ticks: number | undefined, workers: number): Promise<ExperimentBenchRow> {
  const out = mkdtempSync(join(tmpdir(), `exocascade-bench-${label}-`));
  try {
    const t0 = performance.now(); // det-ok: benchmark timing
    const r: ExperimentResult = await runExperiment({
      scenarioFile: scenario,
      arms: parseArms(['half-secretion=block-secretion@0=0.5']),
      seeds: parseSeeds(seeds),
      ticks,
      workers,
      shard: null,
      out,
      progress: null,
    });
    const wallMs = performance.now() - t0; // det-ok: benchmark timing
    const computeMs = readRunsFile(join(out, RUNS_FILE)).records.reduce((s, rec) => s + rec.wallMs, 0);
    return { mode: workers ? 'pool' : 'in-process', workers: r.pool.workers, runs: r.ran, wallMs, computeMs, startupMs: r.pool.startupMs };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const round = (v: number, d = 3) => Number(v.toFixed(d));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs the benchmark `repeat` times, interleaving the three modes so that background load
 * hits them alike, and returns its JSON-ready result (medians over repeats).
 */
export async function runExperimentBench(scenario: string, seeds: string, ticks: number | undefined, repeat: number) {
  const rows: ExperimentBenchRow[] = [];
  for (let k = 0; k < repeat; k++) {
    // In-process first: it starts with a cold JIT, as each worker does.
    for (const workers of [0, 1, 2]) rows.push(await measure(`w${workers}`, scenario, seeds, ticks, workers));
  }
  const of = (w: number) => rows.filter((r) => r.workers === w);
  const wall = (w: number) => median(of(w).map((r) => r.wallMs));
  const runs = of(1)[0].runs;
  // Overhead of the pool per run: its wall time beyond the runs' own compute time (spawn,
  // messages, store, outputs), against the mean compute time of a run; medians over repeats.
  const overheadPerRunMs = median(of(1).map((r) => (r.wallMs - r.computeMs) / runs));
  const meanRunMs = median(of(1).map((r) => r.computeMs / runs));
  const ratio = median(of(1).map((r, k) => of(2)[k].wallMs / r.wallMs));
  const vsInProcessPerRunMs = (wall(1) - wall(0)) / runs;
  return {
    bench: 'experiment-pool',
    scenario,
    seeds,
    ticks: ticks ?? 'scenario default',
    arms: 2,
    runs,
    repeat,
    rows: rows.map((r) => ({ ...r, wallMs: round(r.wallMs, 1), computeMs: round(r.computeMs, 1), startupMs: r.startupMs.map((s) => round(s, 1)) })),
    medianWallMs: { inProcess: round(wall(0), 1), oneWorker: round(wall(1), 1), twoWorkers: round(wall(2), 1) },
    meanRunMs: round(meanRunMs, 2),
    twoWorkerWallRatio: round(ratio),
    poolOverheadPerRunMs: round(overheadPerRunMs, 2),
    poolOverheadFraction: round(overheadPerRunMs / meanRunMs, 4),
    vsInProcessPerRunMs: round(vsInProcessPerRunMs, 2),
    vsInProcessFraction: round(vsInProcessPerRunMs / (wall(0) / runs), 4),
    targets: { twoWorkerWallRatio: 0.6, poolOverheadFraction: 0.05 },
    pass: { twoWorkerWallRatio: ratio <= 0.6, poolOverheadFraction: overheadPerRunMs / meanRunMs <= 0.05 },
  };
}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { scenario: { type: 'string' }, seeds: { type: 'string' }, ticks: { type: 'string' }, repeat: { type: 'string' } },
  });
  const ticks = values.ticks === undefined ? undefined : Number(values.ticks);
  const result = await runExperimentBench(values.scenario ?? 'scenarios/breast.json', values.seeds ?? '1..20', ticks, Number(values.repeat ?? 3));
  process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await cli();
