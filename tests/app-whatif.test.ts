import { describe, expect, it } from 'vitest';
import {
  depletionOf, doseOf, effectBlocks, knockins, knockouts, secretionBlockOf, withDepletion, withDose, withEffectBlock,
  withKnockin, withKnockout, withSecretionBlock,
} from '../src/app/whatif-edit';
import { parseWhatIf } from '../src/scenario/whatif';

describe('what-if edits from the UI', () => {
  it('knocks a cargo out and back in, leaving one canonical entry at most', () => {
    const out = withKnockout([], 'mir-105', true);
    expect(out).toEqual(['ko:mir-105']);
    expect(withKnockout(out, 'mir-105', true)).toEqual(['ko:mir-105']);
    expect(withKnockout(out, 'mir-105', false)).toEqual([]);
    expect(knockouts(['ko:a', 'dose:b=2', 'ko:c'])).toEqual(new Set(['a', 'c']));
  });

  it('drops a dose when its cargo is knocked out', () => {
    const list = withDose([], 'mir-105', 2.5);
    expect(list).toEqual(['dose:mir-105=2.5']);
    expect(withKnockout(list, 'mir-105', true)).toEqual(['ko:mir-105']);
  });

  it('removes the dose what-if when the dose returns to 1, and rounds to hundredths', () => {
    expect(withDose(['dose:x=2'], 'x', 1)).toEqual([]);
    expect(withDose([], 'x', 0.30000000000000004)).toEqual(['dose:x=0.3']);
    expect(doseOf(['dose:x=0.3'], 'x')).toBe(0.3);
    expect(doseOf([], 'x')).toBe(1);
  });

  it('knocking out a knocked-in cargo just removes the knock-in', () => {
    const list = withKnockin(['ko:a'], 'itga6b4', true);
    expect(list).toEqual(['ko:a', 'ki:itga6b4']);
    expect(knockins(list)).toEqual(new Set(['itga6b4']));
    expect(withKnockout(list, 'itga6b4', true)).toEqual(['ko:a']);
  });

  it('sets, replaces and clears timed interventions', () => {
    let list = withDepletion([], 'nk', { tick: 50, fraction: 0.5 });
    list = withDepletion(list, 'nk', { tick: 60, fraction: 1 });
    expect(list).toEqual(['deplete:nk@60=1']);
    expect(depletionOf(list, 'nk')).toEqual({ tick: 60, fraction: 1 });
    expect(depletionOf(list, 'cd8')).toBeNull();
    list = withSecretionBlock(list, { tick: 0, fraction: 0.8 });
    expect(secretionBlockOf(list)).toEqual({ tick: 0, fraction: 0.8 });
    list = withEffectBlock(list, 'tcell.suppress', { tick: 10, fraction: 1 });
    expect(effectBlocks(list).get('tcell.suppress')).toEqual({ tick: 10, fraction: 1 });
    expect(withDepletion(withSecretionBlock(withEffectBlock(list, 'tcell.suppress', null), null), 'nk', null)).toEqual([]);
  });

  it('produces only strings the CLI parser accepts', () => {
    const list = withEffectBlock(withSecretionBlock(withDepletion(withDose(withKnockin(withKnockout([], 'a', true), 'b', true), 'c', 3), 'platelets', { tick: 5, fraction: 0.25 }), { tick: 1, fraction: 1 }), 'homing', { tick: 0, fraction: 0.5 });
    expect(list).toHaveLength(6);
    for (const w of list) expect(() => parseWhatIf(w)).not.toThrow();
  });

  it('keeps entries it cannot parse untouched', () => {
    expect(withKnockout(['nonsense'], 'a', true)).toEqual(['nonsense', 'ko:a']);
  });
});
