import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Engine, type Snapshot } from '../engine/engine';
import { ENGINE_VERSION } from '../engine/version';
import { primeIfWorthIt } from '../experiment/jit-primer';
import { CATALOG_VERSION } from '../catalog/index';
import { loadScenarioFile } from '../scenario/load-file';
import { scenarioHash } from '../scenario/resolve';
import { formatWhatIf } from '../scenario/whatif';
import { cascadeSummary } from './cascade-summary';
import { seriesCsv } from './csv';
import { writeEvents } from './events-file';
import { UsageError, intOption } from './usage';

/** The machine-readable result of `exocascade run --json`. */
export interface RunResult {
  scenario: string;
  scenarioName: string;
  scenarioHash: string;
  seed: number;
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
  const config = loadScenarioFile(file, { seed, ticks: ticksOpt, whatIfs: values['what-if'] ?? [] });

  let engine: Engine;
  if (values.restore) {
    const snap = JSON.parse(readFileSync(values.restore, 'utf8')) as Snapshot;
    if (scenarioHash(snap.config) !== scenarioHash(config)) {
      throw new UsageError(`${values.restore} was saved from a different scenario or what-ifs than ${file}`);
    }
    if (seed !== undefined && seed !== snap.config.seed) throw new UsageError(`--seed ${seed} differs from the snapshot's seed ${snap.config.seed}`);
    engine = Engine.restore(snap);
  } else {
    // A structured clone, as the JIT primer's world is made from: the two then share V8
    // object shapes, so code compiled on the primer fits this run (see jit-primer.ts).
    engine = new Engine(structuredClone(config));
  }
  const target = snapshotAt ?? ticksOpt ?? config.ticks;
  if (target < engine.tick) throw new UsageError(`target tick ${target} is before the snapshot's tick ${engine.tick}`);
  // A fresh process compiles the engine while it runs; for a long run the JIT primer first (a
  // separate small world; it changes nothing here) saves more than it costs (~0.13 s for ~0.4 s).
  primeIfWorthIt(engine.config, target - engine.tick);
  engine.run(target - engine.tick);
  if (snapshotAt !== undefined) writeFileSync(values['snapshot-out']!, JSON.stringify(engine.snapshot()));
  if (values.csv) writeFileSync(values.csv, seriesCsv(engine.series));

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
  if (values.events) {
    writeEvents(values.events, engine.events, {
      scenario: file, scenarioHash: result.scenarioHash, seed: result.seed, tickHours: result.tickHours, engineVersion: ENGINE_VERSION,
    });
  }
  out(values.json ? JSON.stringify(result) : cascadeSummary(result).join('\n'));
  return 0;
}
