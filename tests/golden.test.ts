import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../src/engine/version';
import { addGoldenEntry, readGolden } from './golden-file';
import { config, runFor } from './helpers';

const FILE = 'tests/golden/hashes.json';
const TICKS = 120;
const SEED = 1;
const presets = readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json').map((f) => f.slice(0, -5)).sort();
const golden = readGolden(FILE);
const current = golden[ENGINE_VERSION];
const RECORD = `bump ENGINE_VERSION in src/engine/version.ts and record its hashes with UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts`;

const hashOf = (preset: string, seed: number, ticks: number) => runFor(config(preset, { seed }), ticks).stateHash();

// Golden hashes are keyed by engine version and change only with it: a trajectory that moves
// without a version bump fails here; UPDATE_GOLDEN=1 records a version that has no hashes yet
// and refuses to touch one that has.
describe('golden state hashes of the shipped scenarios', () => {
  if (process.env.UPDATE_GOLDEN === '1') {
    it(`records engine ${ENGINE_VERSION}'s hashes (only if it has none), each reproduced by a second run`, () => {
      expect(current, `${FILE} already holds engine ${ENGINE_VERSION}'s hashes, which never change; to record new ones, ${RECORD}`).toBeUndefined();
      const hashes: Record<string, string> = {};
      for (const p of presets) {
        hashes[p] = hashOf(p, SEED, TICKS);
        // Only a hash that a second run reproduces is worth committing.
        expect(hashOf(p, SEED, TICKS), `${p}: two runs of seed ${SEED} differ`).toBe(hashes[p]);
      }
      addGoldenEntry(FILE, ENGINE_VERSION, { ticks: TICKS, seed: SEED, hashes });
    });
    return;
  }
  it(`has hashes recorded for this engine version (${ENGINE_VERSION}) covering every shipped scenario`, () => {
    expect(current, `${FILE} has no hashes for engine ${ENGINE_VERSION}: ${RECORD}`).toBeDefined();
    expect(Object.keys(current.hashes).sort(), `a shipped scenario has no golden hash: ${RECORD}`).toEqual(presets);
    expect([current.ticks, current.seed]).toEqual([TICKS, SEED]);
  });
  for (const p of presets) {
    it(`${p}: seed ${SEED}, ${TICKS} ticks matches engine ${ENGINE_VERSION}'s committed hash`, () => {
      const why = current ? `${p}'s trajectory changed under engine ${ENGINE_VERSION}; if on purpose, ${RECORD}` : `no hashes for engine ${ENGINE_VERSION}: ${RECORD}`;
      expect(hashOf(p, SEED, TICKS), why).toBe(current?.hashes[p]);
    });
  }
});

describe('the golden file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'exocascade-golden-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a new version beside the old ones and refuses to overwrite a recorded version', () => {
    const copy = join(dir, 'hashes.json');
    copyFileSync(FILE, copy);
    const next = { ticks: TICKS, seed: SEED, hashes: { breast: '0123456789abcdef' } };
    addGoldenEntry(copy, '99.0.0-test', next);
    expect(readGolden(copy)).toEqual({ ...golden, '99.0.0-test': next });
    expect(() => addGoldenEntry(copy, ENGINE_VERSION, next)).toThrow(`already holds the hashes of engine ${ENGINE_VERSION}`);
    expect(() => addGoldenEntry(copy, '99.0.0-test', { ...next, hashes: {} })).toThrow('bump ENGINE_VERSION');
    expect(readGolden(copy)['99.0.0-test']).toEqual(next);
    expect(readGolden(copy)[ENGINE_VERSION]).toEqual(current);
  });
});
