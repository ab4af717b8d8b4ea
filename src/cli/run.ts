import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Engine } from '../engine/engine';
import { ENGINE_VERSION } from '../engine/version';
import { CATALOG_VERSION } from '../catalog/index';
import { loadScenarioFile } from '../node/scenario-file';
import { checkOutputFile, writeFileAtomic } from '../node/output-path';
import { readSnapshotFile, writeSnapshotFile } from '../node/snapshot-file';
import { scenarioHash } from '../scenario/resolve';
import { formatWhatIf } from '../scenario/whatif';
import { budgetFactor, budgetFor, checkRunBudget } from '../experiment/budget';
import { seriesCsv } from '../experiment/csv';
import { RunGuard } from '../experiment/run-guard';
import { METRIC_NAMES } from '../engine/metrics';
import { cascadeSummary } from './cascade-summary';
import { eventLines } from './events-file';
import { SEED_RANGE, TICKS_RANGE, intOption, timeOption } from './options';
import { InputError, UsageError } from './usage';

/** The machine-readable result of `exocascade run --json`. */
export interface RunResult {
  scenario: string;
  scenarioName: string;
  scenarioHash: string;
  seed: number;
  /** Ticks run, and the simulated hours per tick. */
  ticks: number;
  tickHours: number;
  stateHash: string;
  engineVersion: string;
  catalogVersion: string;
  whatIfs: string[];
  metrics: Record<string, number>;
  events: number;
}

/** Output files of a run, by flag; two flags may not name one file. */
function outputFiles(values: Record<string, unknown>): Array<[string, string]> {
  const files = (['csv', 'snapshot-out', 'events'] as const).filter((k) => typeof values[k] === 'string').map((k): [string, string] => [`--${k}`, values[k] as string]);
  for (let i = 0; i < files.length; i++) {
    for (let j = 0; j < i; j++) if (resolve(files[i][1]) === resolve(files[j][1])) throw new UsageError(`${files[j][0]} and ${files[i][0]} name the same file ${files[i][1]}`);
  }
  return files;
}

/** `exocascade run`: runs a scenario headless and reports the final state. */
export function runCommand(argv: string[], out: (s: string) => void): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      ticks: { type: 'string' },
      'tick-hours': { type: 'string' },
      'what-if': { type: 'string', multiple: true },
      json: { type: 'boolean' },
      csv: { type: 'string' },
      'snapshot-at': { type: 'string' },
      'snapshot-out': { type: 'string' },
      restore: { type: 'string' },
      events: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('run needs exactly one scenario file');
  const file = positionals[0];
  const seed = intOption(values.seed, 'seed', SEED_RANGE);
  const ticksOpt = intOption(values.ticks, 'ticks', TICKS_RANGE);
  const snapshotAt = intOption(values['snapshot-at'], 'snapshot-at', TICKS_RANGE);
  if ((snapshotAt === undefined) !== (values['snapshot-out'] === undefined)) {
    throw new UsageError('--snapshot-at and --snapshot-out go together');
  }
  const outputs = outputFiles(values);
  const config = loadScenarioFile(file, { seed, ticks: ticksOpt, tickHours: timeOption(values['tick-hours']), whatIfs: values['what-if'] ?? [] });
  if (snapshotAt !== undefined && snapshotAt > config.ticks) {
    throw new UsageError(`--snapshot-at ${snapshotAt} is after the run's last tick ${config.ticks}${ticksOpt === undefined ? ` (the scenario's run length)` : ` (--ticks ${ticksOpt})`}`);
  }

  let engine: Engine;
  if (values.restore) {
    engine = readSnapshotFile(values.restore);
    if (scenarioHash(engine.config) !== scenarioHash(config)) {
      throw new InputError(`${values.restore} was saved from a different scenario or what-ifs than ${file}`);
    }
    if (seed !== undefined && seed !== engine.config.seed) throw new UsageError(`--seed ${seed} differs from the snapshot's seed ${engine.config.seed}`);
  }
  const target = snapshotAt ?? config.ticks;
  // The run's own config (a restored run continues the snapshot's), with the length it will reach.
  const planned = { ...(values.restore ? engine!.config : config), ticks: target };
  const estimate = checkRunBudget(planned, file, { csv: values.csv !== undefined, snapshot: snapshotAt !== undefined });
  // Every output is checked before the run: a bad path fails now, not after the work.
  for (const [flag, path] of outputs) checkOutputFile(path, flag, flag === '--csv' ? estimate.outputs.csv : flag === '--snapshot-out' ? estimate.outputs.snapshot : 0);

  engine ??= new Engine(config);
  if (target < engine.tick) throw new UsageError(`target tick ${target} is before the snapshot's tick ${engine.tick}`);
  new RunGuard(engine, budgetFor(budgetFactor()).agents, file).run(engine, target - engine.tick);
  if (snapshotAt !== undefined) writeSnapshotFile(values['snapshot-out']!, engine);

  const result: RunResult = {
    scenario: file,
    scenarioName: engine.config.name,
    scenarioHash: scenarioHash(engine.config),
    seed: engine.config.seed,
    ticks: engine.tick,
    tickHours: engine.config.tickHours,
    stateHash: engine.stateHash(),
    engineVersion: ENGINE_VERSION,
    catalogVersion: CATALOG_VERSION,
    whatIfs: engine.config.whatIfs.map(formatWhatIf),
    metrics: engine.metrics(),
    events: engine.events.length,
  };
  if (values.csv) {
    writeFileAtomic(values.csv, seriesCsv(result, METRIC_NAMES, engine.series.length, (t, k) => engine.series[t][k]));
  }
  if (values.events) {
    writeFileAtomic(values.events, eventLines(engine.events, {
      scenario: file, scenarioHash: result.scenarioHash, seed: result.seed, tickHours: result.tickHours, engineVersion: ENGINE_VERSION,
    }));
  }
  out(values.json ? JSON.stringify(result) : cascadeSummary(result).join('\n'));
  return 0;
}
