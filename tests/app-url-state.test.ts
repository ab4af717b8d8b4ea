import { describe, expect, it } from 'vitest';
import { decodeSource, encodeSource, stateFromQuery, stateToQuery } from '../src/app/url-state';

describe('share links', () => {
  it('round-trips edited scenario text through deflate-raw + base64url', async () => {
    const text = JSON.stringify({ name: 'Edited ünïcode ✓', cancerType: 'breast', populations: { tumourCells: 150 } }, null, 2);
    const param = await encodeSource(text);
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeSource(param)).toBe(text);
  });

  it('compresses a typical scenario well below its size', async () => {
    const text = JSON.stringify({ name: 'x', cancerType: 'breast', modules: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`m${i}`, { rate: 0.5, other: 1 }])) }, null, 2);
    expect((await encodeSource(text)).length).toBeLessThan(text.length / 2);
  });

  it('holds preset, seed, what-ifs in order and lesson mode', async () => {
    const q = await stateToQuery({ preset: 'pancreatic', source: null, seed: 0, whatIfs: ['ko:mif', 'deplete:nk@10=0.5'], lesson: true });
    expect(q).toBe('?scenario=pancreatic&seed=0&wi=ko%3Amif&wi=deplete%3Ank%4010%3D0.5&lesson=1');
    expect(await stateFromQuery(q)).toEqual({ preset: 'pancreatic', source: null, seed: 0, whatIfs: ['ko:mif', 'deplete:nk@10=0.5'], lesson: true, tick: null, camera: null, projector: false });
  });

  it('holds a moment: the tick, the camera (µm rounded, zoom to hundredths) and projector mode', async () => {
    const q = await stateToQuery({ preset: 'breast', source: null, seed: 3, whatIfs: [], lesson: false, tick: 137, camera: { x: 1300.4, y: 799.6, zoom: 2.456 }, projector: true });
    expect(q).toBe('?scenario=breast&seed=3&t=137&cam=1300%2C800%2C2.46&projector=1');
    expect(await stateFromQuery(q)).toMatchObject({ tick: 137, camera: { x: 1300, y: 800, zoom: 2.46 }, projector: true });
  });

  it('ignores a tick or camera it cannot read', async () => {
    expect(await stateFromQuery('?t=-4&cam=1,2')).toMatchObject({ tick: null, camera: null });
    expect(await stateFromQuery('?t=1.5&cam=1,2,0')).toMatchObject({ tick: null, camera: null });
  });

  it('prefers edited source over a preset id and reads a missing seed as the scenario\'s own', async () => {
    const text = '{"name":"a","cancerType":"breast"}';
    const q = await stateToQuery({ preset: 'breast', source: text, seed: null, whatIfs: [], lesson: false });
    expect(q.startsWith('?src=')).toBe(true);
    const s = await stateFromQuery(q);
    expect(s.source).toBe(text);
    expect(s.preset).toBeNull();
    expect(s.seed).toBeNull();
  });

  it('ignores a seed that is not a non-negative integer', async () => {
    expect((await stateFromQuery('?seed=-3')).seed).toBeNull();
    expect((await stateFromQuery('?seed=1.5')).seed).toBeNull();
  });

  it('rejects a corrupted src parameter', async () => {
    await expect(stateFromQuery('?src=not-deflate-data')).rejects.toThrow();
  });
});
