import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CALIBRATION_FILES, checkFragment, loadTargets, runCalibration, type CalibrateResult, type PointChoice } from '../calibrate/calibrate';
import { writeFitOutputs } from '../calibrate/calibrate-outputs';
import { loadPresets } from '../calibrate/candidate';
import { selectParams } from '../calibrate/param-space';
import { BatchRunner } from '../calibrate/runner';
import { hashJson } from '../core/hash';
import { ENGINE_VERSION } from '../engine/version';
import { CATALOG_VERSION } from '../catalog/index';
import { fmt } from '../experiment/format';
import { parseSeeds } from '../experiment/grid';
import { formatDuration } from '../experiment/progress';
import { parseWorkers } from './experiment';
import { prepareOutputDir } from '../node/output-path';
import { readFragment } from '../node/read-fragment';
import { SEED_RANGE, TICKS_RANGE, intOption, numberOption } from './options';
import { UsageError } from './usage';

function report(r: CalibrateResult, write: (s: string) => void): void {
  const last = r.generations[r.generations.length - 1];
  const met = r.check.checks.filter((c) => c.met).length;
  const secs = r.wallMs / 1000;
  write([
    `${r.generations.length} generations of ${r.manifest.particles} particles over ${r.manifest.params.length} parameters: final ε ${fmt(last.epsilon)}, ESS ${fmt(last.ess)}` +
      ` (${r.evaluated} candidates evaluated now, ${r.replayed} replayed from the log; ${r.workers ? `${r.workers} worker${r.workers === 1 ? '' : 's'}` : 'in-process'}, ${formatDuration(r.wallMs)}${r.runs ? `, ${fmt(r.runs / secs)} runs/s` : ''})`,
    ...(r.stopped ? [`stopped early: ${r.stopped}`] : []),
    ...(r.damagedLines ? [`note: ${r.damagedLines} damaged line(s) in ${CALIBRATION_FILES.evaluations} were skipped and evaluated again`] : []),
    `calibrated point (${r.check.choice}): ${met} of ${r.check.checks.length} targets met over seeds ${r.check.seeds[0]}..${r.check.seeds[r.check.seeds.length - 1]}, distance ${fmt(r.check.distance)}`,
    `wrote ${r.outputs.paths.join(', ')}`,
  ].join('\n'));
}

/**
 * `exocascade calibrate --targets FILE`: ABC-SMC of the chosen parameters against the targets,
 * on the worker pool, resumable; or, with --evaluate defaults|FILE, the targets checked at one
 * point (the current defaults, or a calibrated.json) with bootstrap bands.
 */
export async function calibrateCommand(argv: string[], write: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      targets: { type: 'string' }, params: { type: 'string' }, particles: { type: 'string' }, generations: { type: 'string' },
      quantile: { type: 'string' }, seeds: { type: 'string' }, seed: { type: 'string' }, 'check-seeds': { type: 'string' },
      point: { type: 'string' }, ticks: { type: 'string' }, scenarios: { type: 'string' }, workers: { type: 'string' },
      evaluate: { type: 'string' }, out: { type: 'string' }, quiet: { type: 'boolean' },
    },
  });
  if (positionals.length) throw new UsageError(`calibrate takes no positional arguments (got ${positionals.join(' ')}); the presets come from the targets file`);
  if (values.targets === undefined) throw new UsageError('calibrate needs --targets FILE, e.g. --targets targets/clinical.json');
  if (values.out === undefined) throw new UsageError('calibrate needs --out DIR');
  const out = values.out;
  const onSigint = () => {
    process.stderr.write(`\ninterrupted: evaluations and finished generations are saved in ${out}; rerun the same command to resume\n`);
    process.exit(130);
  };
  try {
    const scenariosDir = values.scenarios ?? 'scenarios';
    const ticks = intOption(values.ticks, 'ticks', TICKS_RANGE);
    const seed = intOption(values.seed, 'seed', SEED_RANGE) ?? 1;
    const workers = parseWorkers(values.workers);
    prepareOutputDir(out, '--out', 0, false); // checked now, created once the inputs are known good
    const progress = values.quiet ? null : process.stderr;
    if (values.evaluate !== undefined) return await evaluateCommand(values.evaluate, values.targets, scenariosDir, parseSeeds(values.seeds ?? '1..20'), ticks, seed, workers, progress, out, write);
    const paramsText = values.params ?? 'schematic';
    const params = selectParams(paramsText);
    const particles = intOption(values.particles, 'particles', { min: 2, max: 1_000_000 }) ?? 100;
    // Generation 0 samples the prior; at least one more fits.
    const generations = intOption(values.generations, 'generations', { min: 1, max: 1000 }) ?? 5;
    const q = numberOption(values.quantile, 'quantile', 0, 1, true) ?? 0.5;
    const point = (values.point ?? 'median') as PointChoice;
    if (point !== 'median' && point !== 'best') throw new UsageError(`--point must be "median" or "best", got "${values.point}"`);
    const seedsText = values.seeds ?? '1..4';
    const checkText = values['check-seeds'] ?? '1001..1020';
    const command = [
      'exocascade calibrate', `--targets ${values.targets}`, `--params ${paramsText}`, `--particles ${particles}`, `--generations ${generations}`,
      `--quantile ${q}`, `--seeds ${seedsText}`, `--seed ${seed}`, `--check-seeds ${checkText}`, `--point ${point}`,
      ...(ticks === undefined ? [] : [`--ticks ${ticks}`]), ...(values.scenarios === undefined ? [] : [`--scenarios ${scenariosDir}`]),
    ].join(' ');
    process.once('SIGINT', onSigint);
    const r = await runCalibration({
      targetsFile: values.targets, scenariosDir, params, particles, generations, quantile: q, seeds: parseSeeds(seedsText), seed,
      checkSeeds: parseSeeds(checkText), point, ticks, workers, out, progress, command,
    });
    report(r, write);
    return 0;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

async function evaluateCommand(at: string, targetsFile: string, scenariosDir: string, seeds: number[], ticks: number | undefined, seed: number, workers: number | 'auto', progress: NodeJS.WriteStream | null, out: string, write: (s: string) => void): Promise<number> {
  const targets = loadTargets(targetsFile, scenariosDir);
  const presets = loadPresets(targets, scenariosDir);
  const fragment = at === 'defaults' ? { modules: {}, world: {}, populations: {} } : readFragment(at);
  const label = at === 'defaults' ? `the defaults of engine ${ENGINE_VERSION}` : at;
  const runner = await BatchRunner.start(workers, progress);
  try {
    const started = performance.now(); // det-ok: reported wall time only
    const check = await checkFragment({ targets, presets, seeds, ticks, runner }, fragment, seed, { choice: 'median', u: [], values: [] });
    prepareOutputDir(out, '--out');
    const command = `exocascade calibrate --targets ${targetsFile} --evaluate ${at} --seeds ${seeds[0]}..${seeds[seeds.length - 1]} --seed ${seed}${ticks === undefined ? '' : ` --ticks ${ticks}`}`;
    const paths = writeFitOutputs(out, targets, check, label, command, { engineVersion: ENGINE_VERSION, catalogVersion: CATALOG_VERSION, targetsHash: hashJson(readFileSync(targetsFile, 'utf8')) });
    const runs = presets.length * seeds.length;
    write([
      `${check.checks.filter((c) => c.met).length} of ${check.checks.length} targets met at ${label} (${runs} runs, ${formatDuration(performance.now() - started)}); distance ${fmt(check.distance)}`, // det-ok: reported wall time only
      ...check.checks.map((c) => `  ${c.met ? 'met    ' : 'not met'} ${c.id}: ${c.values.map((v, k) => `${fmt(v)} [${fmt(c.band[k][0])}, ${fmt(c.band[k][1])}]`).join(', ')}`),
      `wrote ${paths.map((p) => join(p)).join(', ')}`,
    ].join('\n'));
    return 0;
  } finally {
    await runner.close();
  }
}
