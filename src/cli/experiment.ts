import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runExperiment, type ExperimentResult } from '../experiment/experiment';
import { fmtInterval, fmtSigned } from '../experiment/format';
import { BASELINE, parseArms, parseSeeds, parseShard } from '../experiment/grid';
import { formatDuration } from '../experiment/progress';
import { RUNS_FILE } from '../experiment/store';
import type { Summary } from '../experiment/summary';
import { clip } from '../scenario/errors';
import { TICKS_RANGE, intOption, timeOption } from './options';
import { UsageError } from './usage';

/** Parses `--workers auto|N` (N ≥ 0; 0 runs in this process without threads; more than the cores are capped to them). */
export function parseWorkers(value: string | undefined): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(`--workers expects "auto" or a non-negative integer, got "${clip(value, 60)}"`);
  return Number(value);
}

/** The headline line per arm for the stdout summary: first headline metric's paired effect. */
export function headlineLines(s: Summary): string[] {
  const metric = s.headline[0] ?? s.metrics[0];
  if (!metric) return [];
  return s.arms.filter((a) => a.name !== BASELINE).map((a) => {
    const e = s.effects[a.name][metric];
    return `${a.name} − baseline  ${metric}  ${fmtSigned(e.paired.mean)} ${fmtInterval(e.paired.ci, true)}  (paired by seed, 95% CI)`;
  });
}

function report(r: ExperimentResult, out: string, write: (s: string) => void): void {
  const s = r.spec;
  const how = `${r.pool.workers ? `${r.pool.workers} worker${r.pool.workers === 1 ? '' : 's'}` : 'in-process'}, ${formatDuration(r.wallMs)}`;
  const grid = `${s.arms.length} arm${s.arms.length === 1 ? '' : 's'} × ${s.seeds.length} seeds`;
  const repaired = r.repaired ? '; a partial last line was dropped and redone' : '';
  if (!r.outputs) {
    write(`${grid}: this shard has ${r.planned} runs (${r.ran} run now, ${r.resumed} resumed; ${how})${repaired}\n` +
      `runs in ${join(out, RUNS_FILE)}; when every shard is done: exocascade merge DIR... --out MERGED`);
    return;
  }
  write([
    `${grid} = ${r.planned} runs (${r.ran} run now, ${r.resumed} resumed; ${how})${repaired}`,
    `wrote ${r.outputs.paths[0]} (${r.outputs.csvRows} rows), ${r.outputs.paths[1]}, ${r.outputs.paths[2]}`,
    ...headlineLines(r.outputs.summary),
  ].join('\n'));
}

/**
 * `exocascade experiment`: baseline and named arms over seeds with common random numbers, on a
 * worker pool, resumable, shardable; writes results.csv, summary.json and report.html.
 */
export async function experimentCommand(argv: string[], write: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      arm: { type: 'string', multiple: true },
      seeds: { type: 'string' },
      ticks: { type: 'string' },
      'tick-hours': { type: 'string' },
      workers: { type: 'string' },
      shard: { type: 'string' },
      out: { type: 'string' },
      'trajectory-every': { type: 'string' },
      quiet: { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('experiment needs exactly one scenario file');
  if (values.seeds === undefined) throw new UsageError('experiment needs --seeds, e.g. --seeds 1..50');
  if (values.out === undefined) throw new UsageError('experiment needs --out DIR');
  const out = values.out;
  // Ctrl-C: finished runs are already on disk; say how to pick up where we stopped.
  const onSigint = () => {
    process.stderr.write(`\ninterrupted: finished runs are saved in ${join(out, RUNS_FILE)}; rerun the same command to resume\n`);
    process.exit(130);
  };
  try {
    const arms = parseArms(values.arm ?? []);
    const seeds = parseSeeds(values.seeds);
    const shard = values.shard === undefined ? null : parseShard(values.shard);
    const every = intOption(values['trajectory-every'], 'trajectory-every', { min: 1, max: TICKS_RANGE.max });
    const options = {
      scenarioFile: positionals[0], arms, seeds, ticks: intOption(values.ticks, 'ticks', TICKS_RANGE), tickHours: timeOption(values['tick-hours']), trajectoryEvery: every,
      workers: parseWorkers(values.workers), shard, out, progress: values.quiet ? null : process.stderr,
    };
    process.once('SIGINT', onSigint);
    report(await runExperiment(options), out, write);
    return 0;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
