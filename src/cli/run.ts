import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Engine, type Snapshot } from '../engine/engine';
import { ENGINE_VERSION, SNAPSHOT_FORMAT } from '../engine/version';
import { CATALOG_VERSION } from '../catalog/index';
import { loadScenarioFile } from '../node/scenario-file';
import { scenarioHash } from '../scenario/resolve';
import { formatWhatIf } from '../scenario/whatif';
import { seriesCsv } from '../experiment/csv';
import { METRIC_NAMES } from '../engine/metrics';
import { cascadeSummary } from './cascade-summary';
import { writeEvents } from './events-file';
import { InputError, UsageError, intOption, timeOption } from './usage';

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
  const seed = intOption(values.seed, 'seed');
  const ticksOpt = intOption(values.ticks, 'ticks');
  const snapshotAt = intOption(values['snapshot-at'], 'snapshot-at');
  if ((snapshotAt === undefined) !== (values['snapshot-out'] === undefined)) {
    throw new UsageError('--snapshot-at and --snapshot-out go together');
  }
  const config = loadScenarioFile(file, { seed, ticks: ticksOpt, tickHours: timeOption(values['tick-hours']), whatIfs: values['what-if'] ?? [] });

  let engine: Engine;
  if (values.restore) {
    const snap = JSON.parse(readFileSync(values.restore, 'utf8')) as Snapshot;
    checkSnapshotVersion(snap, values.restore);
    if (scenarioHash(snap.config) !== scenarioHash(config)) {
      throw new UsageError(`${values.restore} was saved from a different scenario or what-ifs than ${file}`);
    }
    if (seed !== undefined && seed !== snap.config.seed) throw new UsageError(`--seed ${seed} differs from the snapshot's seed ${snap.config.seed}`);
    engine = Engine.restore(snap);
  } else {
    engine = new Engine(config);
  }
  const target = snapshotAt ?? config.ticks;
  if (target < engine.tick) throw new UsageError(`target tick ${target} is before the snapshot's tick ${engine.tick}`);
  engine.run(target - engine.tick);
  if (snapshotAt !== undefined) writeFileSync(values['snapshot-out']!, JSON.stringify(engine.snapshot()));

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
    writeFileSync(values.csv, seriesCsv(result, METRIC_NAMES, engine.series.length, (t, k) => engine.series[t][k]));
  }
  if (values.events) {
    writeEvents(values.events, engine.events, {
      scenario: file, scenarioHash: result.scenarioHash, seed: result.seed, tickHours: result.tickHours, engineVersion: ENGINE_VERSION,
    });
  }
  out(values.json ? JSON.stringify(result) : cascadeSummary(result).join('\n'));
  return 0;
}

/**
 * Refuses a snapshot of another snapshot format or engine version: it would continue under
 * rules other than the ones it was made with (exit 2, naming the file).
 */
function checkSnapshotVersion(snap: Snapshot, file: string): void {
  if (snap.format !== SNAPSHOT_FORMAT) throw new InputError(`${file}: snapshot format ${snap.format}; this exocascade reads format ${SNAPSHOT_FORMAT}`);
  if (snap.engineVersion !== ENGINE_VERSION) {
    throw new InputError(`${file} was saved by engine ${snap.engineVersion}; this is engine ${ENGINE_VERSION}, which would not continue it the same way. Rerun from the scenario, or restore it with the exocascade of engine ${snap.engineVersion}`);
  }
}
