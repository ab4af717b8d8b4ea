import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINE_VERSION } from '../src/engine/version';
import { elementaryEffects, morrisAnalyze } from '../src/calibrate/morris';
import { allParams, fromUnit } from '../src/calibrate/param-space';
import type { DesignFile } from '../src/calibrate/sensitivity';
import { parse } from 'csv-parse/sync';

const parseCsv = (text: string): string[][] => parse(text) as string[][];
import type { RunRecord } from '../src/experiment/spec';

const { main } = await import('../src/cli/main');

// A small screen through the real command: two parameters, 3 trajectories (9 design points),
// 2 seeds, 24 ticks. The numbers in sensitivity.csv are recomputed here from runs.jsonl.
const PARAMS = 'modules.tumour-growth.doublingTimeHours,modules.emt-invasion.intravasationRatePerHour';
const OUTPUTS = ['sensitivity.csv', 'sensitivity.json', 'report.html'];
const POINTS = 3 * 3;
const RUNS = POINTS * 2;

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

const ARGS = ['scenarios/breast.json', '--params', PARAMS, '--metrics', 'ctc.intravasated,cells.primary', '--trajectories', '3', '--seeds', '1..2', '--ticks', '24', '--seed', '5', '--quiet'];
const screen = (out: string, ...extra: string[]) => cli(['sensitivity', ...ARGS, '--out', out, ...extra]);
const outputs = (dir: string) => OUTPUTS.map((f) => readFileSync(join(dir, f), 'utf8'));
const records = (dir: string): RunRecord[] => readFileSync(join(dir, 'runs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RunRecord);

let root: string;
let ref: string;
let refRun: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'exocascade-sens-'));
  ref = join(root, 'ref');
  refRun = await screen(ref, '--workers', '2');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('exocascade sensitivity', () => {
  it('runs every design point over every seed once and reports the grid', () => {
    expect(refRun.code).toBe(0);
    expect(refRun.stdout).toMatch(new RegExp(`^2 parameters × 3 trajectories = ${POINTS} points × 2 seeds = ${RUNS} runs \\(${RUNS} run now, 0 resumed; 2 workers`));
    expect(records(ref)).toHaveLength(RUNS);
  });

  it('runs each design point with the parameter values of its unit-cube row (log scale for the intravasation rate)', () => {
    const d = JSON.parse(readFileSync(join(ref, 'design.json'), 'utf8')) as DesignFile;
    const dims = PARAMS.split(',').map((id) => allParams().find((p) => p.id === id)!);
    expect(d.params.map((p) => p.log)).toEqual([false, true]);
    d.rows.forEach((row, i) => expect(d.values[i]).toEqual(row.map((u, j) => fromUnit(dims[j], u))));
    // the intravasation rate at u = 1/3 of [0.002, 0.2] per hour on a log scale is 0.002 · 100^(1/3) ≈ 0.00928
    expect(fromUnit(dims[1], 1 / 3)).toBeCloseTo(0.002 * Math.cbrt(100), 10);
    // the doubling time at u = 1/3 of [15, 72] h on a linear scale is 34 h
    expect(fromUnit(dims[0], 1 / 3)).toBeCloseTo(34, 10);
  });

  it('writes the Morris indices that the runs give, recomputed from runs.jsonl', () => {
    const d = JSON.parse(readFileSync(join(ref, 'design.json'), 'utf8')) as DesignFile;
    const byKey = new Map(records(ref).map((r) => [`${r.arm}/${r.seed}`, r]));
    const rows = parseCsv(readFileSync(join(ref, 'sensitivity.csv'), 'utf8'));
    expect(rows[0].slice(0, 6)).toEqual(['parameter', 'metric', 'mu_star', 'mu', 'sigma', 'mu_star_conf']);
    expect(rows.length - 1).toBe(2 * 2);
    for (const metric of ['ctc.intravasated', 'cells.primary']) {
      const y = d.rows.map((_, i) => [1, 2].reduce((s, seed) => s + byKey.get(`p${String(i).padStart(5, '0')}/${seed}`)!.metrics[metric], 0) / 2);
      const want = morrisAnalyze(elementaryEffects(d.rows, y, d.delta), { seed: 5, stream: metric });
      d.params.forEach((p, j) => {
        const row = rows.find((r) => r[0] === p.id && r[1] === metric)!;
        expect(Number(row[2])).toBe(want[j].muStar);
        expect(Number(row[3])).toBe(want[j].mu);
        expect(Number(row[4])).toBe(want[j].sigma);
        expect(Number(row[5])).toBe(want[j].muStarConf);
      });
    }
    // intravasation drives intravasated cells: its effect is positive and the larger one
    const intra = rows.find((r) => r[0] === PARAMS.split(',')[1] && r[1] === 'ctc.intravasated')!;
    expect(Number(intra[3])).toBeGreaterThan(0);
    expect(intra[6]).toBe('1');
  });

  it('writes a self-contained report with a μ*–σ plot per metric and provenance in the JSON', () => {
    const html = readFileSync(join(ref, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(2);
    const json = JSON.parse(readFileSync(join(ref, 'sensitivity.json'), 'utf8'));
    expect(json.provenance).toMatchObject({ engineVersion: ENGINE_VERSION, seed: 5, seeds: [1, 2], trajectories: 3, levels: 4, runs: RUNS });
    expect(json.provenance.scenario.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(json.provenance.command).toBe(`exocascade sensitivity scenarios/breast.json --params ${PARAMS} --metrics ctc.intravasated,cells.primary --trajectories 3 --levels 4 --seeds 1..2 --seed 5 --ticks 24`);
  });

  it('gives the same bytes in-process as on two workers', async () => {
    const dir = join(root, 'inproc');
    expect((await screen(dir, '--workers', '0')).code).toBe(0);
    expect(outputs(dir)).toEqual(outputs(ref));
  });

  it('runs as two shards that merge into the same outputs', async () => {
    const a = join(root, 'shard1');
    const b = join(root, 'shard2');
    const r1 = await screen(a, '--workers', '0', '--shard', '1/2');
    expect(r1.stdout).toContain(`this shard has ${RUNS / 2} runs`);
    expect(existsSync(join(a, 'sensitivity.csv'))).toBe(false);
    await screen(b, '--workers', '0', '--shard', '2/2');
    const m = await cli(['merge', a, b, '--out', join(root, 'merged')]);
    expect(m.code).toBe(0);
    expect(m.stdout).toContain(`merged 2 sensitivity directories: ${POINTS} points × 2 seeds = ${RUNS} runs`);
    expect(outputs(join(root, 'merged'))).toEqual(outputs(ref));
  });

  it('resumes after a partial last line, redoing only what is missing', async () => {
    const dir = join(root, 'partial');
    mkdirSync(dir);
    for (const f of ['experiment.json', 'design.json']) copyFileSync(join(ref, f), join(dir, f));
    const lines = readFileSync(join(ref, 'runs.jsonl'), 'utf8').split('\n');
    writeFileSync(join(dir, 'runs.jsonl'), `${lines.slice(0, 6).join('\n')}\n${lines[6].slice(0, 100)}`);
    const r = await screen(dir, '--workers', '0');
    expect(r.stdout).toContain(`${RUNS} runs (${RUNS - 6} run now, 6 resumed`);
    expect(outputs(dir)).toEqual(outputs(ref));
  });

  it('resumes after SIGKILL and ends with the same outputs', async () => {
    const dir = join(root, 'killed');
    const child = spawn(process.execPath, ['bin/exocascade.mjs', 'sensitivity', ...ARGS, '--workers', '1', '--out', dir], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_c, signal) => resolve(signal)));
    let lines = 0;
    while (lines < 2) {
      await new Promise((r) => setTimeout(r, 5));
      try { lines = readFileSync(join(dir, 'runs.jsonl'), 'utf8').split('\n').length - 1; } catch { /* not yet */ }
      if (child.exitCode !== null) throw new Error('the screen finished before it could be killed');
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const r = await screen(dir, '--workers', '0');
    expect(r.code).toBe(0);
    const [, now, resumed] = /\((\d+) run now, (\d+) resumed/.exec(r.stdout)!.map(Number);
    expect(resumed).toBeGreaterThanOrEqual(2);
    expect(now + resumed).toBe(RUNS);
    expect(outputs(dir)).toEqual(outputs(ref));
  });

  it('refuses a directory holding another design, and an unknown parameter, with exit 2', async () => {
    const other = await cli(['sensitivity', ...ARGS.map((a) => (a === '5' ? '6' : a)), '--out', ref]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('holds a sensitivity screen with another design');
    const bad = await cli(['sensitivity', 'scenarios/breast.json', '--params', 'modules.emt-invasion.intravasationRate', '--out', join(root, 'x')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown parameter "modules.emt-invasion.intravasationRate" \(did you mean "modules.emt-invasion.intravasationRatePerHour"/);
    expect(existsSync(join(root, 'x'))).toBe(false);
  });
});
