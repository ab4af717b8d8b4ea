import { describe, expect, it } from 'vitest';
import { Engine } from '../src/engine/engine';
import { startNodeEngineWorker } from '../workers/node-client';
import { readFileSync } from 'node:fs';
import { METRIC_NAMES } from '../src/engine/metrics';
import { config, runFor } from './helpers';

const TICKS = 60;

describe('determinism', () => {
  it('gives the same state hash for the same scenario and seed', () => {
    const a = runFor(config('breast', { seed: 7 }), TICKS);
    const b = runFor(config('breast', { seed: 7 }), TICKS);
    expect(a.stateHash()).toMatch(/^[0-9a-f]{16}$/);
    expect(b.stateHash()).toBe(a.stateHash());
    expect(b.metrics()).toEqual(a.metrics());
  });

  it('gives a different state hash for a different seed', () => {
    const a = runFor(config('breast', { seed: 7 }), TICKS);
    const b = runFor(config('breast', { seed: 8 }), TICKS);
    expect(b.stateHash()).not.toBe(a.stateHash());
  });

  it('continues identically after snapshot → JSON → restore', () => {
    const whole = runFor(config('breast', { seed: 3 }), TICKS);
    const half = runFor(config('breast', { seed: 3 }), TICKS / 2);
    const restored = Engine.restore(JSON.parse(JSON.stringify(half.snapshot())));
    expect(restored.stateHash()).toBe(half.stateHash());
    restored.run(TICKS / 2);
    expect(restored.tick).toBe(TICKS);
    expect(restored.stateHash()).toBe(whole.stateHash());
    expect(restored.series.map((r) => Array.from(r))).toEqual(whole.series.map((r) => Array.from(r)));
  });

  it('gives the same hash in a worker_threads worker as in-process', async () => {
    const text = readFileSync('scenarios/breast.json', 'utf8');
    const worker = startNodeEngineWorker();
    try {
      const init = await worker.api.init(text, 'scenarios/breast.json', { seed: 11 });
      expect(init.ok).toBe(true);
      const stepped = await worker.api.step(TICKS);
      expect(stepped.tick).toBe(TICKS);
      const local = runFor(config('breast', { seed: 11 }), TICKS);
      expect(await worker.api.stateHash()).toBe(local.stateHash());
    } finally {
      await worker.close();
    }
  });

  it('does something over the run: cells divide, exosomes are released and reach organs', () => {
    const e = runFor(config('breast', { seed: 5 }), 150);
    const m = e.metrics();
    expect(m['cells.born']).toBeGreaterThan(0);
    expect(m['cells.primary']).toBeGreaterThan(e.series[0][METRIC_NAMES.indexOf('cells.primary')]);
    expect(m['exosomes.released']).toBeGreaterThan(1000);
    const organUptake = ['lung', 'liver', 'bone', 'brain', 'lymph-node'].map((o) => m[`exosomes.uptake.${o}`]);
    expect(m['exosomes.uptake.lung']).toBeGreaterThan(0);
    expect(m['exosomes.uptake.liver']).toBeGreaterThan(0);
    // Conservation of packets: released + initial = live + degraded in tissue + cleared from blood + taken up.
    const taken = organUptake.reduce((a, b) => a + b, 0) + m['exosomes.uptake.primary'];
    expect(m['exosomes.cleared']).toBeGreaterThan(0);
    expect(m['exosomes.released']).toBe(m['exosomes.live'] + m['exosomes.decayed'] + m['exosomes.cleared'] + taken);
  });
});
