import { describe, expect, it } from 'vitest';
import { exportStem, metricsCsv, metricsJson } from '../src/app/export-data';
import { referencesForStep } from '../src/app/references';
import { SeriesStore } from '../src/app/series-store';
import { STEPS, organOfMetric, stepOfMetric } from '../src/app/steps';
import { LessonPlan } from '../src/app/lesson/lesson-plan';
import { momentText } from '../src/app/lesson/lesson-texts';
import { METRIC_NAMES } from '../src/engine/metrics';
import { cargoForCancerType } from '../src/catalog/index';
import type { SimEvent } from '../src/engine/events';

function store(names: readonly string[], rows: number[][]): SeriesStore {
  const s = new SeriesStore();
  s.reset(names);
  s.push(0, Float64Array.from(rows.flat()));
  return s;
}

/** A metastasis event as the engine records one. */
const METASTASIS: SimEvent = {
  tick: 1, type: 'metastasis', module: 'colonisation',
  data: { organ: 'lung', x: 1, y: 2, colony: 3, lineage: 4, clone: 0, leftTick: 0, shedFrom: 'primary', cloaked: false, arrestedIn: 'lung', nicheOnArrival: 0.5, invadedTick: 0, arrestedTick: 0, extravasatedTick: 1, foundedTick: 1, primingCargo: [] },
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
    expect(stepOfMetric('ctc.shed.liver')?.step).toBe(5);
    expect(stepOfMetric('cells.primary')).toBeNull();
    expect(organOfMetric('niche.lymph-node', ['lung', 'lymph-node'])).toBe('lymph-node');
  });

  it('gives every step a question with exactly one right answer', () => {
    for (const s of STEPS) expect(s.question.choices.filter((c) => c.correct)).toHaveLength(1);
  });

  it('opens the five steps in the cascade\'s order, each once, at the first rise at or after the step before', () => {
    const names = ['cells.invading', 'ctc.intravasated', 'vessels.sprouts', 'ctc.killed.shear', 'ctc.cloaked.total', 'ctc.arrested.lung', 'ctc.arrested.systemic', 'metastases.lung', 'metastases.total'];
    // A sprout (tick 1) and a kill (tick 2) come before the first invasion (tick 3): the lesson still goes 1 → 2 → 3.
    const rows = [
      [0, 0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 1, 0, 0, 0, 1, 0, 0],
      [0, 0, 1, 1, 0, 0, 1, 0, 0],
      [2, 0, 1, 1, 0, 0, 1, 0, 0],
      [2, 1, 2, 1, 1, 0, 1, 0, 0],
      [1, 1, 2, 1, 1, 1, 2, 0, 0],
      [1, 1, 3, 2, 1, 1, 2, 1, 1],
    ];
    const plan = new LessonPlan();
    plan.reset(names, ['lung']);
    expect(plan.check(store(names, rows.slice(0, 4)), -1, 3).map((m) => [m.step, m.tick, m.metric])).toEqual([[1, 3, 'cells.invading']]);
    const s = store(names, rows);
    const rest = plan.check(s, 3, 6);
    expect(rest.map((m) => [m.step, m.tick, m.metric, m.organ])).toEqual([
      [2, 4, 'vessels.sprouts', null], [3, 4, 'ctc.cloaked.total', null], [4, 5, 'ctc.arrested.lung', 'lung'], [5, 6, 'metastases.lung', 'lung'],
    ]);
    expect(plan.done).toBe(true);
    expect(plan.check(s, -1, 6)).toEqual([]);
  });

  it('started mid-run, opens step 1 at the next invasion; at the end of the run, shows the steps left as "not yet"', () => {
    const names = ['cells.invading', 'vessels.sprouts', 'metastases.lung'];
    const s = store(names, [[0, 0, 0], [1, 1, 0], [1, 1, 0], [2, 1, 0], [2, 2, 0]]);
    const plan = new LessonPlan();
    plan.reset(names, ['lung'], 2);
    expect(plan.check(s, 1, 4).map((m) => [m.step, m.tick])).toEqual([[1, 3], [2, 4]]);
    expect(plan.finish(4).map((m) => [m.step, m.tick, m.notYet])).toEqual([[3, 4, true], [4, 4, true], [5, 4, true]]);
    expect(plan.moments.map((m) => m.step)).toEqual([1, 2, 3, 4, 5]);
  });

  it('can open every step with the engine\'s current metrics', () => {
    const organs = ['lung', 'liver', 'bone', 'brain', 'lymph-node'];
    const rows = [METRIC_NAMES.map(() => 0), METRIC_NAMES.map(() => 1)];
    const plan = new LessonPlan();
    plan.reset(METRIC_NAMES, organs);
    expect(plan.check(store(METRIC_NAMES, rows), 0, 1).map((m) => m.step)).toEqual([1, 2, 3, 4, 5]);
  });

  it('names the actual killer of a CTC in step 3\'s text, and every killer when several die in one tick', () => {
    const names = ['ctc.killed.nk', 'ctc.killed.t', 'ctc.killed.shear', 'ctc.cloaked.total'];
    const s = store(names, [[0, 0, 0, 0], [0, 0, 1, 0], [1, 0, 3, 1]]);
    const kill = (tick: number, killer: 'nk' | 't' | 'shear'): SimEvent => ({ tick, type: 'ctc-killed', module: 'ctc-transit', data: { x: 0, y: 0, vessel: 0, killer, lineage: 1, cloaked: false } });
    // The kills of the tick that made metrics row t carry tick t − 1.
    const ctx = { store: s, events: [kill(0, 'shear'), kill(1, 'nk'), kill(1, 'shear'), kill(1, 'shear')], tickHours: 2, organs: [], vesselName: () => 'vena cava' };
    const one = momentText({ step: 3, tick: 1, metric: 'ctc.killed.shear', organ: null, notYet: false }, ctx);
    expect(one).toMatch(/^On day 0.1 a circulating tumour cell was killed by shear stress in the vena cava\./);
    expect(one).not.toMatch(/immune/);
    const many = momentText({ step: 3, tick: 2, metric: 'ctc.killed.nk', organ: null, notYet: false }, ctx);
    expect(many).toContain('3 circulating tumour cells were killed: 1 by an NK cell and 2 by shear stress, and platelets cloaked a circulating tumour cell.');
    expect(many).toContain('So far: killed by NK cells 1, by T cells 0, by shear stress 3; 1 cell cloaked by platelets.');
  });

  it('cites the review\'s references for the cargo acting in a step', () => {
    const cargo = cargoForCancerType('breast').map((c) => c.id);
    const refs = referencesForStep(2, cargo);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.some((r) => r.cargo.includes('miR-105'))).toBe(true);
    expect(referencesForStep(2, [])).toEqual([]);
  });
});
