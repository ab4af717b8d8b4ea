import { readScenarioText } from '../node/scenario-file';
import { prepareOutputDir } from '../node/output-path';
import { checkExperimentBudget, checkRunBudget, estimateExperiment } from './budget';
import { gridJobs, runKey, shardJobs, type ArmSpec, type Shard } from './grid';
import type { OutputsWritten } from './outputs';
import { ExperimentPool, resolveWorkerCount, runInProcess, type PoolStats } from './pool';
import { Progress, type ProgressSink } from './progress';
import { buildSpec } from './resolve-arms';
import type { RunJob } from './run-one';
import { trajectoryTicks, type ExperimentSpec, type RunRecord } from './spec';
import { RunStore } from './store';

// One experiment end to end: resolve arms, open (or resume) the directory, run what is not yet
// done on the pool, and — unless this is one shard of a larger grid — write the outputs.

/** What to run. */
export interface ExperimentOptions {
  scenarioFile: string;
  arms: ArmSpec[];
  seeds: number[];
  ticks?: number;
  /** Tick length (hours or a time quantity); the scenario's simulated time is kept. */
  tickHours?: number | string;
  trajectoryEvery?: number;
  workers: number | 'auto';
  shard: Shard | null;
  out: string;
  /** Progress bar destination (null: none). */
  progress: ProgressSink | null;
  /** Where notes go (a stale lock taken over); default: stderr. */
  notice?: (line: string) => void;
}

/** What happened. */
export interface ExperimentResult {
  spec: ExperimentSpec;
  /** Runs in this invocation's slice of the grid. */
  planned: number;
  /** Of those, already in runs.jsonl before this invocation. */
  resumed: number;
  /** Run now. */
  ran: number;
  /** Whether a partial last line (an interrupted write) was dropped and redone. */
  repaired: boolean;
  pool: PoolStats;
  /** Outputs, when the whole grid is done (not for a shard). */
  outputs: OutputsWritten | null;
  wallMs: number;
}

/** Runs (or resumes) an experiment and writes its outputs. */
export async function runExperiment(opts: ExperimentOptions): Promise<ExperimentResult> {
  const started = performance.now(); // det-ok: reported wall time only
  const slice = shardJobs(gridJobs(opts.arms.map((a) => a.name), opts.seeds), opts.shard);
  // Spawn before anything else: everything below is synchronous work that would otherwise
  // hold back the threads' start-up instead of overlapping it.
  const threads = resolveWorkerCount(opts.workers, slice.length);
  let pool: ExperimentPool | null = threads > 0 ? ExperimentPool.spawn(threads) : null;
  let store: RunStore | null = null;
  try {
    const text = readScenarioText(opts.scenarioFile);
    const { spec, arms } = buildSpec(text, opts.scenarioFile, opts.arms, { seeds: opts.seeds, ticks: opts.ticks, tickHours: opts.tickHours, trajectoryEvery: opts.trajectoryEvery });
    // The budget and the output directory, before anything runs or is written.
    for (const a of spec.arms) checkRunBudget(arms[a.name].config, `${opts.scenarioFile}, arm ${a.name}`);
    const size = estimateExperiment(spec.arms.length * spec.seeds.length, trajectoryTicks(spec.ticks, spec.trajectoryEvery).length, spec.metricNames.length);
    checkExperimentBudget(size, opts.scenarioFile);
    prepareOutputDir(opts.out, '--out', size.diskBytes);
    store = RunStore.open(opts.out, spec, opts.shard, opts.notice);
    const done = store.done;
    const todo = slice.filter((j) => !done.has(runKey(j.arm, j.seed)));
    const jobs: RunJob[] = todo.map((j) => ({ arm: j.arm, seed: j.seed, trajectoryEvery: spec.trajectoryEvery }));
    const workers = pool ? Math.min(pool.size, jobs.length) : 0;
    const note = `${workers ? `${workers} worker${workers === 1 ? '' : 's'}` : 'in-process'}${opts.shard ? `  shard ${opts.shard.index}/${opts.shard.count}` : ''}`;
    const progress = jobs.length ? new Progress(opts.progress, jobs.length, note) : null;
    const onResult = (rec: RunRecord) => {
      store!.append(rec);
      progress?.step();
    };
    // pool.run hands every thread its first job before it returns; only then load the outputs
    // module, so that work overlaps the runs. A shard never needs them.
    const running = pool ? pool.run(jobs, arms, onResult) : null;
    pool = null; // run() closes the pool itself
    const outputsModule = opts.shard ? null : import('./outputs');
    outputsModule?.catch(() => undefined); // awaited below; do not report a rejection twice
    const stats: PoolStats = running ? await running : await runInProcess(jobs, arms, onResult);
    progress?.finish();
    const out = outputsModule && (await outputsModule);
    const outputs = out ? out.writeOutputs(opts.out, spec, out.orderedRecords(spec, done, opts.out)) : null;
    return {
      spec,
      planned: slice.length,
      resumed: slice.length - todo.length,
      ran: todo.length,
      repaired: store.repaired,
      pool: stats,
      outputs,
      wallMs: performance.now() - started, // det-ok: reported wall time only
    };
  } finally {
    await pool?.close();
    store?.close();
  }
}
