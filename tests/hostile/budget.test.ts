import { availableParallelism } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { POOL_ORDER } from '../../src/engine/kinds';
import { BudgetError, DEFAULT_BUDGET, HARD_LIMITS, checkRunBudget, estimateRun } from '../../src/experiment/budget';
import { resolveWorkerCount } from '../../src/experiment/pool';
import { RunGuard } from '../../src/experiment/run-guard';
import { loadScenarioFile } from '../../src/node/scenario-file';
import { config } from '../helpers';
import { STACK_LINE, cliInProcess } from './cli-harness';

// Item 2 of issue 15: a resource budget. A run is estimated from its config before it starts
// and refused (exit 2, with the numbers) when over the budget; --budget raises it; a run that
// outgrows its estimate is stopped between ticks; every numeric flag keeps to the schema's ranges.

const tmp = mkdtempSync(join(tmpdir(), 'exocascade-budget-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A breast scenario file with `patch` written over it. */
function scenario(name: string, patch: Record<string, unknown>): string {
  const file = join(tmp, `${name}.json`);
  writeFileSync(file, JSON.stringify({ name, cancerType: 'breast', ...patch }));
  return file;
}

describe('the estimate before a run', () => {
  it('is at least the peak of every kind of agent a default run of each of four presets reaches', () => {
    for (const preset of ['breast', 'pancreatic', 'melanoma', 'prostate']) {
      const c = config(preset);
      const e = estimateRun(c);
      const engine = new Engine(c);
      const peak = Object.fromEntries(POOL_ORDER.map((k) => [k, 0]));
      for (let t = 0; t < c.ticks; t++) {
        engine.step();
        for (const k of POOL_ORDER) peak[k] = Math.max(peak[k], engine.world.pools[k].count);
      }
      for (const k of POOL_ORDER) expect(e.agentsByKind[k], `${preset} ${k}`).toBeGreaterThanOrEqual(peak[k]);
      // …and within budget, so the presets run as they are.
      expect(e.peakAgents).toBeLessThan(DEFAULT_BUDGET.agents / 20);
      expect(e.runSeconds).toBeLessThan(DEFAULT_BUDGET.runSeconds / 20);
    }
  });

  it('counts field substeps from D·Δt/Δx² and field cells from region sizes over the cell size', () => {
    const coarse = estimateRun(config('breast'));
    const fine = estimateRun(config('breast', {}, { world: { fieldCellUm: 5, vegfDiffusionUm2PerHour: 1e6 } }));
    // Regions of 600², 4 × 400², 300² µm: 43,600 cells of 5 µm; VEGF needs ⌈1e6 · 2 / 25 / 0.2⌉ = 400,000 substeps a tick.
    expect(fine.fieldCells).toBe(43_600);
    expect(coarse.fieldCells).toBe(15 * 15 + 4 * 10 * 10 + 8 * 8);
    expect(fine.fieldUpdatesPerTick).toBe(43_600 * (400_000 + Math.ceil(1800 * 2 / 25 / 0.2) + Math.ceil(600 * 2 / 25 / 0.2) + 4));
  });
});

describe('runs over the budget are refused before they start (exit 2, with the numbers)', () => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['pool-capacity', { tickHours: 48, modules: { 'exosome-release': { packetsPerCellPerHour: 1000 } } }, /exosome agents in one tick \([\d,]+ released per tick with every organ full\) exceed the engine's limit of 16,777,216 of one kind, which no --budget lifts/],
    ['initial-exosomes', { populations: { initialExosomes: 10_000_000 } }, /peak 10,0\d\d,\d{3} agents \(10,00\d,\d{3} exosome packets, \d+ tumour cells\) exceed 4,000,000 \(--budget 2\.6\)/],
    ['diffusion', { world: { vegfDiffusionUm2PerHour: 1_000_000, fieldCellUm: 5 } }, /a tick would take up to \d+ s \([\d,]+ agents, 43,600 field cells × [\d,]+ updates\) over 10 s/],
    ['tumour-cells', { populations: { tumourCells: 1_000_000 } }, /a tick would take up to [\d.]+ (h|min)/],
  ];
  for (const [name, patch, message] of cases) {
    it(`${name}: one line per excess, naming the file`, async () => {
      const file = scenario(name, patch);
      const r = await cliInProcess(['run', file, '--ticks', '20']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      for (const line of r.stderr.trimEnd().split('\n')) expect(line.startsWith(`exocascade run: ${file}: over the resource budget: `)).toBe(true);
      expect(r.stderr).not.toMatch(STACK_LINE);
    });
  }

  it('refuses a run whose length alone is over the budget, and the factor it names lets it pass', () => {
    const c = config('breast', { ticks: 1_000_000 });
    let message = '';
    try {
      checkRunBudget(c, 'long');
    } catch (err) {
      expect(err).toBeInstanceOf(BudgetError);
      message = (err as Error).message;
    }
    const factor = Number(/the run would take up to [\d.]+ h \(1,000,000 ticks\) over 60 min \(--budget ([\d.]+)\)/.exec(message)?.[1]);
    expect(factor).toBeGreaterThan(1);
    expect(checkRunBudget(c, 'long', {}, factor).runSeconds).toBeLessThanOrEqual(DEFAULT_BUDGET.runSeconds * factor);
    expect(() => checkRunBudget(c, 'long', {}, factor * 0.9)).toThrow(BudgetError);
  });

  it('counts the CSV and snapshot a run writes: a million ticks of series cannot be one file', () => {
    const c = config('breast', { ticks: 1_000_000 });
    const e = estimateRun(c, { csv: true });
    expect(e.outputs.csv).toBeGreaterThan(HARD_LIMITS.outputChars);
    expect(() => checkRunBudget(c, 'csv', { csv: true }, 1000)).toThrow(/the csv would be about [\d.]+ GiB, more than one file this program can build/);
    expect(() => checkRunBudget(c, 'csv', {}, 1000)).not.toThrow();
  });

  it('applies --budget and EXOCASCADE_BUDGET to the command', async () => {
    const file = scenario('tight', {});
    const tight = await cliInProcess(['run', file, '--ticks', '5', '--budget', '0.0001']);
    expect(tight.code).toBe(2);
    expect(tight.stderr).toMatch(/exceed 400 \(--budget 0\.\d+\)/);
    const env = await cliInProcess(['run', file, '--ticks', '5'], { EXOCASCADE_BUDGET: '0.0001' });
    expect(env.stderr).toBe(tight.stderr);
    const ok = await cliInProcess(['run', file, '--ticks', '5', '--json', '--budget', '1']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).ticks).toBe(5);
  });
});

describe('a run that outgrows its estimate', () => {
  it('stops between ticks, at the same tick every time, naming the counts', () => {
    const c = config('breast', { ticks: 40 }, { modules: { 'exosome-release': { packetsPerCellPerHour: 20 } } });
    const stopAt = () => {
      const engine = new Engine(c);
      try {
        new RunGuard(engine, 20_000, 'grow').run(engine, c.ticks);
      } catch (err) {
        expect(err).toBeInstanceOf(BudgetError);
        expect((err as Error).message).toMatch(/^grow: stopped before tick \d+: [\d,]+ live agents \(tumour [\d,]+, exosome [\d,]+, .*\) and up to [\d,]+ more next tick exceed the budget of 20,000 agents/);
        const live = POOL_ORDER.reduce((s, k) => s + engine.world.pools[k].count, 0);
        expect(live).toBeLessThanOrEqual(20_000);
        return engine.tick;
      }
      return -1;
    };
    const first = stopAt();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(40);
    expect(stopAt()).toBe(first);
  });

  it('stops a recruitment loop (BMDCs raising the niche that recruits them) with exit 2 before the immune pool overflows', async () => {
    // Within the schema's ranges: each BMDC adds so much niche signal that recruitment grows
    // ~2.6-fold a tick. The estimate before the run is well inside the budget; without the guard
    // the immune pool passes 16,777,216 slots a few ticks after the stop and the run crashes.
    const file = scenario('bmdc-loop', { modules: { niche: { bmdcRecruitPerHour: 5, bmdcNichePerHour: 100 } } });
    expect(estimateRun(loadScenarioFile(file)).peakAgents).toBeLessThan(DEFAULT_BUDGET.agents / 20);
    const r = await cliInProcess(['run', file, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // The loop's niche signal outgrows its field's exact sums (tick 30 at engines 0.4.0–0.6.0; 42
    // at 0.3.1, 43 at 0.3.0) before the agents outgrow the budget: the same runaway, stopped with exit 2 each time.
    expect(r.stderr).toBe(`exocascade run: ${file}: stopped in tick 30: a field's deposits in one tick grew beyond what its grid sums exactly ` +
      "(deposits into cell 40 reach 2097209.9731408395 this tick (amount 62.67084190621972), beyond exact range); the run grew beyond what the model represents\n");
  });
});

describe('numeric flags keep to the schema', () => {
  const file = 'scenarios/breast.json';
  const refused: Array<[string[], string]> = [
    [['--ticks', '1000001'], '--ticks expects a whole number from 0 to 1000000, got "1000001"'],
    [['--ticks', '1000000000'], '--ticks expects a whole number from 0 to 1000000'],
    [['--ticks', '-1'], "exocascade run: Option '--ticks' argument is ambiguous. Did you forget"],
    [['--seed', '4294967296'], '--seed expects a whole number from 0 to 4294967295, got "4294967296"'],
    [['--seed', '9007199254740993'], 'got "9007199254740993"'],
    [['--seed', '9'.repeat(400)], '--seed expects a whole number from 0 to 4294967295, got "999'],
    [['--seed', '1.0'], '--seed expects a whole number'],
    [['--seed', '0x10'], '--seed expects a whole number'],
    [['--snapshot-at', '1e3', '--snapshot-out', join(tmp, 's.json')], '--snapshot-at expects a whole number'],
    [['--what-if', `deplete:nk@${'9'.repeat(400)}`], 'is beyond the longest run (1000000 ticks)'],
    [['--what-if', 'deplete:nk@1e400h'], 'what-if times must be at most tick 1000000'],
    [['--what-if', 'deplete:nk@10=1e400'], 'fraction must be between 0 and 1, got Infinity'],
    [['--what-if', 'block-secretion@0=1.5'], 'fraction must be between 0 and 1, got 1.5'],
    [['--what-if', 'dose:mir-10b=1e999'], 'dose scale must be between 0 and 100, got Infinity'],
    [['--tick-hours', '1e400'], 'scenarios/breast.json: --tick-hours: Infinity is out of range: expected 0.05 to 48 hours'],
  ];
  for (const [flags, message] of refused) {
    it(`refuses ${flags.join(' ').slice(0, 60)}`, async () => {
      const r = await cliInProcess(['run', file, ...flags]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr.length).toBeLessThan(700);
    });
  }

  it('accepts the ends of the ranges: seeds 0 and 4294967295 (leading zeros allowed), zero ticks', async () => {
    for (const seed of ['0', '4294967295', '0004294967295']) {
      const r = await cliInProcess(['run', file, '--seed', seed, '--ticks', '0', '--json']);
      expect(r.code, seed).toBe(0);
      expect(JSON.parse(r.stdout).seed).toBe(Number(seed));
    }
  });

  it('validates what-ifs in a scenario file as on the command line', async () => {
    const f = scenario('far-what-if', { whatIfs: [`deplete:nk@${'9'.repeat(400)}`] });
    const r = await cliInProcess(['run', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: /whatIfs/0: "deplete:nk@9{20,}…\\(\\d+ more\\)…9+": tick 9+…\\(\\d+ more\\)…9+ is beyond the longest run`));
  });

  it('experiment, sensitivity and calibrate keep their counts in range too', async () => {
    for (const [args, message] of [
      [['experiment', file, '--seeds', '1', '--ticks', '99999999999999999999', '--out', join(tmp, 'e')], '--ticks expects a whole number from 0 to 1000000'],
      [['experiment', file, '--seeds', '1..4294967296', '--out', join(tmp, 'e')], 'seed 4294967296 is larger than 4294967295'],
      [['experiment', file, '--seeds', '1', '--trajectory-every', '0', '--out', join(tmp, 'e')], '--trajectory-every expects a whole number from 1 to 1000000'],
      [['sensitivity', file, '--levels', '99999999999', '--out', join(tmp, 's')], '--levels expects a whole number from 2 to 1000'],
      [['calibrate', '--targets', 'targets/clinical.json', '--quantile', '1', '--out', join(tmp, 'c')], '--quantile expects a number strictly between 0 and 1, got "1"'],
      [['calibrate', '--targets', 'targets/clinical.json', '--quantile', 'Infinity', '--out', join(tmp, 'c')], '--quantile expects a number strictly between 0 and 1'],
    ] as const) {
      const r = await cliInProcess(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
  });

  it('caps --workers at the cores', () => {
    expect(resolveWorkerCount(100, 1000)).toBe(availableParallelism());
    expect(resolveWorkerCount('auto', 1000)).toBe(availableParallelism());
    expect(resolveWorkerCount(100, 1)).toBe(1);
    expect(resolveWorkerCount(0, 1000)).toBe(0);
  });
});
