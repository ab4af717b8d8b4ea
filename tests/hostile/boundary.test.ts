import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_LINES, describeFailure } from '../../src/cli/failure';
import { ScenarioError } from '../../src/scenario/errors';
import { STACK_LINE, cliInProcess, cliProcess } from './cli-harness';

// Item 1 of issue 15: one error boundary per command. Every failure prints what and where, one
// line per problem, exits 2 for bad input and 1 for anything else, and shows a stack only with
// --debug or EXOCASCADE_DEBUG=1 — also for an error raised inside a worker thread.

const tmp = mkdtempSync(join(tmpdir(), 'exocascade-boundary-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const bad = join(tmp, 'bad.json');
writeFileSync(bad, JSON.stringify({ name: 'bad', cancerType: 'breast', world: { bedSpeed: 3 } }));

describe('the error boundary', () => {
  it('classifies a program fault as exit 1 in one line, without its stack, pointing to --debug', () => {
    let fault: unknown;
    try {
      (null as unknown as { x: number }).x.toFixed();
    } catch (err) {
      fault = err;
    }
    const f = describeFailure(fault, 'run');
    expect(f.code).toBe(1);
    expect(f.lines).toHaveLength(1);
    expect(f.lines[0]).toMatch(/^exocascade run: Cannot read properties of null .*rerun with --debug for the stack\)$/);
    expect(f.lines.join('\n')).not.toMatch(STACK_LINE);
  });

  it('shows the first 20 problems of a failure and counts the rest', () => {
    const issues = Array.from({ length: 57 }, (_, i) => ({ path: `/whatIfs/${i}`, message: `problem ${i}` }));
    const f = describeFailure(new ScenarioError('x.json', issues), 'run');
    expect(f.code).toBe(2);
    expect(f.lines.length).toBe(MAX_LINES + 1);
    expect(f.lines[0]).toBe('x.json: /whatIfs/0: problem 0');
    expect(f.lines[MAX_LINES - 1]).toBe('x.json: /whatIfs/19: problem 19');
    expect(f.lines[MAX_LINES]).toBe('x.json: … and 37 more problems (the first 20 are shown)');
    // Any other failure with more lines is cut the same way.
    const g = describeFailure(new Error(Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n')), 'merge');
    expect(g.lines).toHaveLength(MAX_LINES + 1);
    expect(g.lines[MAX_LINES]).toBe('exocascade merge: … and 10 more problems (an internal error, not your input; rerun with --debug for the stack)');
  });

  it('exits 2 for a bad scenario: the file, the JSON path and a suggestion, and no stack', async () => {
    const r = await cliInProcess(['run', bad, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${bad}: /world/bedSpeed: unknown key "bedSpeed" (did you mean "bedSpeedUmPerHour"?)\n`);
  });

  it('adds the stack with --debug anywhere on the line, or with EXOCASCADE_DEBUG=1', async () => {
    for (const [args, env] of [[['run', bad, '--debug'], {}], [['run', '--debug', bad], {}], [['run', bad], { EXOCASCADE_DEBUG: '1' }]] as const) {
      const r = await cliInProcess(args, env);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`${bad}: /world/bedSpeed: unknown key "bedSpeed" (did you mean "bedSpeedUmPerHour"?)`);
      expect(r.stderr).toMatch(STACK_LINE);
    }
  });

  it('names the flag of a command-line mistake in one line (exit 2)', async () => {
    for (const [args, text] of [
      [['run', 'scenarios/breast.json', '--ticks', 'ten'], 'exocascade run: --ticks expects a whole number from 0 to 1000000, got "ten"; see exocascade help'],
      [['frobnicate'], 'exocascade: unknown command "frobnicate"; see exocascade help'],
      [['run', 'scenarios/breast.json', '--budget', '0'], 'exocascade run: --budget expects a factor above 0 (at most 1000), got "0"; see exocascade help'],
    ] as const) {
      const r = await cliInProcess(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toBe(`${text}\n`);
    }
    const unknown = await cliInProcess(['run', 'scenarios/breast.json', '--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^exocascade run: Unknown option '--frobnicate'\. [^\n]*; see exocascade help\n$/);
  });

  it('brings an error raised in a worker thread to one line with exit 2, and its stack only with --debug', () => {
    // The estimate before the run (about 208k agents) fits a budget of 240k agents; the first
    // tick would release ~300k packets, which the guard inside the worker thread refuses.
    const grows = join(tmp, 'grows.json');
    writeFileSync(grows, JSON.stringify({
      name: 'grows', cancerType: 'breast', ticks: 2,
      populations: { tumourCells: 1000 },
      modules: { 'tumour-growth': { capacityCells: 1 }, colonisation: { organCapacityCells: 1 }, 'exosome-release': { packetsPerCellPerHour: 100, invadingMultiplier: 1 }, 'exosome-fate': { halfLifeHours: 0.01, drainageRatePerHour: 100 } },
    }));
    const args = ['experiment', grows, '--seeds', '1', '--workers', '1', '--quiet', '--budget', '0.06', '--out', join(tmp, 'grows')];
    const r = cliProcess(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('exocascade experiment: run (baseline, seed 1): stopped before tick 1: 2,800 live agents (tumour 1,000, immune 430, platelet 600, endothelium 430, stroma 340) ' +
      'and up to 300,016 more next tick exceed the budget of 240,000 agents; the run grew beyond its estimate (--budget raises it)\n');
    const debug = cliProcess([...args.slice(0, -1), join(tmp, 'grows-debug'), '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(STACK_LINE);
  });
});
