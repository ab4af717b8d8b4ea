import { describe, expect, it } from 'vitest';
import { exportStem, metricsCsv, metricsJson } from '../src/app/export-data';
import { referencesForStep } from '../src/app/references';
import { SeriesStore } from '../src/app/series-store';
import { STEPS, organOfMetric, stepOfMetric } from '../src/app/steps';
import { LessonWatch } from '../src/app/ui/lesson';
import { METRIC_NAMES } from '../src/engine/metrics';
import { cargoForCancerType } from '../src/catalog/index';
import type { SimEvent } from '../src/engine/events';

function store(names: string[], rows: number[][]): SeriesStore {
  const s = new SeriesStore();
  s.reset(names);
  s.push(0, Float64Array.from(rows.flat()));
  return s;
}

/** A metastasis event as the engine records one. */
const METASTASIS: SimEvent = {
  tick: 1, type: 'metastasis', module: 'colonisation',
  data: { organ: 'lung', x: 1, y: 2, colony: 3, lineage: 4, clone: 0, leftTick: 0, cloaked: false, arrestedIn: 'lung', nicheOnArrival: 0.5, invadedTick: 0, arrestedTick: 0, extravasatedTick: 1, foundedTick: 1, primingCargo: [] },
};

describe('metric history on the page', () => {
  it('stores rows by tick, overwriting overlaps and growing past its initial capacity', () => {
    const s = store(['a', 'b'], [[1, 10], [2, 20]]);
    s.push(1, Float64Array.from([3, 30, 4, 40]));
    expect(s.length).toBe(3);
    expect(Array.from(s.column('a'))).toEqual([1, 3, 4]);
    const many = Float64Array.from({ length: 2 * 1000 }, (_, i) => i);
    s.push(3, many);
    expect(s.length).toBe(1003);
    expect(s.latest('b')).toBe(1999);
    expect(Array.from(s.ticks().subarray(0, 3))).toEqual([0, 1, 2]);
    expect(s.column('missing').length).toBe(0);
  });

  it('exports the CLI\'s tidy long CSV: one row per tick and metric, each naming its run (seed, scenario hash, versions, what-ifs)', () => {
    const run = { scenario: 'scenarios/breast.json', scenarioName: 'Breast cancer', scenarioHash: 'h1', seed: 7, whatIfs: ['ko:a', 'dose:b=2'], tick: 1, stateHash: 's', engineVersion: 'e', catalogVersion: 'c', tickHours: 0.5 };
    const csv = metricsCsv(store(['x.one', 'y'], [[0, 0.5], [3, 1.25]]), run);
    expect(csv).toBe([
      'seed,tick,hours,metric,value,scenario_hash,engine_version,catalog_version,what_ifs',
      '7,0,0,x.one,0,h1,e,c,"ko:a,dose:b=2"',
      '7,0,0,y,0.5,h1,e,c,"ko:a,dose:b=2"',
      '7,1,0.5,x.one,3,h1,e,c,"ko:a,dose:b=2"',
      '7,1,0.5,y,1.25,h1,e,c,"ko:a,dose:b=2"',
      '',
    ].join('\n'));
  });

  it('exports JSON with series by name, events and the run identity', () => {
    const run = { scenario: 'scenarios/breast.json', scenarioName: 'Breast cancer', scenarioHash: 'h', seed: 7, whatIfs: ['ko:a'], tick: 1, stateHash: 's', engineVersion: 'e', catalogVersion: 'c', tickHours: 2 };
    const doc = JSON.parse(metricsJson(store(['m'], [[1], [2]]), [METASTASIS], run));
    expect(doc.series).toEqual({ m: [1, 2] });
    expect(doc.run.seed).toBe(7);
    expect(doc.events).toHaveLength(1);
    expect(exportStem(run)).toBe('exocascade-breast-cancer-seed7-t1');
  });
});

describe('five-step cards and lesson checkpoints', () => {
  it('puts the brief\'s metric prefixes on their step and leaves primary uptake off organotropism', () => {
    expect(stepOfMetric('emt.fraction')?.step).toBe(1);
    expect(stepOfMetric('ctc.intravasated')?.step).toBe(1);
    expect(stepOfMetric('vessels.sprouts')?.step).toBe(2);
    expect(stepOfMetric('ctc.killed.nk')?.step).toBe(3);
    expect(stepOfMetric('exosomes.uptake.lung')?.step).toBe(4);
    expect(stepOfMetric('exosomes.uptake.primary')).toBeNull();
    expect(stepOfMetric('metastases.total')?.step).toBe(5);
    expect(stepOfMetric('cells.primary')).toBeNull();
    expect(organOfMetric('niche.lymph-node', ['lung', 'lymph-node'])).toBe('lymph-node');
  });

  it('gives every step a question with exactly one right answer', () => {
    for (const s of STEPS) expect(s.question.choices.filter((c) => c.correct)).toHaveLength(1);
  });

  it('fires a milestone once, on the tick a matching metric first rises above zero', () => {
    const names = ['emt.fraction', 'exosomes.uptake.primary', 'exosomes.uptake.liver', 'ctc.killed.nk', 'ctc.cloaked'];
    const s = store(names, [[0, 5, 0, 0, 0], [0, 6, 0, 0, 0], [0.1, 7, 2, 0, 0], [0, 8, 3, 1, 1]]);
    const w = new LessonWatch();
    w.reset(names);
    const reached = w.check(s, -1, 3);
    expect(reached.map((r) => [r.milestone.id, r.tick, r.metric])).toEqual([
      ['emt', 2, 'emt.fraction'], ['primed', 2, 'exosomes.uptake.liver'], ['killed', 3, 'ctc.killed.nk'], ['cloaked', 3, 'ctc.cloaked'],
    ]);
    expect(w.check(s, -1, 3)).toEqual([]);
    expect(w.unobservable().map((m) => m.id).sort()).toEqual(['metastasis', 'sprout']);
  });

  it('can observe every milestone with the engine\'s current metrics', () => {
    const w = new LessonWatch();
    w.reset(METRIC_NAMES);
    expect(w.unobservable()).toEqual([]);
  });

  it('cites the review\'s references for the cargo acting in a step', () => {
    const cargo = cargoForCancerType('breast').map((c) => c.id);
    const refs = referencesForStep(2, cargo);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.some((r) => r.cargo.includes('miR-105'))).toBe(true);
    expect(referencesForStep(2, [])).toEqual([]);
  });
});
