import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRIMER_MIN_RUN_TICKS, PRIMER_PARAMS, PRIMER_POPULATIONS, PRIMER_TICKS, primeJit, primerConfig, worthPriming } from '../src/experiment/jit-primer';
import { gridJobs, parseArms } from '../src/experiment/grid';
import { ExperimentPool, runInProcess } from '../src/experiment/pool';
import { buildSpec } from '../src/experiment/resolve-arms';
import { runOne } from '../src/experiment/run-one';
import type { RunRecord } from '../src/experiment/spec';
import { loadScenarioFile } from '../src/scenario/load-file';
import type { EditableRunConfig } from '../src/scenario/config';

// The experiment worker's JIT primer (src/experiment/jit-primer.ts): a short, small world run
// before a worker's first job so that every stage of the cascade has happened once before
// V8 compiles the module steps. Whether it saves compiler time is a benchmark question
// (npm run bench:experiment); these tests pin what it must do to be useful and harmless.

const SCENARIOS = readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
const breast = () => loadScenarioFile('scenarios/breast.json');

describe('JIT primer', () => {
  it('changes only the listed values, keeps each number an integer or a fraction, and leaves the base untouched', () => {
    const base = breast();
    const before = JSON.stringify(base);
    const c = primerConfig(base);
    expect(JSON.stringify(base)).toBe(before);
    expect(Object.keys(c)).toEqual(Object.keys(base));
    expect(c.drainage).toBe('portal');
    expect(c.ticks).toBe(PRIMER_TICKS);
    expect(c.whatIfs).toEqual([]);
    for (const [key, value] of Object.entries(base.populations)) {
      expect(c.populations[key]).toBe(PRIMER_POPULATIONS[key] ?? value);
    }
    let changed = 0;
    for (const [id, params] of Object.entries(base.modules)) {
      expect(Object.keys(c.modules[id])).toEqual(Object.keys(params));
      for (const [key, value] of Object.entries(params)) {
        const primed = PRIMER_PARAMS[id]?.[key];
        expect(c.modules[id][key]).toBe(primed ?? value);
        expect(Number.isInteger(c.modules[id][key])).toBe(Number.isInteger(value));
        if (primed !== undefined && primed !== value) changed++;
      }
    }
    expect(changed).toBe(Object.values(PRIMER_PARAMS).reduce((n, p) => n + Object.keys(p).length, 0));
  });

  it('keeps a scenario value of the other number kind, and names a parameter that does not exist', () => {
    const base = structuredClone(breast()) as EditableRunConfig;
    (base.modules['tumour-growth'] as Record<string, number>).deathRatePerHour = 0;
    expect(primerConfig(base).modules['tumour-growth'].deathRatePerHour).toBe(0);
    delete (base.modules['platelet-cloak'] as Record<string, number>).cloakRatePerHour;
    expect(() => primerConfig(base)).toThrow('JIT primer: modules.platelet-cloak.cloakRatePerHour is not in the configuration');
  });

  it.each(SCENARIOS)('takes %s through every stage of the cascade within its ticks', (file) => {
    const engine = primeJit(loadScenarioFile(`scenarios/${file}`));
    const m = engine.metrics();
    expect(engine.tick).toBe(PRIMER_TICKS);
    expect(m['ctc.intravasated']).toBeGreaterThan(20);
    expect(m['ctc.arrested.liver']).toBeGreaterThan(0);
    expect(m['cells.extravasated.liver']).toBeGreaterThan(0);
    expect(m['exosomes.uptake.liver']).toBeGreaterThan(0);
    expect(m['vessels.sprouts']).toBeGreaterThan(0);
    expect(m['metastases.total']).toBeGreaterThan(0);
    expect(m['ctc.killed.nk'] + m['ctc.killed.t'] + m['ctc.killed.shear']).toBeGreaterThan(0);
  });

  it('primes only runs long enough to be compiled while they run', () => {
    const base = structuredClone(breast()) as EditableRunConfig;
    expect(base.ticks).toBe(300);
    expect(worthPriming(base)).toBe(true);
    base.ticks = PRIMER_MIN_RUN_TICKS - 1;
    expect(worthPriming(base)).toBe(false);
    base.ticks = PRIMER_MIN_RUN_TICKS;
    expect(worthPriming(base)).toBe(true);
  });

  it('reaches the lung as well as the liver for a caval-draining scenario', () => {
    const m = primeJit(breast()).metrics();
    expect(m['ctc.arrested.lung']).toBeGreaterThan(0);
    expect(m['cells.extravasated.lung']).toBeGreaterThan(0);
  });

  it('leaves the runs of a primed worker identical to the same runs in this thread', async () => {
    const file = 'scenarios/breast.json';
    const { spec, arms } = buildSpec(readFileSync(file, 'utf8'), file, parseArms(['half=block-secretion@0=0.5']), { seeds: [1, 2], ticks: PRIMER_MIN_RUN_TICKS });
    expect(worthPriming(arms.baseline.config)).toBe(true);
    const jobs = gridJobs(['baseline', 'half'], [1, 2]).map((j) => ({ ...j, trajectoryEvery: spec.trajectoryEvery }));
    const pool = await ExperimentPool.spawn(1);
    const got: RunRecord[] = [];
    const stats = await pool.run(jobs, arms, (rec) => got.push(rec));
    expect(stats.primed).toBe(1);
    // A lone thread always holds the next job behind the one it runs (job-lane.ts).
    expect(stats.queuedAhead).toBe(3);
    expect(got).toHaveLength(4);
    for (const rec of got) {
      const here = runOne(arms[rec.arm], { arm: rec.arm, seed: rec.seed, trajectoryEvery: spec.trajectoryEvery });
      expect({ ...rec, wallMs: 0 }).toEqual({ ...here, wallMs: 0 });
    }
    expect(new Set(got.map((r) => r.stateHash)).size).toBe(4);
  });

  it('does not prime a worker whose runs are short', async () => {
    const file = 'scenarios/breast.json';
    const { spec, arms } = buildSpec(readFileSync(file, 'utf8'), file, parseArms(['half=block-secretion@0=0.5']), { seeds: [1], ticks: 30 });
    const pool = await ExperimentPool.spawn(1);
    const got: RunRecord[] = [];
    const stats = await pool.run([{ arm: 'baseline', seed: 1, trajectoryEvery: spec.trajectoryEvery }], arms, (rec) => got.push(rec));
    expect(stats.primed).toBe(0);
    expect(got[0].ticks).toBe(30);
  });

  it('primes this thread for long in-process runs only, and changes none of their records', async () => {
    const file = 'scenarios/breast.json';
    const run = async (ticks: number) => {
      const { spec, arms } = buildSpec(readFileSync(file, 'utf8'), file, parseArms(['half=block-secretion@0=0.5']), { seeds: [3], ticks });
      const jobs = gridJobs(['baseline', 'half'], [3]).map((j) => ({ ...j, trajectoryEvery: spec.trajectoryEvery }));
      const got: RunRecord[] = [];
      const stats = await runInProcess(jobs, arms, (rec) => got.push(rec));
      return { stats, got, arms, every: spec.trajectoryEvery };
    };
    const long = await run(PRIMER_MIN_RUN_TICKS);
    expect(long.stats).toEqual({ workers: 0, startupMs: [], primed: 1, queuedAhead: 0 });
    expect(long.got.map((r) => r.ticks)).toEqual([PRIMER_MIN_RUN_TICKS, PRIMER_MIN_RUN_TICKS]);
    for (const rec of long.got) {
      const alone = runOne(long.arms[rec.arm], { arm: rec.arm, seed: rec.seed, trajectoryEvery: long.every });
      expect({ ...rec, wallMs: 0 }).toEqual({ ...alone, wallMs: 0 });
    }
    expect((await run(30)).stats.primed).toBe(0);
  });
});
