import { describe as group, expect, it, vi } from 'vitest';

// mathjs imports seedrandom, whose module body mixes one Math.random() value into its autoseed
// pool at load. That is not an engine draw, but tests/setup.ts's guard would throw on it; load
// seedrandom once, before the modules under test, with a fixed stand-in value.
await vi.hoisted(async () => {
  const guarded = Math.random;
  Math.random = () => 0.5;
  try {
    await import('seedrandom');
  } finally {
    Math.random = guarded;
  }
});
import { GridSyntaxError, gridJobs, parseArm, parseArms, parseSeeds, parseShard, shardJobs } from '../src/experiment/grid';
import { headlineMetrics, organGroup } from '../src/experiment/headline';
import { describe, paired, welch } from '../src/experiment/stats';
import { tQuantile } from '../src/experiment/t-quantile';
import { parse as parseCsv } from 'csv-parse/sync';
import { csvValue, tidyCsv } from '../src/experiment/csv';
import { fmt, fmtPercent, niceStep } from '../src/experiment/format';

// Expected numbers are literals from printed t tables (to 6 figures) and from scipy 1.17
// (scipy.stats.t.ppf, ttest_ind(equal_var=False).confidence_interval, ttest_rel), i.e. an
// independent implementation; the small tables are also worked by hand in the comments.

group('t quantiles', () => {
  it('match printed table values at 0.975 for 1, 2, 4, 10, 30 and 120 degrees of freedom', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706205, 6);
    expect(tQuantile(0.975, 2)).toBeCloseTo(4.302653, 6);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.776445, 6);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228139, 6);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.042272, 6);
    expect(tQuantile(0.975, 120)).toBeCloseTo(1.979930, 6);
  });

  it('match scipy to 1e-12 relative at other levels and at fractional degrees of freedom', () => {
    const cases: Array<[number, number, number]> = [
      [0.95, 5, 2.0150483733330233],
      [0.995, 3, 5.840909309733355],
      [0.975, 2.5, 3.5746548420036817],
      [0.975, 0.5, 164.55767348048818],
      [0.975, 6.45213301981861, 2.405942639850434], // Welch df of the table below
      [0.025, 7, -2.3646242515927844],
    ];
    for (const [p, df, want] of cases) expect(Math.abs(tQuantile(p, df) / want - 1)).toBeLessThan(1e-12);
  });

  it('is 0 at the median, antisymmetric, and NaN where undefined', () => {
    expect(tQuantile(0.5, 3)).toBe(0);
    expect(tQuantile(0.1, 9)).toBe(-tQuantile(0.9, 9));
    expect(tQuantile(0.975, 0)).toBeNaN();
    expect(tQuantile(1, 5)).toBeNaN();
  });

  it('approaches the normal quantile 1.959964 for very many degrees of freedom', () => {
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 6);
    expect(tQuantile(0.975, 1e9)).toBeCloseTo(1.959964, 6);
  });
});

group('statistics of a small fixed table', () => {
  // baseline b = 1 2 3 4 5 ; arm a = 2 4 3 6 5 (same seeds, in order) ; arm w = 2 4 5 7 9
  const b = [1, 2, 3, 4, 5];
  const a = [2, 4, 3, 6, 5];
  const w = [2, 4, 5, 7, 9];

  it('describes a sample: mean 3, sd √2.5, CI 3 ± t(.975,4)·√2.5/√5', () => {
    const d = describe(b);
    expect(d.n).toBe(5);
    expect(d.mean).toBe(3);
    expect(d.sd).toBeCloseTo(1.5811388300841898, 14);
    expect(d.ci![0]).toBeCloseTo(3 - 1.9632431614775572, 12);
    expect(d.ci![1]).toBeCloseTo(3 + 1.9632431614775572, 12);
  });

  it('gives Welch diff 1, se 1, df 8 and CI [−1.306004, 3.306004] for equal variances', () => {
    // va = vb = 2.5/5 = 0.5 → se = 1; df = 1² / (0.25/4 + 0.25/4) = 8; t(.975, 8) = 2.306004.
    const r = welch(a, b);
    expect(r.diff).toBe(1);
    expect(r.se).toBe(1);
    expect(r.df).toBeCloseTo(8, 12);
    expect(r.ci![0]).toBeCloseTo(-1.3060041352041658, 12);
    expect(r.ci![1]).toBeCloseTo(3.306004135204166, 12);
  });

  it('gives Welch df 6.452133 and CI [−0.968320, 5.768320] for unequal variances', () => {
    // var(w) = 29.2/4 = 7.3 → se² = 0.5 + 1.46 = 1.96, se = 1.4; df = 1.96² / (0.0625 + 0.5329).
    const r = welch(w, b);
    expect(r.diff).toBeCloseTo(2.4, 14);
    expect(r.se).toBeCloseTo(1.4, 14);
    expect(r.df).toBeCloseTo(6.45213301981861, 12);
    expect(r.ci![0]).toBeCloseTo(-0.9683196957906071, 11);
    expect(r.ci![1]).toBeCloseTo(5.768319695790607, 11);
  });

  it('gives the paired difference 1 with CI [−0.241664, 2.241664] (d = 1 2 0 2 0, sd 1, df 4)', () => {
    const r = paired(a, b);
    expect(r.n).toBe(5);
    expect(r.mean).toBe(1);
    expect(r.sd).toBe(1);
    expect(r.df).toBe(4);
    expect(r.ci![0]).toBeCloseTo(-0.24166399820376405, 12);
    expect(r.ci![1]).toBeCloseTo(2.241663998203764, 12);
  });

  it('collapses the paired CI to [0, 0] for an arm identical to its baseline', () => {
    expect(paired(b, b)).toEqual({ n: 5, mean: 0, sd: 0, df: 4, ci: [0, 0] });
  });

  it('leaves sd and CIs null when a sample has one value', () => {
    expect(describe([4])).toEqual({ n: 1, mean: 4, sd: null, ci: null });
    expect(welch([4], b).ci).toBeNull();
  });
});

group('arm, seed and shard syntax', () => {
  it('reads seed ranges, lists and mixes into ascending unique seeds', () => {
    expect(parseSeeds('1..5,9')).toEqual([1, 2, 3, 4, 5, 9]);
    expect(parseSeeds('7, 3,3..4')).toEqual([3, 4, 7]);
    expect(parseSeeds('0')).toEqual([0]);
  });

  it('rejects malformed seeds with a message naming the value', () => {
    expect(() => parseSeeds('1..')).toThrow(/--seeds "1\.\.": "" is not a non-negative integer/);
    expect(() => parseSeeds('5..1')).toThrow(/runs backwards; write 1\.\.5/);
    expect(() => parseSeeds('1,,2')).toThrow(GridSyntaxError);
    expect(() => parseSeeds('-3')).toThrow(/"-3" is not a non-negative integer/);
  });

  it('reads an arm as a name and its what-ifs, and puts the baseline first', () => {
    expect(parseArm('pdl1=ko:pd-l1,deplete:nk@10=0.5')).toEqual({ name: 'pdl1', whatIfs: ['ko:pd-l1', 'deplete:nk@10=0.5'] });
    expect(parseArm('control=')).toEqual({ name: 'control', whatIfs: [] });
    expect(parseArms(['x=ko:a']).map((a) => a.name)).toEqual(['baseline', 'x']);
  });

  it('rejects malformed arms with a message naming the arm', () => {
    expect(() => parseArm('ko:mif')).toThrow(/expected NAME=WHATIF/);
    expect(() => parseArm('baseline=ko:mif')).toThrow(/always included/);
    expect(() => parseArm('x=kox:mif')).toThrow(/--arm x: "kox:mif" is not a what-if/);
    expect(() => parseArm('x=ko:a,,ko:b')).toThrow(/--arm x: what-if #2 is empty/);
    expect(() => parseArms(['x=ko:a', 'x=ko:b'])).toThrow(/given twice/);
  });

  it('splits the grid into interleaved shards that partition it exactly', () => {
    const jobs = gridJobs(['baseline', 'a'], [1, 2, 3, 4, 5]);
    const parts = [1, 2, 3].map((i) => shardJobs(jobs, parseShard(`${i}/3`)));
    expect(parts.map((p) => p.length)).toEqual([4, 3, 3]);
    expect(parts[0][0]).toEqual({ arm: 'baseline', seed: 1 });
    expect(parts[1][0]).toEqual({ arm: 'a', seed: 1 });
    expect(parts.flat().length).toBe(jobs.length);
    expect(new Set(parts.flat().map((j) => `${j.arm}/${j.seed}`)).size).toBe(jobs.length);
    expect(() => parseShard('0/3')).toThrow(/between 1 and n/);
    expect(() => parseShard('3')).toThrow(/expected i\/n/);
  });
});

group('formatting', () => {
  it('quotes CSV fields per RFC 4180 and writes non-finite numbers as NA/Inf', () => {
    const fields = ['ko:a,ko:b', 'say "hi"', 'two\nlines', 'plain'];
    const text = tidyCsv(['a', 'b', 'c', 'd'], [fields, [NaN, Infinity, -Infinity, 0.1]]);
    expect(text).toBe('a,b,c,d\n"ko:a,ko:b","say ""hi""","two\nlines",plain\nNA,Inf,-Inf,0.1\n');
    // A standard parser reads back exactly what was written.
    expect(parseCsv(text)).toEqual([['a', 'b', 'c', 'd'], fields, ['NA', 'Inf', '-Inf', '0.1']]);
    expect([NaN, Infinity, -Infinity, 0.1, 3, undefined].map(csvValue)).toEqual(['NA', 'Inf', '-Inf', '0.1', '3', 'NA']);
  });

  it('formats numbers for people with three figures and a true minus sign', () => {
    expect([fmt(1234.5), fmt(-0.012345), fmt(12.34), fmt(null)]).toEqual(['1235', '\u22120.0123', '12.3', '—']);
    expect(fmtPercent(-0.25)).toBe('\u221225%');
    expect([niceStep(0.37), niceStep(7), niceStep(1300)]).toEqual([0.5, 5, 1000]);
  });

  it('headlines metastases metrics by prefix and tolerates their absence', () => {
    expect(headlineMetrics(['cells.primary', 'metastases.lung', 'metastases.total', 'time.firstMetastasis'])).toEqual(['metastases.lung', 'metastases.total', 'time.firstMetastasis']);
    expect(headlineMetrics(['cells.primary', 'niche.lung'])).toEqual(['niche.lung', 'cells.primary']);
    expect(organGroup(['metastases.lung', 'metastases.total', 'niche.bone'])).toEqual({ prefix: 'metastases.', organs: ['lung'], metrics: ['metastases.lung'] });
  });
});
