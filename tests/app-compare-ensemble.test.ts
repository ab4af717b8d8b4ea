import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensembleArms, ensembleCommand, WHATIF_ARM } from '../src/app/ensemble/ensemble-dialog';
import { canonicalRecords, ensembleOutputs } from '../src/app/ensemble/outputs';
import { EnsemblePool, ensembleWorkerCount, MAX_ENSEMBLE_WORKERS, type EnsembleEndpoint } from '../src/app/ensemble/pool';
import type { EnsembleRequest } from '../src/app/ensemble/protocol';
import { createEnsembleWorkerApi } from '../src/app/ensemble/worker-api';
import { loadReportAssets, writeOutputs } from '../src/experiment/outputs';
import { buildSpec } from '../src/experiment/resolve-arms';
import { runOne } from '../src/experiment/run-one';
import type { RunRecord } from '../src/experiment/spec';

const FILE = 'scenarios/breast.json';
const TEXT = readFileSync(FILE, 'utf8');
const WHATIF = 'block:tcell.suppress@0=1';
const root = mkdtempSync(join(tmpdir(), 'exocascade-app-ensemble-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * An ensemble worker in this thread: the same API object the browser worker exposes, behind a
 * structured clone each way (as postMessage does) and a macrotask per call (so runs interleave
 * and can be cancelled between them).
 */
function inProcess(calls: string[] = []): EnsembleEndpoint {
  const api = createEnsembleWorkerApi();
  const hop = () => new Promise((r) => setTimeout(r, 1));
  return {
    api: {
      prepare: async (req) => (calls.push('prepare'), await hop(), structuredClone(api.prepare(structuredClone(req)))),
      load: async (arms) => (calls.push('load'), await hop(), api.load(structuredClone(arms))),
      run: async (job) => (calls.push(`run ${job.arm} ${job.seed}`), await hop(), structuredClone(api.run(structuredClone(job)))),
    },
    died: new Promise<never>(() => {}),
    dispose: () => calls.push('dispose'),
  };
}

const request = (seeds: number[], ticks: number, whatIfs = [WHATIF]): EnsembleRequest =>
  ({ scenarioText: TEXT, file: FILE, arms: ensembleArms(whatIfs), seeds, ticks });

const withoutTiming = (r: RunRecord) => ({ ...r, wallMs: 0 });

describe('ensemble: pool size and arms', () => {
  it('uses one worker per core, at most eight, never more than there are runs, two when the browser does not say', () => {
    expect(ensembleWorkerCount(4, 20)).toBe(4);
    expect(ensembleWorkerCount(64, 100)).toBe(MAX_ENSEMBLE_WORKERS);
    expect(ensembleWorkerCount(16, 3)).toBe(3);
    expect(ensembleWorkerCount(undefined, 10)).toBe(2);
    expect(ensembleWorkerCount(0, 10)).toBe(2);
  });

  it('makes the baseline plus one arm of the chosen what-ifs, and the CLI command for the same', () => {
    expect(ensembleArms([])).toEqual([{ name: 'baseline', whatIfs: [] }]);
    expect(ensembleArms(['ko:mir-105', 'deplete:nk@10=0.5'])).toEqual([{ name: 'baseline', whatIfs: [] }, { name: WHATIF_ARM, whatIfs: ['ko:mir-105', 'deplete:nk@10=0.5'] }]);
    expect(ensembleCommand(FILE, '1..3', 30, ['ko:mir-105', 'deplete:nk@10=0.5']))
      .toBe('npx exocascade experiment scenarios/breast.json --seeds 1..3 --ticks 30 --arm what-if=ko:mir-105,deplete:nk@10=0.5 --out results');
  });
});

describe('ensemble: the worker pool', () => {
  it('runs every (arm, seed) once with the CLI\'s runOne, resolving arms once and loading them into the other workers', async () => {
    const calls: string[][] = [[], []];
    const pool = new EnsemblePool((k) => inProcess(calls[k]), 2);
    const seen: number[] = [];
    const out = await pool.run(request([1, 2, 3], 8), () => {}, (_rec, done, total) => {
      seen.push(done);
      expect(total).toBe(6);
    });
    expect(out.status).toBe('done');
    expect(out.workers).toBe(2);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(calls[0].slice(0, 2)).toEqual(['prepare', 'load']);
    expect(calls[1][0]).toBe('load');
    expect([...calls[0], ...calls[1]].filter((c) => c.startsWith('run')).sort()).toEqual(
      ['run baseline 1', 'run baseline 2', 'run baseline 3', 'run what-if 1', 'run what-if 2', 'run what-if 3']);
    const { spec, arms } = buildSpec(TEXT, FILE, ensembleArms([WHATIF]), { seeds: [1, 2, 3], ticks: 8 });
    expect(out.spec).toEqual(spec);
    const direct = canonicalRecords(spec, out.records).map((r) => withoutTiming(runOne(arms[r.arm], { arm: r.arm, seed: r.seed, trajectoryEvery: spec.trajectoryEvery })));
    expect(canonicalRecords(spec, out.records).map(withoutTiming)).toEqual(direct);
    expect(out.overheadMs).toHaveLength(6);
  });

  it('stops at cancel, keeping the runs that finished and terminating every worker', async () => {
    const calls: string[][] = [[], []];
    const pool = new EnsemblePool((k) => inProcess(calls[k]), 2);
    const out = await pool.run(request([1, 2, 3, 4], 4), () => {}, (_rec, done) => {
      if (done === 2) pool.cancel();
    });
    expect(out.status).toBe('cancelled');
    expect(out.records.length).toBeGreaterThanOrEqual(2);
    expect(out.records.length).toBeLessThan(8);
    expect(calls.every((c) => c.includes('dispose'))).toBe(true);
  });

  it('fails before running anything when a what-if does not resolve, naming the arm and the what-if', async () => {
    const calls: string[][] = [[], []];
    const pool = new EnsemblePool((k) => inProcess(calls[k]), 2);
    const out = await pool.run(request([1, 2], 4, ['ko:mir-10']), () => {}, () => {});
    expect(out.status).toBe('failed');
    expect(out.error).toMatch(/--arm what-if: what-if "ko:mir-10": unknown cargo id "mir-10"/);
    expect(out.records).toEqual([]);
    expect(calls.flat().filter((c) => c.startsWith('run'))).toEqual([]);
  });

  it('fails with the worker\'s error when a worker dies', async () => {
    const pool = new EnsemblePool((k) => {
      const ep = inProcess();
      if (k === 1) ep.died = Promise.reject(new Error('ensemble worker 2 failed: out of memory'));
      ep.died.catch(() => undefined);
      return ep;
    }, 2);
    const out = await pool.run(request([1, 2], 4), () => {}, () => {});
    expect(out.status).toBe('failed');
    expect(out.error).toBe('ensemble worker 2 failed: out of memory');
  });
});

describe('ensemble: outputs', () => {
  it('are the bytes the CLI writes for the same records (summary.json, results.csv, report.html)', () => {
    const { spec, arms } = buildSpec(TEXT, FILE, ensembleArms([WHATIF]), { seeds: [1, 2, 3], ticks: 6 });
    const records = spec.arms.flatMap((a) => spec.seeds.map((seed) => runOne(arms[a.name], { arm: a.name, seed, trajectoryEvery: spec.trajectoryEvery })));
    const dir = join(root, 'cli');
    mkdirSync(dir);
    writeOutputs(dir, spec, records);
    // Completion order is not canonical order: the browser puts them back.
    const shuffled = [records[4], records[0], records[5], records[2], records[1], records[3]];
    const mine = ensembleOutputs(spec, canonicalRecords(spec, shuffled), loadReportAssets());
    expect(mine.summaryJson).toBe(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(mine.resultsCsv).toBe(readFileSync(join(dir, 'results.csv'), 'utf8'));
    expect(mine.reportHtml).toBe(readFileSync(join(dir, 'report.html'), 'utf8'));
    expect(mine.summary.effects[WHATIF_ARM]['tcells.exhausted'].paired.n).toBe(3);
  });

  it('refuse an incomplete grid, naming what is missing', () => {
    const { spec, arms } = buildSpec(TEXT, FILE, ensembleArms([WHATIF]), { seeds: [1, 2], ticks: 3 });
    const one = runOne(arms.baseline, { arm: 'baseline', seed: 1, trajectoryEvery: spec.trajectoryEvery });
    expect(() => canonicalRecords(spec, [one])).toThrow('3 of 4 runs are missing, e.g. (baseline, seed 2), (what-if, seed 1), (what-if, seed 2)');
  });
});
