import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../src/scenario/resolve';
import { CLAIMS, type Claim } from '../src/validate/claims';
import { checkValue, runClaims, seedsToHold, testCheck } from '../src/validate/run-claims';
import { tQuantile } from '../src/experiment/t-quantile';
import { METRIC_NAMES } from '../src/engine/metrics';

const { main } = await import('../src/cli/main');

const effect = (direction: 'lower' | 'higher', minEffect?: number): Claim => ({
  id: 'e', kind: 'effect', step: 1, scenario: 'breast', whatIfs: [], statement: '', source: '', checks: [{ metric: 'm', direction, minEffect }],
});
const control = (margin?: number, side?: 'not-lower' | 'not-higher'): Claim => ({ id: 'c', kind: 'control', step: 4, scenario: 'breast', whatIfs: [], statement: '', source: '', checks: [{ metric: 'm', margin, side }] });

// Baseline 100 on every seed; the arm varies around 100 + shift, so the paired differences are
// shift + noise with a known mean and a CI of ±1.96 (t(0.975, 4) × sd/√5).
const base = [100, 100, 100, 100, 100];
const arm = (shift: number) => [-2, -1, 0, 1, 2].map((e) => 100 + shift + e);

describe('effect claims: the CI must clear the minimal effect', () => {
  it('passes a decrease whose CI lies beyond −20% of the baseline mean', () => {
    const r = testCheck(effect('lower'), 0, arm(-25), base);
    expect(r.threshold).toBe(20);
    expect(r.ci![1]).toBeLessThan(-20);
    expect(r.pass).toBe(true);
  });

  it('fails a decrease that excludes zero but does not clear 20%', () => {
    const r = testCheck(effect('lower'), 0, arm(-15), base);
    expect(r.ci![1]).toBeLessThan(0);
    expect(r.pass).toBe(false);
    expect(r.relativeChange).toBeCloseTo(-0.15, 12);
  });

  it('fails when the mean clears 20% but the CI does not', () => {
    const r = testCheck(effect('lower'), 0, arm(-21), base);
    expect(r.meanDiff).toBeCloseTo(-21, 12);
    expect(r.ci![1]).toBeGreaterThan(-20);
    expect(r.pass).toBe(false);
  });

  it('tests increases and a claim\'s own minimal effect', () => {
    expect(testCheck(effect('higher'), 0, arm(25), base).pass).toBe(true);
    expect(testCheck(effect('higher'), 0, arm(25), base).threshold).toBe(20);
    expect(testCheck(effect('higher', 0.5), 0, arm(25), base).pass).toBe(false);
    expect(testCheck(effect('higher'), 0, arm(-25), base).pass).toBe(false);
  });

  it('asks only that the CI exclude zero when the baseline mean is zero', () => {
    expect(testCheck(effect('higher'), 0, [1, 2, 1, 2, 1], [0, 0, 0, 0, 0]).pass).toBe(true);
    expect(testCheck(effect('higher'), 0, [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]).pass).toBe(false);
  });
});

describe('a check with `per` tests a share per seed', () => {
  it('divides by the per-metric of the same run, and gives 0 when there is nothing to divide by', () => {
    const share = { metric: 'ctc.killed.t', per: 'ctc.bloodExits', direction: 'higher' as const };
    expect(checkValue(share, { 'ctc.killed.t': 15, 'ctc.bloodExits': 60 })).toBe(0.25);
    expect(checkValue(share, { 'ctc.killed.t': 0, 'ctc.bloodExits': 0 })).toBe(0);
    expect(checkValue({ metric: 'ctc.killed.t', direction: 'higher' }, { 'ctc.killed.t': 15, 'ctc.bloodExits': 60 })).toBe(15);
  });
  it('lets a share rise while its count falls: fewer targets, each likelier to be killed', () => {
    // Counts fall 10% (60 → 54 kills) while exits fall 40% (300 → 180): the share rises 50%.
    const base = [1, 2, 3, 4, 5].map((s) => ({ 'ctc.killed.t': 60 + s, 'ctc.bloodExits': 300 + 5 * s }));
    const ko = base.map((m) => ({ 'ctc.killed.t': m['ctc.killed.t'] * 0.9, 'ctc.bloodExits': m['ctc.bloodExits'] * 0.6 }));
    const claim: Claim = { id: 's', kind: 'effect', step: 3, scenario: 'melanoma', whatIfs: [], statement: '', source: '', checks: [{ metric: 'ctc.killed.t', per: 'ctc.bloodExits', direction: 'higher' }, { metric: 'ctc.killed.t', direction: 'higher' }] };
    const share = testCheck(claim, 0, ko.map((m) => checkValue(claim.checks[0], m)), base.map((m) => checkValue(claim.checks[0], m)));
    expect(share.relativeChange).toBeCloseTo(0.5, 10);
    expect([share.pass, share.per]).toEqual([true, 'ctc.bloodExits']);
    const count = testCheck(claim, 1, ko.map((m) => checkValue(claim.checks[1], m)), base.map((m) => checkValue(claim.checks[1], m)));
    expect([count.pass, count.per, count.relativeChange! < 0]).toEqual([false, null, true]);
  });
});

describe('seeds to hold: a check short of power is told from one short of effect', () => {
  const halfWidth = (n: number, sd: number) => (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  it('is the least n whose CI half-width fits in the room between the mean and its bound', () => {
    // sd 10, room 5: t(0.975, 17)·10/√18 = 4.97 fits, t(0.975, 16)·10/√17 = 5.14 does not.
    expect(seedsToHold(5, 10)).toBe(18);
    for (const [room, sd] of [[5, 10], [0.3, 7], [2, 1], [1, 50]] as const) {
      const n = seedsToHold(room, sd)!;
      expect(halfWidth(n, sd)).toBeLessThanOrEqual(room);
      if (n > 2) expect(halfWidth(n - 1, sd)).toBeGreaterThan(room);
    }
    expect(seedsToHold(1, 0)).toBe(2);
  });
  it('is null when the mean itself does not clear the bound, or its SD is unknown', () => {
    expect(seedsToHold(0, 10)).toBeNull();
    expect(seedsToHold(-3, 10)).toBeNull();
    expect(seedsToHold(5, null)).toBeNull();
  });
  it('predicts the seeds at which the same paired differences, repeated, make the check pass', () => {
    // Differences −21 ± 2 (five values): the mean clears 20 but the CI of 5 seeds does not.
    const short = testCheck(effect('lower'), 0, arm(-21), base);
    expect(short.pass).toBe(false);
    const n = short.seedsToHold!;
    expect(n).toBeGreaterThan(5);
    // The same five differences repeated to the next whole multiple of 5 above n: their sample SD
    // is a little smaller than over five, so the check passes there.
    const k = n + 5 - (n % 5);
    const grown = Array.from({ length: k }, (_, i) => arm(-21)[i % 5]);
    expect(testCheck(effect('lower'), 0, grown, Array(k).fill(100)).pass).toBe(true);
    // An effect whose mean falls short of 20% never holds, whatever the seeds.
    expect(testCheck(effect('lower'), 0, arm(-15), base).seedsToHold).toBeNull();
    // A control: |mean| 1 inside a margin of 20 holds at the seeds its SD needs.
    expect(testCheck(control(), 0, arm(1), base).seedsToHold).toBe(seedsToHold(19, Math.sqrt(2.5)));
  });
});

describe('control claims: the CI must lie inside the equivalence margin', () => {
  it('passes an unchanged metric and fails one that moves past the margin', () => {
    const same = testCheck(control(), 0, arm(0), base);
    expect(same.threshold).toBe(20);
    expect(same.pass).toBe(true);
    expect(testCheck(control(), 0, arm(-19.5), base).pass).toBe(false);
    expect(testCheck(control(), 0, arm(25), base).pass).toBe(false);
    expect(testCheck(control(0.3), 0, arm(25), base).pass).toBe(true);
  });

  it('fails a noisy control whose CI is wider than the margin even with no mean change', () => {
    const noisy = testCheck(control(), 0, [60, 140, 70, 130, 100], base);
    expect(noisy.meanDiff).toBe(0);
    expect(noisy.pass).toBe(false);
  });

  it('tests one side only for a "does not lower" control: a rise passes, a fall past the margin fails', () => {
    const rise = testCheck(control(undefined, 'not-lower'), 0, arm(25), base);
    expect(rise.side).toBe('not-lower');
    expect(rise.pass).toBe(true);
    expect(testCheck(control(), 0, arm(25), base).pass).toBe(false);
    // CI ±1.96: mean −18 keeps its lower end at −19.96 (passes); mean −19 reaches −20.96 (fails).
    expect(testCheck(control(undefined, 'not-lower'), 0, arm(-18), base).pass).toBe(true);
    expect(testCheck(control(undefined, 'not-lower'), 0, arm(-19), base).pass).toBe(false);
    expect(testCheck(control(undefined, 'not-higher'), 0, arm(-40), base).pass).toBe(true);
    expect(testCheck(control(undefined, 'not-higher'), 0, arm(21), base).pass).toBe(false);
    // Its room is measured from the one bound: mean +25 lies 45 above −20.
    expect(rise.seedsToHold).toBe(seedsToHold(45, Math.sqrt(2.5)));
  });

  it('needs exactly zero on every seed when the baseline mean is zero', () => {
    expect(testCheck(control(), 0, [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]).pass).toBe(true);
    expect(testCheck(control(), 0, [0, 1, 0, 0, 0], [0, 0, 0, 0, 0]).pass).toBe(false);
  });
});

describe('the claims validate checks', () => {
  it('has at least 10 claims: an effect in every step, a "decrease metastases" row, at least 3 controls', () => {
    expect(CLAIMS.length).toBeGreaterThanOrEqual(10);
    for (const step of [1, 2, 3, 4, 5]) expect(CLAIMS.some((c) => c.kind === 'effect' && c.step === step)).toBe(true);
    expect(CLAIMS.filter((c) => c.kind === 'control').length).toBeGreaterThanOrEqual(3);
    const decrease = CLAIMS.filter((c) => /Decrease metastases|decrease the growth/.test(c.source));
    expect(decrease.length).toBeGreaterThanOrEqual(1);
    for (const c of decrease) expect(c.kind === 'effect' && c.checks.some((k) => k.direction === 'higher')).toBe(true);
    expect(new Set(CLAIMS.map((c) => c.id)).size).toBe(CLAIMS.length);
  });

  it('gives every claim a cited source, known metrics and what-ifs its preset accepts', () => {
    for (const c of CLAIMS) {
      expect(c.source).toMatch(/(19|20)\d\d/);
      for (const k of c.checks) expect(METRIC_NAMES).toContain(k.metric);
      for (const k of c.checks) if ('per' in k && k.per !== undefined) expect(METRIC_NAMES).toContain(k.per);
      const file = `scenarios/${c.scenario}.json`;
      const config = parseScenario(readFileSync(file, 'utf8'), file, { whatIfs: c.whatIfs });
      expect(config.whatIfs.length).toBeGreaterThanOrEqual(c.whatIfs.length);
      expect(Object.keys(c)).not.toContain('ticks');
    }
  });

  it('lists every claim with its source in the README', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const c of CLAIMS) expect(readme).toContain(`\`${c.id}\``);
  });
});

describe('exocascade validate --json', () => {
  it('reports step, kind, numbers and pass per claim, and exits 1 when a claim fails', async () => {
    const out: string[] = [];
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
    let code: number;
    try {
      code = await main(['validate', '--claim', 'itgavb5-spares-ecm', '--claim', 'mir-193a-suppresses', '--seeds', '2', '--workers', '0', '--json']);
    } finally {
      o.mockRestore();
    }
    const results = JSON.parse(out.join(''));
    // reported in CLAIMS order
    expect(results.map((r: { id: string }) => r.id)).toEqual(['mir-193a-suppresses', 'itgavb5-spares-ecm']);
    const [eff, ctl] = results;
    expect(ctl).toMatchObject({ step: 4, kind: 'control', scenario: 'pancreatic', whatIfs: ['ko:itgavb5'], seeds: 2, ticks: 300 });
    expect(ctl.checks[0].threshold).toBeCloseTo(0.2 * Math.abs(ctl.checks[0].baselineMean), 12);
    expect(eff).toMatchObject({ step: 5, kind: 'effect' });
    expect(eff.checks[0]).toMatchObject({ metric: 'metastases.total', direction: 'higher', relative: 0.2 });
    expect(code).toBe(results.every((r: { pass: boolean }) => r.pass) ? 0 : 1);
  }, 120_000);
});

describe('exocascade validate --point', () => {
  // A point is written over each preset as calibrate --evaluate writes it, so the claims at a
  // point equal the claims run on presets that carry the same values themselves.
  const fragment = { modules: { 'emt-invasion': { intravasationRatePerHour: 0.3 } }, world: {}, populations: {} };
  const claim = CLAIMS.filter((c) => c.id === 'emt-cargo-invasion');

  it('runs the claims at the point: the same numbers as presets carrying its values, and not those of the defaults', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exo-point-'));
    const prostate = JSON.parse(readFileSync('scenarios/prostate.json', 'utf8'));
    prostate.modules = { ...(prostate.modules ?? {}), 'emt-invasion': { ...(prostate.modules?.['emt-invasion'] ?? {}), intravasationRatePerHour: 0.3 } };
    writeFileSync(join(dir, 'prostate.json'), JSON.stringify(prostate));
    const opts = { seeds: 2, workers: 0 as const, progress: null, tickHours: 6 };
    const [atPoint] = await runClaims(claim, { ...opts, point: { file: 'p.json', fragment } });
    const [carried] = await runClaims(claim, { ...opts, scenarioDir: dir });
    const [defaults] = await runClaims(claim, opts);
    expect(atPoint.point).toBe('p.json');
    expect(atPoint.checks[0].baselineMean).toBe(carried.checks[0].baselineMean);
    expect(atPoint.checks[0].whatIfMean).toBe(carried.checks[0].whatIfMean);
    // 0.3/h is 15× the default shedding rate (0.02/h): more cells enter the blood.
    expect(atPoint.checks[0].baselineMean).toBeGreaterThan(defaults.checks[0].baselineMean);
    expect(defaults.point).toBeUndefined();
  }, 120_000);

  it('refuses a point with a value out of its range, naming the file and the path, before running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exo-point-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ modules: { 'emt-invasion': { intravasationRatePerHour: -1 } } }));
    const err: string[] = [];
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err.push(String(s)); return true; });
    let code: number;
    try {
      code = await main(['validate', '--claim', 'emt-cargo-invasion', '--seeds', '2', '--workers', '0', '--point', file]);
    } finally {
      e.mockRestore();
    }
    expect(code).toBe(2);
    expect(err.join('')).toContain(file);
    expect(err.join('')).toContain('/modules/emt-invasion/intravasationRatePerHour: -1 is out of range');
  });
});
