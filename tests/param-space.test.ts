import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ParamSelectionError, allParams, applyFragment, fragmentOf, fromUnit, isSchematic, paramDim, selectParams, toUnit,
} from '../src/calibrate/param-space';
import { fragmentConfig, pointConfig } from '../src/calibrate/point-config';
import type { ParamSpec } from '../src/engine/params';
import { MODULES } from '../src/engine/schedule';
import { ScenarioError } from '../src/scenario/errors';
import { POPULATION_PARAMS, WORLD_PARAMS } from '../src/world/world-params';

const spec = (over: Partial<ParamSpec>): ParamSpec => ({ default: 1, min: 0, max: 1e6, unit: 'u', doc: 'd', source: 'schematic: test', ...over });
const breast = () => JSON.parse(readFileSync('scenarios/breast.json', 'utf8')) as Record<string, unknown>;

describe('the parameter space', () => {
  it('has one id per spec, named as in a scenario file', () => {
    const ids = allParams().map((d) => d.id);
    const moduleCount = MODULES.reduce((s, m) => s + Object.keys(m.params).length, 0);
    expect(ids).toHaveLength(moduleCount + Object.keys(WORLD_PARAMS).length + Object.keys(POPULATION_PARAMS).length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('modules.emt-invasion.intravasationRatePerHour');
    expect(ids).toContain('world.vegfDecayPerHour');
    expect(ids).toContain('populations.nkCells');
  });

  it('selects all, the schematic ones, or a list in the order given', () => {
    expect(selectParams('all').length).toBe(allParams().filter((d) => d.lo < d.hi).length);
    const schematic = selectParams('schematic');
    expect(schematic.every(isSchematic)).toBe(true);
    expect(schematic.length).toBe(allParams().filter((d) => isSchematic(d) && d.lo < d.hi).length);
    expect(selectParams('world.ecmInitial,populations.nkCells').map((d) => d.id)).toEqual(['world.ecmInitial', 'populations.nkCells']);
  });

  it('rejects an unknown or repeated id with a suggestion', () => {
    expect(() => selectParams('world.ecmInital')).toThrow(ParamSelectionError);
    expect(() => selectParams('world.ecmInital')).toThrow(/did you mean "world.ecmInitial"/);
    expect(() => selectParams('world.ecmInitial,world.ecmInitial')).toThrow(/given twice/);
  });

  it('uses a documented range before [min, max], and refuses one outside [min, max]', () => {
    const d = paramDim('world', null, 'x', spec({ range: [2, 8] }));
    expect([d.lo, d.hi, d.documented]).toEqual([2, 8, true]);
    const f = paramDim('world', null, 'x', spec({}));
    expect([f.lo, f.hi, f.documented]).toEqual([0, 1e6, false]);
    expect(() => paramDim('world', null, 'x', spec({ range: [-1, 8] }))).toThrow(/inside \[0, 1000000\]/);
  });

  it('log-scales a positive range spanning two decades, and only that', () => {
    expect(paramDim('world', null, 'x', spec({ range: [1, 100] })).log).toBe(true);
    expect(paramDim('world', null, 'x', spec({ range: [1, 99] })).log).toBe(false);
    expect(paramDim('world', null, 'x', spec({ range: [0, 1e6] })).log).toBe(false);
    const d = paramDim('world', null, 'x', spec({ range: [0.01, 100] }));
    expect(fromUnit(d, 0)).toBe(0.01);
    expect(fromUnit(d, 1)).toBe(100);
    expect(fromUnit(d, 0.5)).toBeCloseTo(1, 12);
    expect(fromUnit(d, 0.25)).toBeCloseTo(0.1, 12);
    expect(toUnit(d, 10)).toBeCloseTo(0.75, 12);
  });

  it('maps linear ranges linearly, rounds integers and clamps to the unit cube', () => {
    const lin = paramDim('world', null, 'x', spec({ range: [10, 20] }));
    expect(fromUnit(lin, 0.3)).toBeCloseTo(13, 12);
    expect(toUnit(lin, 13)).toBeCloseTo(0.3, 12);
    expect(fromUnit(lin, 1.5)).toBe(20);
    const int = paramDim('populations', null, 'n', spec({ range: [10, 20], integer: true }));
    expect(fromUnit(int, 0.33)).toBe(13);
    expect(fromUnit(int, 0.36)).toBe(14);
  });
});

describe('a point is a scenario fragment, validated like any scenario', () => {
  const space = selectParams('modules.emt-invasion.intravasationRatePerHour,world.ecmInitial,populations.nkCells');

  it('writes the values into modules, world and populations', () => {
    expect(fragmentOf(space, [0.5, 2, 30])).toEqual({ modules: { 'emt-invasion': { intravasationRatePerHour: 0.5 } }, world: { ecmInitial: 2 }, populations: { nkCells: 30 } });
  });

  it('keeps the rest of the scenario and the file\'s own module values', () => {
    const data = { ...breast(), modules: { 'emt-invasion': { switchRatePerHour: 0.123 } } };
    const out = applyFragment(data, fragmentOf(space, [0.5, 2, 30])) as { modules: Record<string, Record<string, number>>; extraCargo: string[] };
    expect(out.modules['emt-invasion']).toEqual({ switchRatePerHour: 0.123, intravasationRatePerHour: 0.5 });
    expect(out.extraCargo).toEqual(['itga6b4', 'itga6b1']);
    expect(data.modules['emt-invasion']).toEqual({ switchRatePerHour: 0.123 });
  });

  it('resolves a point into a run configuration with those values', () => {
    const arm = pointConfig(breast(), 'scenarios/breast.json', space, [0, 0.5, 1], 'point 0', 40);
    expect(arm.config.modules['emt-invasion'].intravasationRatePerHour).toBe(space[0].lo);
    expect(arm.config.world.ecmInitial).toBe(fromUnit(space[1], 0.5));
    expect(arm.config.populations.nkCells).toBe(space[2].hi);
    expect(arm.config.ticks).toBe(40);
    expect(arm.scenarioHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('names the file, the point and the path of a value the schema rejects', () => {
    const bad = { modules: { 'emt-invasion': { intravasationRatePerHour: -1 } }, world: {}, populations: {} };
    expect(() => fragmentConfig(breast(), 'scenarios/breast.json', bad, 'design point 7')).toThrow(ScenarioError);
    expect(() => fragmentConfig(breast(), 'scenarios/breast.json', bad, 'design point 7'))
      .toThrow('scenarios/breast.json (design point 7): /modules/emt-invasion/intravasationRatePerHour: -1 is out of range');
  });
});
