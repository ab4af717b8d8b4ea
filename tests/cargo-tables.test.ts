import { describe, expect, it } from 'vitest';
import { cargoForCancerType, getCargo } from '../src/catalog/index';
import { CargoTables, effectIndex } from '../src/engine/cargo-tables';

const rules = { effectPerEntry: 0.5, assumedEffects: true };
const levelOf = (ids: string[], effect: Parameters<typeof effectIndex>[0], doses: Record<string, number> = {}, r = rules) => {
  const t = new CargoTables(ids, doses, r);
  return t.strength(t.addProfile(ids), effectIndex(effect));
};
const ofType = (type: Parameters<typeof cargoForCancerType>[0]) => cargoForCancerType(type).map((c) => c.id);

describe('cargo effect levels', () => {
  it('combine like independent chances: 1 − Π(1 − aᵢ), with aᵢ = u · strength · evidence weight', () => {
    const a = 0.5 * getCargo('mir-10b')!.evidenceWeight;
    const b = 0.5 * getCargo('mir-200c')!.evidenceWeight;
    expect(levelOf(['mir-10b'], 'invasion.boost')).toBeCloseTo(a, 12);
    expect(levelOf(['mir-10b', 'mir-200c'], 'invasion.boost')).toBeCloseTo(1 - (1 - a) * (1 - b), 12);
  });

  it('stay below 1 however many studies a cancer type has, so HCC’s ten do not make ten times lung cancer’s one', () => {
    const hcc = levelOf(ofType('hcc'), 'invasion.boost');
    const lung = levelOf(ofType('lung'), 'invasion.boost');
    expect(hcc).toBeLessThan(1);
    expect(lung).toBeGreaterThan(0);
    expect(hcc / lung).toBeLessThan(3);
  });

  it('count one row naming seven components as one shared finding, not seven', () => {
    // TGF-β2, IL6, TSG101 and ILK appear only in that prostate row (Ramteke et al. 2015).
    const four = ['tgf-b2', 'il6', 'tsg101', 'ilk'];
    expect(levelOf(four, 'ecm.degrade')).toBeCloseTo(1 - (1 - 0.5 / 7) ** 4, 12);
    expect(levelOf(four, 'ecm.degrade')).toBeLessThan(levelOf(['mir-10b'], 'invasion.boost'));
  });

  it('fall when a cargo is knocked out by what it contributed, and rise with its dose as that many copies', () => {
    const ids = ['mir-10b', 'mir-200c'];
    const both = levelOf(ids, 'invasion.boost');
    const without = levelOf(['mir-200c'], 'invasion.boost');
    const a = 0.5 * getCargo('mir-10b')!.evidenceWeight;
    expect(1 - both).toBeCloseTo((1 - without) * (1 - a), 12);
    const doubled = levelOf(ids, 'invasion.boost', { 'mir-10b': 2 });
    expect(1 - doubled).toBeCloseTo((1 - without) * (1 - a) * (1 - a), 12);
    expect(levelOf(ids, 'invasion.boost', { 'mir-10b': 0 })).toBeCloseTo(without, 12);
  });

  it('leave out the catalog’s assumed effects when a scenario switches assumptions off', () => {
    expect(levelOf(['circ-iars'], 'vessel.permeability')).toBeGreaterThan(0);
    expect(levelOf(['circ-iars'], 'vessel.permeability', {}, { effectPerEntry: 0.5, assumedEffects: false })).toBe(0);
    expect(levelOf(['circ-iars'], 'invasion.boost', {}, { effectPerEntry: 0.5, assumedEffects: false })).toBeGreaterThan(0);
  });

  it('count organ-specific effects only in their organs', () => {
    const t = new CargoTables(['itga6b4'], {}, rules);
    const p = t.addProfile(['itga6b4']);
    const k = effectIndex('homing');
    expect(t.regionalStrength(p, k, 1)).toBeGreaterThan(0); // lung
    for (const region of [0, 2, 3, 4, 5]) expect(t.regionalStrength(p, k, region)).toBe(0);
  });
});
