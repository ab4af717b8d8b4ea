import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withChecksum } from '../src/experiment/record-check';


const { main } = await import('../src/cli/main');
const { METRIC_NAMES } = await import('../src/engine/metrics');
const { ENGINE_VERSION } = await import('../src/engine/version');
type RunRecord = import('../src/experiment/spec').RunRecord;

// Small experiments, run through the real command: 24 ticks, 3 seeds, four arms of which two
// change nothing (an empty arm, and a depletion scheduled after the run ends) and one does.
const SCENARIO = 'scenarios/breast.json';
const ARMS = ['--arm', 'same=', '--arm', 'late=deplete:nk@1000', '--arm', 'half=block-secretion@0=0.5'];
const OUTPUTS = ['results.csv', 'summary.json', 'report.html'];
const GRID = 4 * 3;

interface CliResult { code: number; stdout: string; stderr: string }

/** Runs `exocascade ...` in this process, capturing stdout and stderr. */
async function cli(args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err.push(String(s)); return true; });
  try {
    const code = await main(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const experiment = (out: string, ...extra: string[]) =>
  cli(['experiment', SCENARIO, ...ARMS, '--seeds', '1..3', '--ticks', '24', '--quiet', '--out', out, ...extra]);
const outputs = (dir: string) => OUTPUTS.map((f) => readFileSync(join(dir, f)));
const records = (dir: string): RunRecord[] => readFileSync(join(dir, 'runs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RunRecord);

let root: string;
let ref: string;
let refRun: CliResult;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'exocascade-exp-'));
  ref = join(root, 'ref');
  refRun = await experiment(ref, '--workers', '2');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('experiment runs', () => {
  it('runs every arm × seed once on two workers and writes one CSV row per arm × seed × metric', () => {
    expect(refRun.stderr).toBe('');
    expect(refRun.code).toBe(0);
    expect(refRun.stdout).toMatch(/^4 arms × 3 seeds = 12 runs \(12 run now, 0 resumed; 2 workers/);
    expect(records(ref)).toHaveLength(GRID);
    const lines = readFileSync(join(ref, 'results.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('arm,seed,metric,value,scenario_hash,engine_version,catalog_version,what_ifs');
    expect(lines).toHaveLength(1 + GRID * METRIC_NAMES.length);
    expect(lines[1].startsWith(`baseline,1,${METRIC_NAMES[0]},`)).toBe(true);
    expect(lines[1 + METRIC_NAMES.length].startsWith(`baseline,2,${METRIC_NAMES[0]},`)).toBe(true);
    expect(lines[lines.length - 1].startsWith(`half,3,${METRIC_NAMES[METRIC_NAMES.length - 1]},`)).toBe(true);
    expect(lines[lines.length - 1].endsWith(',block-secretion@0=0.5')).toBe(true);
  });

  it('gives an arm with no change exactly the baseline per seed: state hash, metrics, trajectory', () => {
    const recs = records(ref);
    const get = (arm: string, seed: number) => recs.find((r) => r.arm === arm && r.seed === seed)!;
    for (const seed of [1, 2, 3]) {
      const base = get('baseline', seed);
      for (const arm of ['same', 'late']) {
        expect(get(arm, seed).stateHash).toBe(base.stateHash);
        expect(get(arm, seed).metrics).toEqual(base.metrics);
        expect(get(arm, seed).trajectory).toEqual(base.trajectory);
      }
      // Not vacuous: halving secretion does change the run.
      expect(get('half', seed).stateHash).not.toBe(base.stateHash);
      expect(get('half', seed).metrics['exosomes.released']).toBeLessThan(base.metrics['exosomes.released']);
    }
    const summary = JSON.parse(readFileSync(join(ref, 'summary.json'), 'utf8'));
    for (const m of METRIC_NAMES) expect(summary.effects.same[m].paired.ci ?? [0, 0]).toEqual([0, 0]);
  });

  it('writes byte-identical outputs in-process (the sources) and on two workers (the built dist/)', async () => {
    const dir = join(root, 'inproc');
    expect((await experiment(dir, '--workers', '0')).code).toBe(0);
    expect(outputs(dir)).toEqual(outputs(ref));
  });

  it('merges shards 1/3 + 2/3 + 3/3 into the unsharded outputs byte for byte', async () => {
    const shards = [1, 2, 3].map((i) => join(root, `shard${i}`));
    for (const [k, dir] of shards.entries()) {
      const r = await experiment(dir, '--workers', '0', '--shard', `${k + 1}/3`);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`this shard has 4 runs`);
    }
    expect(shards.map((d) => records(d).length)).toEqual([4, 4, 4]);
    const merged = join(root, 'merged');
    const m = await cli(['merge', ...shards, '--out', merged]);
    expect(m.code).toBe(0);
    expect(readFileSync(join(merged, 'results.csv'))).toEqual(readFileSync(join(ref, 'results.csv')));
    expect(outputs(merged)).toEqual(outputs(ref));
    const missing = await cli(['merge', shards[0], shards[1], '--out', join(root, 'incomplete')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shard 3/3 is missing from the merge');
  });

  it('resumes after a kill mid-write: a partial last line and lost runs are redone, outputs unchanged', async () => {
    const dir = join(root, 'resumed');
    mkdirSync(dir);
    copyFileSync(join(ref, 'experiment.json'), join(dir, 'experiment.json'));
    const lines = readFileSync(join(ref, 'runs.jsonl'), 'utf8').split('\n');
    writeFileSync(join(dir, 'runs.jsonl'), `${lines.slice(0, 5).join('\n')}\n${lines[5].slice(0, 200)}`);
    const r = await experiment(dir, '--workers', '0');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('12 runs (7 run now, 5 resumed; in-process');
    expect(r.stdout).toContain('a partial last line was dropped and redone');
    expect(records(dir)).toHaveLength(GRID);
    expect(outputs(dir)).toEqual(outputs(ref));
  });

  it('resumes after SIGKILL of a running experiment process and ends with the same outputs', async () => {
    const dir = join(root, 'killed');
    const args = ['bin/exocascade.mjs', 'experiment', SCENARIO, ...ARMS, '--seeds', '1..3', '--ticks', '24', '--workers', '1', '--quiet', '--out', dir];
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    let linesAtKill = 0;
    while (linesAtKill < 2) {
      await new Promise((r) => setTimeout(r, 5));
      try { linesAtKill = readFileSync(join(dir, 'runs.jsonl'), 'utf8').split('\n').length - 1; } catch { /* not created yet */ }
      if (child.exitCode !== null) throw new Error(`the experiment finished (exit ${child.exitCode}) before it could be killed`);
    }
    child.kill('SIGKILL');
    // Resume only once the process is gone, as a person would.
    expect(await exited).toBe('SIGKILL');
    expect(linesAtKill).toBeLessThan(GRID);
    const r = await experiment(dir, '--workers', '0');
    // The killed process left its lock; it is taken over with a note, and nothing else is said.
    expect(r.stderr).toMatch(/^note: \S+ was locked by process \d+, which is no longer running; taking the lock over\n$/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/12 runs \(\d+ run now, \d+ resumed/);
    expect(outputs(dir)).toEqual(outputs(ref));
  });

  it('refuses to resume a directory holding a different run length, arm definition or scenario', async () => {
    const ticks = await cli(['experiment', SCENARIO, ...ARMS, '--seeds', '1..3', '--ticks', '30', '--quiet', '--out', ref]);
    expect(ticks.code).toBe(2);
    expect(ticks.stderr).toContain('cannot be resumed by this experiment: it holds runs of 24 ticks; this experiment runs 30');
    const arm = await cli(['experiment', SCENARIO, '--arm', 'same=block-secretion@0=0.5', '--seeds', '1..3', '--ticks', '24', '--quiet', '--out', ref]);
    expect(arm.code).toBe(2);
    expect(arm.stderr).toContain('its arm "same" was (no change); here it is block-secretion@0=0.5');
    const other = join(root, 'other.json');
    writeFileSync(other, JSON.stringify({ ...JSON.parse(readFileSync(SCENARIO, 'utf8')), $schema: undefined, tickHours: 3 }));
    const scen = await cli(['experiment', other, ...ARMS, '--seeds', '1..3', '--ticks', '24', '--quiet', '--out', ref]);
    expect(scen.code).toBe(2);
    expect(scen.stderr).toMatch(/it holds runs of scenario "Breast cancer" \(scenarios\/breast\.json, hash [0-9a-f]{16}\); this experiment is/);
    expect(outputs(ref)).toEqual(outputs(join(root, 'inproc')));
  });

  it('refuses a directory that a live process is writing to, and takes over a lock left by a dead one', async () => {
    const lock = join(ref, 'experiment.lock');
    writeFileSync(lock, `${process.pid}@${hostname()}`);
    const busy = await experiment(ref, '--workers', '0');
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`is in use by another experiment (process ${process.pid})`);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(lock, `${dead}@${hostname()}`);
    const resumed = await experiment(ref, '--workers', '0');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('12 runs (0 run now, 12 resumed');
    expect(existsSync(lock)).toBe(false);
  });
});

describe('engine versions', () => {
  const OLD = '0.0.1-old';
  /** A copy of the reference experiment whose manifest and/or one record claim another engine version. */
  const copyWithOldEngine = (name: string, what: { manifest: boolean; record: boolean }) => {
    const dir = join(root, name);
    cpSync(ref, dir, { recursive: true });
    if (what.manifest) {
      const m = JSON.parse(readFileSync(join(dir, 'experiment.json'), 'utf8'));
      writeFileSync(join(dir, 'experiment.json'), JSON.stringify({ ...m, engineVersion: OLD }));
    }
    if (what.record) {
      const recs = records(dir);
      // As that engine would have written it: a whole record with its own checksum.
      recs[3] = withChecksum({ ...recs[3], engineVersion: OLD });
      writeFileSync(join(dir, 'runs.jsonl'), recs.map((r) => `${JSON.stringify(r)}\n`).join(''));
    }
    return dir;
  };

  it('refuses to resume a directory whose experiment was run by another engine version (exit 2), changing nothing', async () => {
    const dir = copyWithOldEngine('old-manifest', { manifest: true, record: false });
    const before = readFileSync(join(dir, 'runs.jsonl'));
    const r = await experiment(dir, '--workers', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot be resumed by this experiment: it was run by engine ${OLD} / catalog`);
    expect(r.stderr).toContain(`this is engine ${ENGINE_VERSION}`);
    expect(readFileSync(join(dir, 'runs.jsonl'))).toEqual(before);
  });

  it('refuses to resume from a record made by another engine version, naming the run (exit 2)', async () => {
    const dir = copyWithOldEngine('old-record', { manifest: false, record: true });
    const rec = records(dir)[3];
    const r = await experiment(dir, '--workers', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`run (${rec.arm}, seed ${rec.seed}) has engine ${OLD}, expected ${ENGINE_VERSION}`);
  });

  it('refuses to merge directories run by another engine version (exit 2), writing nothing', async () => {
    const dir = copyWithOldEngine('old-merge', { manifest: true, record: true });
    const out = join(root, 'old-merged');
    const r = await cli(['merge', dir, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${dir} cannot be merged here: it was run by engine ${OLD} / catalog`);
    expect(existsSync(out)).toBe(false);
    // The same records under this engine's version merge fine: the version is the only reason.
    const ok = await cli(['merge', ref, '--out', join(root, 'same-merged')]);
    expect(ok.code).toBe(0);
  });
});

describe('tick length on experiment and validate', () => {
  it('experiment --tick-hours runs the same simulated time in ticks of the given length', async () => {
    const dir = join(root, 'tick-hours');
    const r = await cli(['experiment', SCENARIO, '--arm', 'late=deplete:nk@1d', '--seeds', '1..2', '--ticks', '24', '--tick-hours', '4', '--workers', '0', '--quiet', '--out', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const spec = JSON.parse(readFileSync(join(dir, 'experiment.json'), 'utf8'));
    // --ticks 24 counts ticks of 4 h; the arm's what-if at 1 day is tick 6.
    expect([spec.ticks, spec.tickHours]).toEqual([24, 4]);
    expect(spec.arms[1].whatIfs).toEqual(['deplete:nk@6=1']);
    expect(records(dir).map((rec) => rec.ticks)).toEqual([24, 24, 24, 24]);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect([summary.ticks, summary.tickHours]).toEqual([24, 4]);
  });

  it('validate --tick-hours keeps each claim\'s simulated time', async () => {
    const r = await cli(['validate', '--claim', 'pd-l1-tcells', '--seeds', '2', '--tick-hours', '4', '--json']);
    expect(r.stderr).toBe('');
    const [claim] = JSON.parse(r.stdout) as { id: string; ticks: number }[];
    // The melanoma preset runs 300 ticks of 2 h = 600 h = 150 ticks of 4 h.
    expect([claim.id, claim.ticks]).toEqual(['pd-l1-tcells', 150]);
  });
});
