import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../src/scenario/errors';
import { parseScenario, resolveScenario } from '../src/scenario/resolve';
import { scenarioSchema } from '../src/scenario/schema';
import { readFileSync } from 'node:fs';
import { scenarioJson } from './helpers';

function issuesOf(data: unknown): { path: string; message: string }[] {
  try {
    resolveScenario(data, 'scenarios/bad.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as Error).message.startsWith('scenarios/bad.json: ')).toBe(true);
    return [...(err as ScenarioError).issues];
  }
  throw new Error('expected the scenario to be rejected');
}

const base = () => scenarioJson('breast');

describe('scenario validation', () => {
  it('names the path of an unknown key and suggests the right one', () => {
    const issues = issuesOf({ ...base(), populations: { tumourCels: 10 } });
    expect(issues).toEqual([{ path: '/populations/tumourCels', message: 'unknown key "tumourCels" (did you mean "tumourCells"?)' }]);
  });

  it('names the path of an unknown module parameter', () => {
    const issues = issuesOf({ ...base(), modules: { 'exosome-fate': { halfLife: 3 } } });
    expect(issues[0].path).toBe('/modules/exosome-fate/halfLife');
    expect(issues[0].message).toContain('did you mean "halfLifeHours"');
  });

  it('reports a wrong type at its path', () => {
    const issues = issuesOf({ ...base(), seed: 'seven' });
    expect(issues).toEqual([{ path: '/seed', message: 'expected integer, got "seven"' }]);
  });

  it('reports a value out of range with the allowed range and unit', () => {
    const issues = issuesOf({ ...base(), modules: { 'exosome-fate': { halfLifeHours: -1 } } });
    expect(issues[0].path).toBe('/modules/exosome-fate/halfLifeHours');
    expect(issues[0].message).toBe('-1 is out of range: expected 0.01 to 100000 (hours)');
  });

  it('rejects an unknown cargo id with a suggestion', () => {
    const issues = issuesOf({ ...base(), cargo: ['mir-25-3', 'mif'] });
    expect(issues[0].path).toBe('/cargo/0');
    expect(issues[0].message).toContain('unknown cargo id "mir-25-3"');
    expect(issues[0].message).toContain('"mir-25-3p"');
  });

  it('rejects an unknown cancer type with a suggestion', () => {
    const issues = issuesOf({ ...base(), cancerType: 'braest' });
    expect(issues).toEqual([{ path: '/cancerType', message: 'unknown cancer type "braest" (did you mean "breast"?)' }]);
  });

  it('rejects a malformed what-if, an unknown population and an unknown effect at their paths', () => {
    const issues = issuesOf({ ...base(), whatIfs: ['ko-mif', 'deplete:nks@10', 'block:tcell.supress@0=1'] });
    expect(issues.map((i) => i.path)).toEqual(['/whatIfs/0', '/whatIfs/1', '/whatIfs/2']);
    expect(issues[1].message).toContain('did you mean "nk"');
    expect(issues[2].message).toContain('did you mean "tcell.suppress"');
  });

  it('names the file and says where JSON syntax breaks', () => {
    expect(() => parseScenario('{"name": "x",', 'scenarios/broken.json')).toThrow(/^scenarios\/broken\.json: \(top level\): not valid JSON/);
  });

  it('resolves a good scenario with every default filled and the cancer type’s cargo packaged', () => {
    const c = resolveScenario(base(), 'scenarios/breast.json', { seed: 0 });
    expect(c.seed).toBe(0); // 0 is a real seed, never replaced
    expect(c.drainage).toEqual({ caval: 0.8, vertebral: 0.2 });
    expect(c.cargo.length).toBeGreaterThan(10);
    expect(c.cargo).toContain('mir-122');
    expect(Object.isFrozen(c.modules)).toBe(true);
    expect(c.modules['exosome-fate'].halfLifeHours).toBe(10);
  });

  it('applies ko, ki and dose what-ifs to the packaged cargo', () => {
    const c = resolveScenario({ ...base(), whatIfs: ['ko:mir-122', 'ki:mif', 'dose:mir-10b=2'] }, 'x.json');
    expect(c.cargo).not.toContain('mir-122');
    expect(c.cargo).toContain('mif');
    expect(c.doses['mir-10b']).toBe(2);
  });

  it('ships a scenario.schema.json identical to the schema the code builds', () => {
    const onDisk = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8'));
    expect(onDisk).toEqual(scenarioSchema());
  });

  it('builds a valid draft-07 JSON Schema (the validator skips this check to compile faster)', () => {
    const ajv = new Ajv({ strict: true, strictTypes: false, allowUnionTypes: true });
    expect(ajv.validateSchema(scenarioSchema()), JSON.stringify(ajv.errors)).toBe(true);
  });
});
