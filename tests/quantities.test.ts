import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../src/engine/schedule';
import type { ParamSpec } from '../src/engine/params';
import { ScenarioError } from '../src/scenario/errors';
import { quantityIn } from '../src/scenario/quantity';
import { scenarioHash } from '../src/scenario/resolve';
import { scenarioSchema } from '../src/scenario/schema';
import { VALIDATOR_OPTIONS } from '../src/scenario/validator';
import { config, scenarioJson } from './helpers';

// Quantities with units in scenario files: converted once, at resolution, to each parameter's
// own unit; a wrong dimension is an error at its path.

/** The first module parameter whose unit is `unit`, with its module id. */
function paramWithUnit(unit: string): { id: string; name: string; spec: ParamSpec } {
  for (const m of MODULES) for (const [name, spec] of Object.entries(m.params)) if (spec.unit === unit) return { id: m.id, name, spec };
  throw new Error(`no module parameter in ${unit}`);
}

/** Each physical unit, a value of it written in another unit of the same dimension. */
const WRITTEN: Record<string, (v: number) => string> = {
  'per hour': (v) => `${v * 24} /d`,
  hours: (v) => `${v * 60} min`,
  'µm': (v) => `${v / 1000} mm`,
  'µm²/h': (v) => `${v / 1e6} mm^2/h`,
};

/** The breast preset with some module parameters set. */
const withModules = (modules: Record<string, Record<string, unknown>>) => ({ modules }) as Record<string, unknown>;

function issuesOf(f: () => unknown): { path: string; message: string }[] {
  try {
    f();
  } catch (err) {
    if (err instanceof ScenarioError) return [...err.issues];
    throw err;
  }
  throw new Error('no ScenarioError');
}

describe('quantities in scenario files', () => {
  it('converts a world parameter in µm/h written in another unit (no module has one)', () => {
    const c = config('breast', {}, { world: { bedSpeedUmPerHour: '4.8 mm/d' } });
    expect(c.world.bedSpeedUmPerHour).toBeCloseTo(200, 10);
  });

  for (const [unit, write] of Object.entries(WRITTEN)) {
    it(`converts a ${unit} parameter written in another unit, to the number it stands for`, () => {
      const { id, name, spec } = paramWithUnit(unit);
      const v = Math.min(spec.max, spec.default * 1.5 || 1);
      const text = write(v);
      const c = config('breast', {}, withModules({ [id]: { [name]: text } }));
      const n = config('breast', {}, withModules({ [id]: { [name]: v } }));
      expect(c.modules[id][name], text).toBeCloseTo(v, 10);
      expect(c.modules[id][name]).not.toBe(spec.default);
      // Everything else is what the same value written as a number gives.
      expect({ ...c.modules[id], [name]: 0 }).toEqual({ ...n.modules[id], [name]: 0 });
    });
  }

  it('gives the same config and scenario hash as numbers when the quantity is exact', () => {
    const { id, name } = paramWithUnit('hours');
    const c = config('breast', {}, withModules({ [id]: { [name]: '1.5 d' } }));
    const n = config('breast', {}, withModules({ [id]: { [name]: 36 } }));
    expect(c).toEqual(n);
    expect(scenarioHash(c)).toBe(scenarioHash(n));
  });

  it('reports a wrong dimension, a unit on a dimensionless value and a time on a tick count at their paths', () => {
    const rate = paramWithUnit('per hour');
    const count = MODULES.flatMap((m) => Object.entries(m.params).map(([name, spec]) => ({ id: m.id, name, spec }))).find((p) => p.spec.unit === '1')!;
    const issues = issuesOf(() => config('breast', {}, withModules({ [rate.id]: { [rate.name]: '3 um' }, [count.id]: { [count.name]: '2 h' } })));
    expect(issues).toContainEqual({ path: `/modules/${rate.id}/${rate.name}`, message: expect.stringContaining('"3 um" cannot be converted to per hour: it has another dimension') });
    expect(issues).toContainEqual({ path: `/modules/${count.id}/${count.name}`, message: expect.stringContaining('this value is dimensionless') });
    expect(() => quantityIn('2 h', 'ticks')).toThrow('depend on the tick length');
    expect(() => quantityIn('two hours', 'hours')).toThrow('"two hours" is not a quantity');
  });

  it('checks the range on the converted value and shows what the file says', () => {
    const { id, name, spec } = paramWithUnit('hours');
    const issues = issuesOf(() => config('breast', {}, withModules({ [id]: { [name]: `${(spec.max + 1) / 24} d` } })));
    expect(issues).toEqual([{ path: `/modules/${id}/${name}`, message: expect.stringMatching(new RegExp(`^"${(spec.max + 1) / 24} d" \\(= ${spec.max + 1}\\) is out of range: expected ${spec.min} to ${spec.max} \\(hours\\)`)) }]);
  });

  it('has a JSON Schema that accepts the string form where a parameter has a physical unit (and only there)', () => {
    const validate = new Ajv(VALIDATOR_OPTIONS).compile(scenarioSchema());
    const hours = paramWithUnit('hours');
    const file = { ...scenarioJson('breast'), ticks: undefined, tickHours: '90 min', duration: '25 d', modules: { [hours.id]: { [hours.name]: '1.5 d' } } };
    expect(validate(JSON.parse(JSON.stringify(file))), JSON.stringify(validate.errors)).toBe(true);
    const count = MODULES.flatMap((m) => Object.entries(m.params).map(([name, spec]) => ({ id: m.id, name, spec }))).find((p) => p.spec.unit === 'cells')!;
    expect(validate({ ...scenarioJson('breast'), modules: { [count.id]: { [count.name]: '3 cells' } } })).toBe(false);
  });
});

describe('tick length and run length', () => {
  it('takes tickHours and duration as times; duration fixes the simulated time', () => {
    const c = config('breast', {}, { ticks: undefined, tickHours: '90 min', duration: '25 d' });
    expect([c.tickHours, c.ticks]).toEqual([1.5, 400]);
    const hours = config('breast', {}, { ticks: undefined, duration: 48 });
    expect([hours.tickHours, hours.ticks]).toEqual([2, 24]);
  });

  it('refuses ticks and duration together', () => {
    expect(issuesOf(() => config('breast', {}, { ticks: 300, duration: '25 d' }))).toEqual([{ path: '/duration', message: 'give the run length either as "ticks" or as "duration", not both' }]);
  });

  it('keeps the simulated time when the tick length is overridden, unless ticks are given too', () => {
    const base = config('breast');
    expect([base.tickHours, base.ticks]).toEqual([2, 300]);
    for (const [tickHours, ticks] of [[0.5, 1200], [1, 600], ['30 min', 1200], ['4 h', 150], [7, 86]] as const) {
      const c = config('breast', { tickHours });
      expect(c.ticks * c.tickHours, String(tickHours)).toBeCloseTo(600, -1);
      expect(c.ticks).toBe(ticks);
    }
    expect(config('breast', { tickHours: 1, ticks: 50 }).ticks).toBe(50);
    expect(issuesOf(() => config('breast', { tickHours: '3 um' }))).toEqual([{ path: '--tick-hours', message: expect.stringContaining('cannot be converted to hours') }]);
    expect(issuesOf(() => config('breast', { tickHours: 100 }))).toEqual([{ path: '--tick-hours', message: '100 is out of range: expected 0.05 to 48 hours' }]);
  });

  it('puts a what-if time with a unit on the nearest tick of the run\'s tick length; a bare number stays a tick', () => {
    const at2h = config('breast', { whatIfs: ['deplete:nk@2d', 'block-secretion@36h=0.5', 'block:tcell.suppress@100=1'] });
    expect(at2h.whatIfs.map((w) => ('tick' in w ? w.tick : null))).toEqual([24, 18, 100]);
    const at4h = config('breast', { tickHours: 4, whatIfs: ['deplete:nk@2d', 'block-secretion@36h=0.5', 'block:tcell.suppress@100=1'] });
    expect(at4h.whatIfs.map((w) => ('tick' in w ? w.tick : null))).toEqual([12, 9, 100]);
    // Rounded to the nearest tick: 3 h at 2-h ticks is tick 2 (Math.round(1.5)).
    expect(config('breast', { whatIfs: ['deplete:nk@3h'] }).whatIfs).toEqual([{ op: 'deplete', population: 'nk', tick: 2, fraction: 1 }]);
    // The resolved config is the one a tick would give: same scenario hash.
    expect(scenarioHash(at2h)).toBe(scenarioHash(config('breast', { whatIfs: ['deplete:nk@24', 'block-secretion@18=0.5', 'block:tcell.suppress@100=1'] })));
    expect(issuesOf(() => config('breast', { whatIfs: ['deplete:nk@2 um'] }))).toEqual([{ path: '--what-if #1', message: expect.stringContaining('the time after @ must be a tick') }]);
  });
});
