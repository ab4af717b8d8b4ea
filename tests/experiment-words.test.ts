import { describe, expect, it, vi } from 'vitest';

// mathjs (through the what-if parser) imports seedrandom, whose module body draws Math.random
// once at load; load it first with a stand-in value (see experiment-stats.test.ts).
await vi.hoisted(async () => {
  const guarded = Math.random;
  Math.random = () => 0.5;
  try {
    await import('seedrandom');
  } finally {
    Math.random = guarded;
  }
});
import { METRIC_NAMES } from '../src/engine/metrics';
import { fmt } from '../src/experiment/format';
import { experimentHeadline } from '../src/experiment/headline';
import { hasMetricWords, metricInSentence, metricWords } from '../src/experiment/metric-words';
import { effectSentence, whatIfPhrase } from '../src/experiment/plain-words';
import type { ExperimentSpec, RunRecord } from '../src/experiment/spec';
import { buildSummary } from '../src/experiment/summary';
import { targetMetric } from '../src/experiment/target-metric';

const NAMES = ['metastases.liver', 'metastases.lung', 'metastases.total', 'time.firstMetastasis'];

function spec(seeds: number[]): ExperimentSpec {
  return {
    format: 1, scenario: { file: 'x.json', name: 'X', hash: 'h' }, ticks: 10, tickHours: 2, trajectoryEvery: 10,
    arms: [{ name: 'baseline', whatIfs: [], scenarioHash: 'a' }, { name: 'noMIF', whatIfs: ['ko:mif'], scenarioHash: 'b' }],
    seeds, engineVersion: 'e', catalogVersion: 'c', metricNames: NAMES,
  };
}

function rec(arm: string, seed: number, m: Record<string, number>): RunRecord {
  return {
    arm, seed, ticks: 10, whatIfs: [], scenarioHash: 'x', engineVersion: 'e', catalogVersion: 'c', stateHash: `${arm}${seed}`, metrics: m,
    trajectory: { ticks: [0, 10], values: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, [k.startsWith('time.') ? -1 : 0, v]])) }, wallMs: 0,
  };
}

// Four seeds: baseline liver metastases 3, 2, 4, 1 and first metastasis at 100 h, never, 60 h, never;
// the knockout 1, 2, 1, 0 and 140 h, never, never, never.
const BASE = [[3, 100], [2, -1], [4, 60], [1, -1]];
const KO = [[1, 140], [2, -1], [1, -1], [0, -1]];
const records = [
  ...BASE.map(([liver, t], i) => rec('baseline', i + 1, { 'metastases.liver': liver, 'metastases.lung': 0, 'metastases.total': liver, 'time.firstMetastasis': t })),
  ...KO.map(([liver, t], i) => rec('noMIF', i + 1, { 'metastases.liver': liver, 'metastases.lung': 0, 'metastases.total': liver, 'time.firstMetastasis': t })),
];

describe('censoring a time to an event in summary.json', () => {
  const s = buildSummary(spec([1, 2, 3, 4]), records);

  it('averages only the runs that reached it and counts the others as not reached', () => {
    expect(s.stats.baseline['time.firstMetastasis'].mean).toBe(80);
    expect(s.stats.baseline['time.firstMetastasis'].n).toBe(2);
    expect(s.stats.noMIF['time.firstMetastasis'].mean).toBe(140);
    expect(s.censored.baseline['time.firstMetastasis']).toEqual({ notReached: 2, n: 4 });
    expect(s.censored.noMIF['time.firstMetastasis']).toEqual({ notReached: 3, n: 4 });
    expect(s.censored.baseline['metastases.liver']).toBeUndefined();
  });

  it('pairs a time to an event only on seeds where both arms reached it', () => {
    const e = s.effects.noMIF['time.firstMetastasis'];
    expect(e.paired.n).toBe(1);
    expect(e.paired.mean).toBe(40);
    expect(e.direction).toEqual({ lower: 0, same: 0, higher: 1 });
  });

  it('counts the seeds an arm lowers, leaves and raises an ordinary metric', () => {
    expect(s.effects.noMIF['metastases.liver'].direction).toEqual({ lower: 3, same: 1, higher: 0 });
    expect(s.effects.noMIF['metastases.liver'].paired.mean).toBe(-1.5);
    expect(s.stats.baseline['metastases.liver'].mean).toBe(2.5);
  });

  it('puts the metric the what-if targets first in the headline', () => {
    expect(s.headline[0]).toBe('metastases.liver');
    expect(experimentHeadline({ arms: [{ name: 'baseline', whatIfs: [], scenarioHash: '' }], metricNames: NAMES })[0]).toBe('metastases.liver');
  });

  it('says the effect in one sentence with the summary\'s numbers', () => {
    expect(effectSentence(s, 'noMIF', 'metastases.liver')).toBe(
      `Knocking out MIF lowered liver metastases in 3 of 4 seeds, 2.50 → 1.00 on average; could be chance (the 95% interval of the change by seed, ${fmtCi(s.effects.noMIF['metastases.liver'].paired.ci!)}, includes no change).`);
    expect(effectSentence(s, 'noMIF', 'time.firstMetastasis')).toBe(
      'Knocking out MIF delayed the first metastasis in 1 of 1 seed where both had one, day 3.33 → day 5.83 on average; too few seeds to tell an effect from chance; no metastasis by the end in 2 of 4 baseline runs and 3 of 4 with the what-if.');
  });
});

function fmtCi(ci: [number, number]): string {
  return `${fmt(ci[0])} to ${fmt(ci[1])}`;
}

describe('the metric a what-if targets', () => {
  it('is the metastases of the organ its cargo acts on, else all metastases', () => {
    const names = [...METRIC_NAMES];
    expect(targetMetric(['ko:mif'], names)).toBe('metastases.liver');
    expect(targetMetric(['ko:itga6b4'], names)).toBe('metastases.lung');
    expect(targetMetric(['ko:itgavb5'], names)).toBe('metastases.liver');
    expect(targetMetric(['ko:pkm2'], names)).toBe('metastases.bone');
    expect(targetMetric(['deplete:nk@0=1'], names)).toBe('metastases.total');
    expect(targetMetric(['ko:mir-105'], names)).toBe('metastases.total');
    expect(targetMetric(['ko:mif'], ['cells.primary'])).toBeNull();
  });
});

describe('words for what-ifs and metrics', () => {
  it('names what-ifs in words', () => {
    expect(whatIfPhrase(['ko:mif'])).toBe('knocking out MIF');
    expect(whatIfPhrase(['deplete:nk@0=1', 'dose:mir-105=2'])).toBe('depleting NK cells from tick 0 and setting the dose of miR-105 to ×2.00');
    expect(whatIfPhrase(['block-secretion@10=0.5'])).toBe('blocking 50.0% of exosome secretion from tick 10');
  });

  it('has words and a unit for every metric the engine reports', () => {
    const missing = METRIC_NAMES.filter((m) => !hasMetricWords(m));
    expect(missing).toEqual([]);
    for (const m of METRIC_NAMES) expect(metricWords(m).unit, m).not.toBe('');
  });

  it('reads per-organ metrics with their organ and keeps acronyms in a sentence', () => {
    expect(metricWords('metastases.lymph-node')).toMatchObject({ label: 'Lymph node metastases', organ: 'lymph-node', unit: 'colonies' });
    expect(metricWords('ctc.arrested.lung').label).toBe('CTCs arrested in the capillaries (lung)');
    expect(metricInSentence('metastases.liver')).toBe('liver metastases');
    expect(metricInSentence('ctc.killed.nk')).toBe('CTCs killed by NK cells');
  });
});
