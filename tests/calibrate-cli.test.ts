import { spawn } from 'node:child_process';
import { ENGINE_VERSION } from '../src/engine/version';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyFragment } from '../src/calibrate/param-space';
import { quantile, weightedQuantile } from '../src/calibrate/quantile';
import { hashJson } from '../src/core/hash';
import { Engine } from '../src/engine/engine';
import { parse } from 'csv-parse/sync';

const parseCsv = (text: string): string[][] => parse(text) as string[][];
import { resolveScenario } from '../src/scenario/resolve';

const { main } = await import('../src/cli/main');

// A calibration on a tiny budget, through the real command: two presets, two parameters, 6
// particles × 3 generations, 2 seeds, 20-tick runs. Targets on a metric today's engine has.
const PARAMS = ['modules.emt-invasion.intravasationRatePerHour', 'modules.colonisation.soilLung'];
const OUTPUTS = ['particles.csv', 'posterior.json', 'calibrated.json', 'report.html'];

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err.push(String(s)); return true; });
  try {
    return { code: await main(args), stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

let root: string;
let targets: string;
let ref: string;
let refRun: { code: number; stdout: string; stderr: string };
const args = () => ['calibrate', '--targets', targets, '--params', PARAMS.join(','), '--particles', '6', '--generations', '3', '--seeds', '1..2', '--check-seeds', '3..5', '--ticks', '20', '--seed', '4', '--quiet'];
const calibrate = (out: string, ...extra: string[]) => cli([...args(), '--out', out, ...extra]);
const outputs = (dir: string) => OUTPUTS.map((f) => readFileSync(join(dir, f), 'utf8'));
const particles = (dir: string) => parseCsv(readFileSync(join(dir, 'particles.csv'), 'utf8')).slice(1).map((r) => r.map(Number));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'exocascade-cal-'));
  targets = join(root, 'targets.json');
  writeFileSync(targets, JSON.stringify({
    description: 'test targets',
    targets: [
      { id: 'breast.intravasated', preset: 'breast', observable: { metric: 'ctc.intravasated' }, kind: 'interval', min: 15, max: 40, weight: 1, source: 'test fixture, not data' },
      { id: 'pancreatic.intravasated', preset: 'pancreatic', observable: { metric: 'ctc.intravasated' }, kind: 'value', value: 25, tolerance: 5, weight: 2, source: 'test fixture, not data' },
    ],
  }));
  ref = join(root, 'ref');
  refRun = await calibrate(ref, '--workers', '2');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('exocascade calibrate', () => {
  it('runs three generations and reports the chosen point', () => {
    expect(refRun.stderr).toBe('');
    expect(refRun.code).toBe(0);
    expect(refRun.stdout).toMatch(/^3 generations of 6 particles over 2 parameters: final ε/);
    expect(refRun.stdout).toMatch(/calibrated point \(median\): \d of 2 targets met over seeds 3\.\.5/);
  });

  it('writes particles whose weights sum to 1 and whose distances lie within ε, ε being the last generation\'s median', () => {
    const p = particles(ref);
    expect(p).toHaveLength(18);
    for (let t = 0; t < 3; t++) {
      const g = p.filter((r) => r[0] === t);
      expect(g.reduce((s, r) => s + r[2], 0)).toBeCloseTo(1, 12);
      if (t === 0) expect(g.every((r) => r[4] === Infinity || Number.isNaN(r[4]))).toBe(true);
      else {
        const prev = p.filter((r) => r[0] === t - 1).map((r) => r[3]);
        expect(g[0][4]).toBe(quantile(prev, 0.5));
        for (const r of g) expect(r[3]).toBeLessThanOrEqual(g[0][4]);
      }
      for (const r of g) {
        expect(r[5]).toBeGreaterThanOrEqual(0);
        expect(r[5]).toBeLessThanOrEqual(100);
        expect(r[6]).toBeGreaterThanOrEqual(0);
        expect(r[6]).toBeLessThanOrEqual(1);
      }
    }
  });

  it('writes calibrated.json as a scenario fragment at the weighted posterior median, with provenance', () => {
    const c = JSON.parse(readFileSync(join(ref, 'calibrated.json'), 'utf8'));
    const last = particles(ref).filter((r) => r[0] === 2);
    const w = last.map((r) => r[2]);
    expect(c.modules['emt-invasion'].intravasationRatePerHour).toBe(weightedQuantile(last.map((r) => r[5]), w, 0.5));
    expect(c.modules['colonisation'].soilLung).toBe(weightedQuantile(last.map((r) => r[6]), w, 0.5));
    expect(c.provenance).toMatchObject({ targets: { file: targets, hash: hashJson(readFileSync(targets, 'utf8')) }, engineVersion: ENGINE_VERSION, seed: 4, seeds: [1, 2], particles: 6, generations: 3 });
    expect(c.provenance.command).toContain('--particles 6 --generations 3 --quantile 0.5 --seeds 1..2 --seed 4');
    const { provenance: _p, ...fragment } = c;
    const config = resolveScenario(applyFragment(JSON.parse(readFileSync('scenarios/breast.json', 'utf8')), fragment), 'breast + calibrated');
    expect(config.modules['emt-invasion'].intravasationRatePerHour).toBe(c.modules['emt-invasion'].intravasationRatePerHour);
  });

  it('gives the same bytes in-process as on two workers', async () => {
    const dir = join(root, 'inproc');
    expect((await calibrate(dir, '--workers', '0')).code).toBe(0);
    expect(outputs(dir)).toEqual(outputs(ref));
  });

  it('resumes from a damaged log and a lost generation file to the same outputs, replaying what the log holds', async () => {
    const dir = join(root, 'damaged');
    cpSync(ref, dir, { recursive: true });
    rmSync(join(dir, 'generations', 'gen-002.json'));
    const lines = readFileSync(join(dir, 'evaluations.jsonl'), 'utf8').split('\n').filter(Boolean);
    lines[3] = lines[3].replace(/"d":[0-9.e-]+/, '"d":0');
    writeFileSync(join(dir, 'evaluations.jsonl'), `${lines.slice(0, -1).join('\n')}\n${lines[lines.length - 1].slice(0, 30)}`);
    const r = await calibrate(dir, '--workers', '0');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ replayed from the log/);
    expect(r.stdout).toContain('1 damaged line(s) in evaluations.jsonl were skipped and evaluated again');
    expect(outputs(dir)).toEqual(outputs(ref));
  });

  it('resumes after SIGKILL to the same outputs', async () => {
    const dir = join(root, 'killed');
    const child = spawn(process.execPath, ['bin/exocascade.mjs', ...args(), '--workers', '1', '--out', dir], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_c, signal) => resolve(signal)));
    let lines = 0;
    while (lines < 3) {
      await new Promise((r) => setTimeout(r, 5));
      try { lines = readFileSync(join(dir, 'evaluations.jsonl'), 'utf8').split('\n').length - 1; } catch { /* not yet */ }
      if (child.exitCode !== null) throw new Error('the calibration finished before it could be killed');
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const r = await calibrate(dir, '--workers', '0');
    expect(r.code).toBe(0);
    expect(Number(/(\d+) replayed/.exec(r.stdout)![1])).toBeGreaterThanOrEqual(3);
    expect(outputs(dir)).toEqual(outputs(ref));
  });

  it('extends a finished run by more generations without redoing the first ones', async () => {
    const dir = join(root, 'extended');
    cpSync(ref, dir, { recursive: true });
    const r = await cli([...args().map((a) => (a === '3' ? '4' : a)), '--workers', '0', '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^4 generations of 6 particles/);
    const p = particles(dir);
    expect(p.filter((x) => x[0] < 3)).toEqual(particles(ref));
    expect(p.filter((x) => x[0] === 3)).toHaveLength(6);
  });

  it('checks the targets at the defaults with --evaluate: the values are the runs\' means', async () => {
    const dir = join(root, 'fit');
    const r = await cli(['calibrate', '--targets', targets, '--evaluate', 'defaults', '--seeds', '1..3', '--ticks', '20', '--workers', '0', '--quiet', '--out', dir]);
    expect(r.code).toBe(0);
    const fit = JSON.parse(readFileSync(join(dir, 'fit.json'), 'utf8'));
    for (const [k, preset] of [[0, 'breast'], [1, 'pancreatic']] as const) {
      let sum = 0;
      for (const seed of [1, 2, 3]) {
        const e = new Engine(resolveScenario(JSON.parse(readFileSync(`scenarios/${preset}.json`, 'utf8')), preset, { seed, ticks: 20 }));
        e.run(20);
        sum += e.metrics()['ctc.intravasated'];
      }
      expect(fit.targets[k].values[0]).toBe(sum / 3);
      expect(fit.targets[k].band[0][0]).toBeLessThanOrEqual(sum / 3);
      expect(fit.targets[k].band[0][1]).toBeGreaterThanOrEqual(sum / 3);
    }
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).not.toMatch(/<script/);
  });

  it('refuses another calibration in the same directory and a target on an unknown metric, with exit 2', async () => {
    const other = await cli([...args().map((a) => (a === '4' ? '9' : a)), '--out', ref]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('holds another calibration');
    const bad = join(root, 'bad.json');
    writeFileSync(bad, JSON.stringify({ targets: [{ id: 'x', preset: 'breast', observable: { metric: 'ctc.intravasatd' }, kind: 'interval', min: 1, source: 'test fixture, not data' }] }));
    const r = await cli(['calibrate', '--targets', bad, '--out', join(root, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}: /targets/0/observable/metric: unknown metric "ctc.intravasatd" (did you mean "ctc.intravasated"?)`);
    expect(existsSync(join(root, 'never'))).toBe(false);
  });
});
