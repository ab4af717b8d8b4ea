import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceHash } from '../bin/bundle-cache.mjs';

// bin/exocascade.mjs runs the CLI from a cached esbuild bundle (bin/bundle-cache.mjs), or
// through tsx with EXOCASCADE_BUNDLE=0. Bundling must change nothing a user can see: same
// stdout, same output files byte for byte (statistics from the tree-shaken mathjs, the report
// with uPlot inlined, runs on a worker started from its own bundle, scenario errors from the
// precompiled validator).

const root = mkdtempSync(join(tmpdir(), 'exocascade-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function cli(bundle: boolean, args: string[]) {
  const env = { ...process.env, EXOCASCADE_BUNDLE: bundle ? '1' : '0' };
  const r = spawnSync(process.execPath, ['bin/exocascade.mjs', ...args], { encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const OUTPUTS = ['results.csv', 'summary.json', 'report.html'];

describe('the bundled CLI', () => {
  it('prints the same run as the CLI loaded through tsx', () => {
    const args = ['run', 'scenarios/pancreatic.json', '--seed', '3', '--ticks', '80', '--what-if', 'ko:mif', '--json'];
    const bundled = cli(true, args);
    const plain = cli(false, args);
    expect(bundled.code).toBe(0);
    expect(plain.code).toBe(0);
    expect(JSON.parse(bundled.stdout).stateHash).toMatch(/^[0-9a-f]{16}$/);
    expect(bundled.stdout).toBe(plain.stdout);
  });

  it('writes the same experiment outputs, byte for byte, as the CLI loaded through tsx', () => {
    const run = (bundle: boolean) => {
      const out = join(root, bundle ? 'bundled' : 'tsx');
      const r = cli(bundle, ['experiment', 'scenarios/breast.json', '--arm', 'no-a6b4=ko:itga6b4', '--seeds', '1..2', '--ticks', '30',
        '--workers', '1', '--quiet', '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return OUTPUTS.map((f) => readFileSync(join(out, f), 'utf8'));
    };
    const bundled = run(true);
    const plain = run(false);
    expect(bundled[2]).toContain('uPlot'); // the inlined chart library was found
    expect(bundled).toEqual(plain);
  });

  it('reports a bad scenario exactly as the CLI loaded through tsx (precompiled validator)', () => {
    // The bundle carries ajv's standalone code for the schema instead of compiling it: every
    // kind of schema error must still read the same, path and wording.
    const file = join(root, 'bad.json');
    writeFileSync(file, JSON.stringify({
      cancerType: 'breast', ticks: -3, bogus: 1, drainage: 'sideways', extraCargo: 'itga6b4',
      populations: { tumourCells: 1.5 }, modules: { 'tumour-growth': { doublingTimeHours: 'x' }, 'no-such-module': {} },
    }));
    const bundled = cli(true, ['run', file]);
    const plain = cli(false, ['run', file]);
    expect(bundled.code).toBe(2);
    expect(plain.code).toBe(2);
    for (const part of ['missing required key "name"', '/ticks: -3 is out of range', '/bogus: unknown key', '/drainage: "sideways" is not one of',
      '/populations/tumourCells: expected integer, got 1.5', '/modules/tumour-growth/doublingTimeHours: expected number']) {
      expect(bundled.stderr).toContain(part);
    }
    expect(bundled.stderr).toBe(plain.stderr);
    // Not vacuous: the bundle that just ran holds the precompiled validator.
    const dir = join('node_modules', '.cache', 'exocascade', `cli-${sourceHash()}`);
    const chunks = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(chunks.some((c) => c.includes('function scenarioValidator() { return validate; }'))).toBe(true);
  });

  it('exits 0 without a stack trace when its reader closes the pipe early (`| head`)', async () => {
    const child = spawn(process.execPath, ['bin/exocascade.mjs', 'catalog'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
