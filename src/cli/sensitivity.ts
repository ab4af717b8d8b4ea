import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DERIVED_METRICS } from '../calibrate/targets';
import { selectParams } from '../calibrate/param-space';
import { runSensitivity, type SensitivityResult } from '../calibrate/sensitivity';
import { METRIC_NAMES } from '../engine/metrics';
import { fmt } from '../experiment/format';
import { parseSeeds, parseShard } from '../experiment/grid';
import { formatDuration } from '../experiment/progress';
import { RUNS_FILE } from '../experiment/store';
import { didYouMean } from '../scenario/suggest';
import { parseWorkers } from './experiment';
import { prepareOutputDir } from '../node/output-path';
import { SEED_RANGE, TICKS_RANGE, intOption } from './options';
import { UsageError } from './usage';

/** Metrics a screen analyses when --metrics is not given. */
export const DEFAULT_SENSITIVITY_METRICS = [
  'metastases.total', 'metastases.lung', 'metastases.liver', 'metastases.bone', 'metastases.brain', 'ctc.intravasated', 'cells.primary',
];

/** Parses `--metrics all|NAME,…` against the engine's metrics (and the derived ones). */
export function parseMetrics(text: string | undefined, defaults: readonly string[]): string[] {
  if (text === undefined) return [...defaults];
  if (text.trim() === 'all') return [...METRIC_NAMES];
  const known = [...METRIC_NAMES, ...Object.keys(DERIVED_METRICS)];
  const names = text.split(',').map((s) => s.trim());
  for (const m of names) if (!known.includes(m)) throw new UsageError(`--metrics: unknown metric "${m}"${didYouMean(m, known)}`);
  if (new Set(names).size !== names.length) throw new UsageError('--metrics: a metric is given twice');
  return names;
}

function report(r: SensitivityResult, out: string, write: (s: string) => void): void {
  const d = r.design;
  const how = `${r.workers ? `${r.workers} worker${r.workers === 1 ? '' : 's'}` : 'in-process'}, ${formatDuration(r.wallMs)}${r.ran ? `, ${fmt(r.ran / (r.wallMs / 1000))} runs/s` : ''}`;
  const grid = `${d.params.length} parameters × ${d.trajectories} trajectories = ${d.rows.length} points × ${d.seeds.length} seeds`;
  if (!r.outputs) {
    write(`${grid}: this shard has ${r.planned} runs (${r.ran} run now, ${r.resumed} resumed; ${how})\nruns in ${join(out, RUNS_FILE)}; when every shard is done: exocascade merge DIR... --out MERGED`);
    return;
  }
  const undocumented = d.params.filter((p) => !p.documented).length;
  const first = r.outputs.rows.filter((x) => x.metric === r.outputs!.rows[0]?.metric).sort((a, b) => a.rank - b.rank).slice(0, 5);
  write([
    `${grid} = ${r.planned} runs (${r.ran} run now, ${r.resumed} resumed; ${how})`,
    ...(undocumented ? [`note: ${undocumented} of ${d.params.length} parameters have no documented range; [min, max] stood in (see report.html)`] : []),
    `wrote ${r.outputs.paths.join(', ')}`,
    ...(first.length ? [`most influential on ${first[0].metric} (μ*): ${first.map((x) => `${x.parameter} ${fmt(x.muStar)}`).join(', ')}`] : []),
  ].join('\n'));
}

/**
 * `exocascade sensitivity <scenario>`: a Morris screen over parameter ranges, on the worker
 * pool, resumable and shardable; writes sensitivity.csv, sensitivity.json and report.html.
 */
export async function sensitivityCommand(argv: string[], write: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      params: { type: 'string' }, metrics: { type: 'string' }, trajectories: { type: 'string' }, levels: { type: 'string' },
      seeds: { type: 'string' }, seed: { type: 'string' }, ticks: { type: 'string' }, workers: { type: 'string' },
      shard: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('sensitivity needs exactly one scenario file');
  if (values.out === undefined) throw new UsageError('sensitivity needs --out DIR');
  const out = values.out;
  const onSigint = () => {
    process.stderr.write(`\ninterrupted: finished runs are saved in ${join(out, RUNS_FILE)}; rerun the same command to resume\n`);
    process.exit(130);
  };
  try {
    const paramsText = values.params ?? 'all';
    const params = selectParams(paramsText);
    const metrics = parseMetrics(values.metrics, DEFAULT_SENSITIVITY_METRICS);
    const trajectories = intOption(values.trajectories, 'trajectories', { min: 2, max: 100_000 }) ?? 10;
    if (trajectories < 2) throw new UsageError('--trajectories must be at least 2 (sigma needs two effects per parameter)');
    const levels = intOption(values.levels, 'levels', { min: 2, max: 1000 }) ?? 4;
    if (levels < 2 || levels % 2 !== 0) throw new UsageError('--levels must be an even number ≥ 2 (SALib warns that odd levels bias the sample)');
    const seedsText = values.seeds ?? '1..3';
    const seeds = parseSeeds(seedsText);
    const seed = intOption(values.seed, 'seed', SEED_RANGE) ?? 1;
    const ticks = intOption(values.ticks, 'ticks', TICKS_RANGE);
    const shard = values.shard === undefined ? null : parseShard(values.shard);
    const workers = parseWorkers(values.workers);
    prepareOutputDir(out, '--out', 0, false); // checked now, created once the inputs are known good
    const command = [
      'exocascade sensitivity', positionals[0], `--params ${paramsText}`, `--metrics ${metrics.join(',')}`, `--trajectories ${trajectories}`,
      `--levels ${levels}`, `--seeds ${seedsText}`, `--seed ${seed}`, ...(ticks === undefined ? [] : [`--ticks ${ticks}`]),
    ].join(' ');
    process.once('SIGINT', onSigint);
    const r = await runSensitivity({
      scenarioFile: positionals[0], params, metrics, trajectories, levels, seeds, seed, ticks,
      workers, shard, out, progress: values.quiet ? null : process.stderr, command,
    });
    report(r, out, write);
    return 0;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
