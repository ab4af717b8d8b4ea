import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../src/engine/version';
import { config, runFor } from './helpers';

const FILE = 'tests/golden/hashes.json';
const TICKS = 120;
const SEED = 1;
const presets = readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json').map((f) => f.slice(0, -5)).sort();
const golden = JSON.parse(readFileSync(FILE, 'utf8')) as { engineVersion: string; ticks: number; seed: number; hashes: Record<string, string> };

// Golden hashes change only on purpose: run with UPDATE_GOLDEN=1, bump ENGINE_VERSION when
// trajectories change, and say why in the commit.
describe('golden state hashes of the shipped scenarios', () => {
  if (process.env.UPDATE_GOLDEN === '1') {
    it('rewrites the golden file', () => {
      const hashes: Record<string, string> = {};
      for (const p of presets) hashes[p] = runFor(config(p, { seed: SEED }), TICKS).stateHash();
      writeFileSync(FILE, JSON.stringify({ engineVersion: ENGINE_VERSION, ticks: TICKS, seed: SEED, hashes }, null, 2) + '\n');
      expect(Object.keys(hashes)).toEqual(presets);
    });
    return;
  }
  it('has a golden hash for every shipped scenario, made by this engine version', () => {
    expect(Object.keys(golden.hashes).sort()).toEqual(presets);
    expect(golden.engineVersion).toBe(ENGINE_VERSION);
  });
  for (const p of presets) {
    it(`${p}: seed ${SEED}, ${TICKS} ticks matches its committed hash`, () => {
      expect(runFor(config(p, { seed: SEED }), TICKS).stateHash()).toBe(golden.hashes[p]);
    });
  }
});
