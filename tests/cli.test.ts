import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../src/engine/engine';
import { METRIC_NAMES } from '../src/engine/metrics';
import { ENGINE_VERSION } from '../src/engine/version';
import { loadScenarioFile } from '../src/node/scenario-file';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/exocascade.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runJson(...args: string[]): Record<string, unknown> & { stateHash: string; ticks: number; tickHours: number; whatIfs: string[]; metrics: Record<string, number> } {
  const r = cli('run', ...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1); // exactly one JSON object on stdout
  return JSON.parse(lines[0]);
}

const tmp = mkdtempSync(join(tmpdir(), 'exocascade-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('exocascade run', () => {
  it('prints one JSON object whose stateHash repeats for a seed and changes with the seed', () => {
    const a = runJson('scenarios/breast.json', '--seed', '7', '--ticks', '300');
    const b = runJson('scenarios/breast.json', '--seed', '7', '--ticks', '300');
    const c = runJson('scenarios/breast.json', '--seed', '8', '--ticks', '300');
    for (const key of ['scenario', 'scenarioHash', 'seed', 'ticks', 'stateHash', 'engineVersion', 'metrics']) expect(a).toHaveProperty(key);
    expect(a.seed).toBe(7);
    expect(a.ticks).toBe(300);
    expect(b.stateHash).toBe(a.stateHash);
    expect(c.stateHash).not.toBe(a.stateHash);
    expect(c.scenarioHash).toBe(a.scenarioHash);
    // The built CLI (dist/) runs the engine that the sources here run.
    const here = new Engine(loadScenarioFile('scenarios/breast.json', { seed: 7, ticks: 300 }));
    here.run(300);
    expect(a.stateHash).toBe(here.stateHash());
    expect(Object.keys(a.metrics)).toEqual([...METRIC_NAMES]);
    expect(a.metrics['exosomes.uptake.lung']).toBeGreaterThan(0);
  });

  it('exits 2 and names the path of an unknown key in a bad scenario, starting nothing', () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'bad', cancerType: 'breast', world: { bedSpeed: 3 } }));
    const r = cli('run', file, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}: /world/bedSpeed: unknown key "bedSpeed" (did you mean "bedSpeedUmPerHour"?)`);
  });

  it('exits 2 with a suggestion for an unknown cargo in --what-if', () => {
    const r = cli('run', 'scenarios/breast.json', '--what-if', 'ko:mir-10bb', '--ticks', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--what-if #1');
    expect(r.stderr).toContain('"mir-10b"');
  });

  it('exits 2 naming the file for a snapshot that does not exist, with no stack trace', () => {
    const missing = join(tmp, 'missing.json');
    const r = cli('run', 'scenarios/breast.json', '--restore', missing);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`exocascade run: ${missing}: cannot read the snapshot: no such file\n`);
  });

  it('stops at --snapshot-at and --restore continues to the same hash as an uninterrupted run', () => {
    const snap = join(tmp, 'snap.json');
    const whole = runJson('scenarios/breast.json', '--seed', '4', '--ticks', '80');
    const first = runJson('scenarios/breast.json', '--seed', '4', '--snapshot-at', '30', '--snapshot-out', snap);
    expect(first.ticks).toBe(30);
    const rest = runJson('scenarios/breast.json', '--seed', '4', '--ticks', '80', '--restore', snap);
    expect(rest.ticks).toBe(80);
    expect(rest.stateHash).toBe(whole.stateHash);
  });

  it('refuses (exit 2) to --restore a snapshot saved by another engine version, naming the file and both versions', () => {
    const snap = join(tmp, 'snap-old.json');
    runJson('scenarios/breast.json', '--seed', '4', '--snapshot-at', '5', '--snapshot-out', snap);
    const ok = runJson('scenarios/breast.json', '--seed', '4', '--ticks', '8', '--restore', snap);
    expect(ok.ticks).toBe(8);
    writeFileSync(snap, JSON.stringify({ ...JSON.parse(readFileSync(snap, 'utf8')), engineVersion: '0.0.1-old' }));
    const r = cli('run', 'scenarios/breast.json', '--seed', '4', '--ticks', '8', '--restore', snap, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${snap}: was saved by engine 0.0.1-old; this is engine ${ENGINE_VERSION}`);
  });

  it('writes the metric series as tidy long CSV: a row per tick and metric, each with the run\'s seed and scenario hash', () => {
    const file = join(tmp, 'series.csv');
    const r = runJson('scenarios/breast.json', '--ticks', '20', '--seed', '3', '--what-if', 'ko:mir-105', '--csv', file);
    const rows = parseCsv(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(21 * METRIC_NAMES.length);
    expect(Object.keys(rows[0])).toEqual(['seed', 'tick', 'hours', 'metric', 'value', 'scenario_hash', 'engine_version', 'catalog_version', 'what_ifs']);
    expect(new Set(rows.map((row) => `${row.seed}|${row.scenario_hash}|${row.engine_version}|${row.what_ifs}`))).toEqual(new Set([`3|${r.scenarioHash}|${ENGINE_VERSION}|ko:mir-105`]));
    const last = rows.filter((row) => row.tick === '20' && row.metric === 'exosomes.released');
    expect(last.map((row) => [Number(row.hours), Number(row.value)])).toEqual([[20 * r.tickHours, r.metrics['exosomes.released']]]);
  });
});

describe('exocascade run --tick-hours', () => {
  const file = join(tmp, 'two-days.json');
  writeFileSync(file, JSON.stringify({ name: 'two days', cancerType: 'breast', tickHours: 2, duration: '2 d', whatIfs: ['deplete:nk@1d'] }));

  it('changes the tick length and keeps the simulated time; --json reports ticks and tickHours', () => {
    const own = runJson(file);
    expect([own.ticks, own.tickHours]).toEqual([24, 2]);
    expect(own.whatIfs).toEqual(['deplete:nk@12=1']);
    for (const [option, ticks, tickHours] of [['4', 12, 4], ['30 min', 96, 0.5], ['1.5h', 32, 1.5]] as const) {
      const r = runJson(file, '--tick-hours', option);
      expect([r.ticks, r.tickHours], option).toEqual([ticks, tickHours]);
      // The what-if written as a time acts at the same simulated time.
      expect(r.whatIfs, option).toEqual([`deplete:nk@${24 / tickHours}=1`]);
    }
    // --ticks counts ticks of the given length.
    expect(runJson(file, '--tick-hours', '4', '--ticks', '5').ticks).toBe(5);
  });

  it('exits 2 naming --tick-hours when it is not a time', () => {
    const r = cli('run', file, '--tick-hours', '3 cells', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: --tick-hours: "3 cells" is not a quantity`);
  });
});

describe('exocascade catalog and what-ifs', () => {
  it('lists catalog entries matching a search, with their evidence, as JSON', () => {
    const r = cli('catalog', '--search', 'kupffer', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { count: number; entries: { id: string; evidence: { reference: string }[] }[] };
    const mif = out.entries.find((e) => e.id === 'mif');
    expect(mif?.evidence.some((ev) => ev.reference.includes('Costa-Silva'))).toBe(true);
    expect(out.count).toBe(out.entries.length);
  });

  it('marks an assumed effect as such, with its reason and how to leave it out', () => {
    const r = cli('catalog', '--search', 'circ-iars');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('effects: invasion.boost, vessel.permeability [assumed]');
    expect(r.stdout).toContain('assumed vessel.permeability: the row says only "enhance metastases"');
    expect(r.stdout).toContain('"assumedEffects": false');
    const plain = cli('catalog', '--search', 'mir-10b');
    expect(plain.stdout).not.toContain('[assumed]');
  });

  it('records the what-ifs applied in --json output, in canonical form', () => {
    const r = runJson('scenarios/melanoma.json', '--ticks', '5', '--what-if', 'ko:pd-l1', '--what-if', 'deplete:nk@3');
    expect(r.whatIfs).toEqual(['ko:pd-l1', 'deplete:nk@3=1']);
  });
});

describe('exocascade bench', () => {
  it('prints a JSON list with kernel, agents and nsPerAgentTick for core and walk at 10k, 100k and 1M', () => {
    const r = cli('bench', '--json', '--quick');
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as { kernel: string; agents: number; nsPerAgentTick: number }[];
    const walk = results.filter((x) => x.kernel === 'walk').map((x) => x.agents);
    expect(walk).toEqual([10_000, 100_000, 1_000_000]);
    const core = results.filter((x) => x.kernel === 'core');
    expect(core).toHaveLength(3);
    for (const x of results) expect(Number.isFinite(x.nsPerAgentTick) && x.nsPerAgentTick > 0).toBe(true);
  });
});
