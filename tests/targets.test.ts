import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTarget, observe, targetDistance, totalDistance, type MetricRow } from '../src/calibrate/distance';
import { TargetsError, loadTargetsFile, runKeyOf, runsOf, validateTargets, type Target, type TargetContext } from '../src/calibrate/targets';
import { METRIC_NAMES } from '../src/engine/metrics';

const PRESETS = ['breast', 'pancreatic', 'melanoma', 'colorectal', 'hcc', 'lung', 'gastric', 'prostate'];
/** The two half-life metrics issue 12 adds to the engine (named by the timescale targets). */
const ISSUE_12_METRICS = ['exosomes.bloodHalfLifeMinutes', 'ctc.bloodHalfLifeHours'];
const ctx: TargetContext = { metrics: [...new Set([...METRIC_NAMES, ...ISSUE_12_METRICS])], presets: PRESETS };

function issuesOf(data: unknown, c: TargetContext = ctx): { path: string; message: string }[] {
  try {
    validateTargets(data, 't.json', c);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(TargetsError);
    return [...(err as TargetsError).issues];
  }
}

const base = { id: 'x', preset: 'breast', observable: { share: 'bone' }, kind: 'interval', min: 0.3, weight: 1, source: 'Somebody et al. 2020, J Something 1:1' };

describe('targets/clinical.json', () => {
  const t = loadTargetsFile('targets/clinical.json', ctx);
  const byId = new Map(t.targets.map((x) => [x.id, x]));

  it('has every target issue 13 lists, with the numbers it gives', () => {
    const breast = byId.get('breast.organ-order')!;
    expect(breast.kind).toBe('ordering');
    expect(breast.observable).toMatchObject({ type: 'shares', organs: ['bone', 'lung', 'liver', 'brain'] });
    expect(byId.get('breast.bone-share')).toMatchObject({ kind: 'interval', min: 0.3, observable: { organs: ['bone'] } });
    expect(byId.get('prostate.bone-share')).toMatchObject({ min: 0.6, observable: { organs: ['bone'] } });
    expect(byId.get('colorectal.organ-order')!.observable).toMatchObject({ organs: ['liver', 'lung', 'bone'] });
    expect(byId.get('colorectal.lung-over-brain')!.observable).toMatchObject({ organs: ['lung', 'brain'] });
    expect(byId.get('pancreatic.liver-share')).toMatchObject({ min: 0.6, observable: { organs: ['liver'] } });
    expect(byId.get('pancreatic.lung-over-brain')!.observable).toMatchObject({ organs: ['lung', 'brain'] });
    expect(byId.get('lung.brain-share')).toMatchObject({ min: 0.15 });
    expect(byId.get('lung.bone-share')).toMatchObject({ min: 0.15 });
    for (const p of ['breast', 'prostate', 'colorectal', 'pancreatic', 'lung']) {
      expect(byId.get(`${p}.seeds-with-distant-metastasis`)).toMatchObject({ kind: 'interval', min: 0.8, observable: { type: 'fraction', metrics: ['metastases.distant'], atLeast: 1 } });
    }
    expect(byId.get('exosomes.blood-half-life')).toMatchObject({ min: 1, max: 30, observable: { metric: 'exosomes.bloodHalfLifeMinutes' } });
    expect(byId.get('ctc.blood-half-life')).toMatchObject({ min: 1, max: 2.4, observable: { metric: 'ctc.bloodHalfLifeHours' } });
  });

  it('cites its sources in full (journal, volume, pages) and holds back melanoma, HCC and gastric', () => {
    expect(byId.get('breast.organ-order')!.source).toMatch(/Oncotarget 2017;8\(17\):27990/);
    expect(byId.get('colorectal.organ-order')!.source).toMatch(/Oncotarget 2015;6\(36\):38658/);
    expect(byId.get('pancreatic.liver-share')!.source).toMatch(/Am J Cancer Res 2020;10\(5\):1477/);
    expect(byId.get('ctc.blood-half-life')!.source).toMatch(/Clin Cancer Res 2004;10\(24\):8152/);
    expect(byId.get('exosomes.blood-half-life')!.source).toMatch(/J Biotechnol 2013;165\(2\):77.*J Extracell Vesicles 2015;4:26316/);
    const presets = new Set(t.targets.map((x) => x.preset));
    for (const held of ['melanoma', 'hcc', 'gastric']) expect(presets.has(held)).toBe(false);
  });

  it('names, with today\'s engine, only the two metrics issue 12 adds as unknown', () => {
    const data = JSON.parse(readFileSync('targets/clinical.json', 'utf8'));
    const issues = issuesOf(data, { metrics: METRIC_NAMES, presets: PRESETS });
    for (const i of issues) expect(ISSUE_12_METRICS.some((m) => i.message.includes(`"${m}"`))).toBe(true);
    for (const i of issues) expect(i.path).toMatch(/^\/targets\/\d+\/observable\/metric$/);
  });

  it('has held-back targets in the same format', () => {
    const h = loadTargetsFile('targets/held-back.json', ctx);
    expect(new Set(h.targets.map((x) => x.preset))).toEqual(new Set(['melanoma', 'hcc', 'gastric']));
    expect(h.targets.find((x) => x.id === 'hcc.seeds-with-distant-metastasis')!.observable).toMatchObject({ metrics: ['metastases.lung', 'metastases.bone', 'metastases.brain'] });
  });
});

describe('target validation names the path of each problem', () => {
  it('suggests the key meant for an unknown key', () => {
    expect(issuesOf({ targets: [{ ...base, wieght: 2 }] })).toContainEqual({ path: '/targets/0/wieght', message: 'unknown key "wieght" (did you mean "weight"?)' });
  });

  it('rejects an unknown metric, preset or organ with a suggestion', () => {
    const issues = issuesOf({ targets: [
      { ...base, id: 'a', observable: { metric: 'metastases.lugn' } },
      { ...base, id: 'b', preset: 'breats' },
      { ...base, id: 'c', observable: { share: 'bones' } },
    ] });
    expect(issues.find((i) => i.path === '/targets/0/observable/metric')!.message).toMatch(/unknown metric "metastases.lugn" \(did you mean "metastases.lung"/);
    expect(issues.find((i) => i.path === '/targets/1/preset')!.message).toMatch(/did you mean "breast"/);
    expect(issues.find((i) => i.path === '/targets/2/observable/share')!.message).toMatch(/did you mean "bone"/);
  });

  it('checks each kind\'s fields', () => {
    const issues = issuesOf({ targets: [
      { ...base, id: 'a', min: 0.5, max: 0.2 },
      { ...base, id: 'b', kind: 'value', min: undefined, value: 3 },
      { ...base, id: 'c', kind: 'ordering', min: undefined },
      { ...base, id: 'd', kind: 'interval', min: undefined },
      { ...base, id: 'd', source: 'x' },
    ] });
    const paths = issues.map((i) => i.path);
    expect(paths).toContain('/targets/0/max');
    expect(paths).toContain('/targets/1/tolerance');
    expect(paths).toContain('/targets/2/observable');
    expect(paths).toContain('/targets/3');
    expect(paths).toContain('/targets/4/id');
    expect(paths).toContain('/targets/4/source');
  });

  it('reports a file that is not JSON with its name', () => {
    expect(() => loadTargetsFile('package-lock-not-there.json', ctx)).toThrow(/package-lock-not-there.json: \(top level\): cannot read the targets file: no such file/);
  });
});

const rows: MetricRow[] = [
  { 'metastases.lung': 2, 'metastases.liver': 0, 'metastases.bone': 1, 'metastases.brain': 0, x: 1 },
  { 'metastases.lung': 0, 'metastases.liver': 0, 'metastases.bone': 0, 'metastases.brain': 0, x: 3 },
  { 'metastases.lung': 1, 'metastases.liver': 0, 'metastases.bone': 0, 'metastases.brain': 0, x: 5 },
  { 'metastases.lung': 3, 'metastases.liver': 1, 'metastases.bone': 0, 'metastases.brain': 0, x: 7 },
];

function target(over: Partial<Target>): Target {
  return { id: 't', preset: 'breast', whatIfs: [], observable: { type: 'metric', metric: 'x' }, kind: 'interval', min: null, max: null, value: null, tolerance: null, margin: 0.01, scale: null, weight: 1, source: 's', note: null, ...over };
}

describe('effect targets (an experiment: the preset with what-ifs against the preset as written)', () => {
  it('observes the relative change of a metric\'s mean over the same seeds, and nothing when the baseline mean is 0', () => {
    const base = [{ 'metastases.lung': 4 }, { 'metastases.lung': 6 }];
    const arm = [{ 'metastases.lung': 1 }, { 'metastases.lung': 3 }];
    expect(observe({ type: 'change', metric: 'metastases.lung' }, arm, base)).toEqual([(2 - 5) / 5]);
    expect(observe({ type: 'change', metric: 'metastases.lung' }, arm, [{ 'metastases.lung': 0 }])[0]).toBeNaN();
    const t = target({ whatIfs: ['ko:itga6b4'], observable: { type: 'change', metric: 'metastases.lung' }, max: -0.2 });
    expect(targetDistance(t, [-0.6])).toBe(0);
    expect(targetDistance(t, [0.1])).toBeCloseTo(0.3, 12);
  });

  it('needs what-ifs for a change, runs each (preset, what-ifs) once and the baseline of every change', () => {
    const ctx = { metrics: ['metastases.lung', 'x'], presets: ['breast', 'pancreatic'] };
    const bad = () => validateTargets({ targets: [{ id: 'a', preset: 'breast', observable: { change: 'metastases.lung' }, kind: 'interval', max: -0.2, source: 'Hoshino et al. 2015' }] }, 'f.json', ctx);
    expect(bad).toThrow(/\/targets\/0\/whatIfs: a "change" observable compares the preset with what-ifs applied/);
    const file = validateTargets({ targets: [
      { id: 'a', preset: 'breast', whatIfs: ['ko:itga6b4'], observable: { change: 'metastases.lung' }, kind: 'interval', max: -0.2, source: 'Hoshino et al. 2015' },
      { id: 'b', preset: 'pancreatic', whatIfs: ['ko:mif'], observable: { change: 'metastases.lung' }, kind: 'interval', max: -0.2, source: 'Costa-Silva et al. 2015' },
      { id: 'c', preset: 'breast', observable: { metric: 'x' }, kind: 'interval', min: 0, source: 'a source text' },
    ] }, 'f.json', ctx);
    expect(runsOf(file).map((r) => r.key)).toEqual(['breast', 'breast|ko:itga6b4', 'pancreatic', 'pancreatic|ko:mif']);
    expect(file.targets.map(runKeyOf)).toEqual(['breast|ko:itga6b4', 'pancreatic|ko:mif', 'breast']);
  });
});

describe('observables', () => {
  it('pools metastases over seeds for shares, or counts involved seeds', () => {
    const among = ['lung', 'liver', 'bone', 'brain'];
    expect(observe({ type: 'shares', organs: ['lung', 'bone', 'liver'], among, pool: 'metastases' }, rows)).toEqual([6 / 8, 1 / 8, 1 / 8]);
    // seeds involved: lung 3, liver 1, bone 1 → 3/5, 1/5, 1/5
    expect(observe({ type: 'shares', organs: ['lung', 'bone', 'liver'], among, pool: 'seeds' }, rows)).toEqual([3 / 5, 1 / 5, 1 / 5]);
  });

  it('counts the fraction of seeds meeting a condition on a summed metric', () => {
    expect(observe({ type: 'fraction', metrics: ['metastases.distant'], atLeast: 1, atMost: null }, rows)).toEqual([0.75]);
    expect(observe({ type: 'fraction', metrics: ['metastases.liver', 'metastases.bone'], atLeast: 1, atMost: null }, rows)).toEqual([0.5]);
  });

  it('averages a metric over seeds and takes a ratio of the means', () => {
    expect(observe({ type: 'metric', metric: 'x' }, rows)).toEqual([4]);
    expect(observe({ type: 'ratio', numerator: 'metastases.lung', denominator: 'x' }, rows)).toEqual([1.5 / 4]);
    expect(observe({ type: 'ratio', numerator: 'metastases.brain', denominator: 'metastases.brain' }, rows)[0]).toBeNaN();
  });
});

describe('distances', () => {
  it('is 0 inside an interval and a hinge outside it, scaled by the bound (or 1 for proportions)', () => {
    const t = target({ min: 2, max: 10 });
    expect(targetDistance(t, [5])).toBe(0);
    expect(targetDistance(t, [1])).toBeCloseTo(0.5, 15);
    expect(targetDistance(t, [15])).toBeCloseTo(0.5, 15);
    const share = target({ observable: { type: 'shares', organs: ['bone'], among: ['bone', 'lung'], pool: 'metastases' }, min: 0.3 });
    expect(targetDistance(share, [0.1])).toBeCloseTo(0.2, 15);
  });

  it('measures a value target in tolerances beyond the tolerance', () => {
    const t = target({ kind: 'value', value: 10, tolerance: 2 });
    expect(targetDistance(t, [11.5])).toBe(0);
    expect(targetDistance(t, [16])).toBeCloseTo(2, 15);
  });

  it('averages ordering violations over neighbours, with ties not met', () => {
    const t = target({ kind: 'ordering', observable: { type: 'shares', organs: ['a', 'b', 'c'], among: ['a', 'b', 'c'], pool: 'metastases' } });
    expect(targetDistance(t, [0.5, 0.3, 0.2])).toBe(0);
    expect(targetDistance(t, [0.2, 0.5, 0.3])).toBeCloseTo((0.31) / 2, 12);
    expect(targetDistance(t, [0, 0, 0])).toBeCloseTo(0.01, 12);
  });

  it('weights the total by target weight, and counts an undefined observable as 1', () => {
    const a = target({ weight: 1 });
    const b = target({ weight: 3 });
    expect(totalDistance([a, b], [1, 0.2])).toBeCloseTo((1 + 0.6) / 4, 15);
    expect(targetDistance(a, [NaN])).toBe(1);
  });

  it('bootstraps a 95% band over seeds that contains the estimate and is repeatable', () => {
    const t = target({ observable: { type: 'metric', metric: 'x' }, min: 3 });
    const c = checkTarget(t, rows, 5);
    expect(c.values).toEqual([4]);
    expect(c.met).toBe(true);
    expect(c.band[0][0]).toBeLessThan(4);
    expect(c.band[0][1]).toBeGreaterThan(4);
    expect(c.band[0][0]).toBeGreaterThanOrEqual(1);
    expect(c.band[0][1]).toBeLessThanOrEqual(7);
    expect(c.metShare).toBeGreaterThan(0.5);
    expect(c.metShare).toBeLessThan(1);
    expect(checkTarget(t, rows, 5)).toEqual(c);
    const same = checkTarget(t, rows.map(() => rows[0]), 5);
    expect(same.band[0]).toEqual([1, 1]);
  });
});
