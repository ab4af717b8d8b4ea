import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RngStream } from '../src/core/rng';
import { defineModule, PHASES } from '../src/engine/module';
import { MODULES, SCHEDULE } from '../src/engine/schedule';
import { Stage } from '../src/engine/kinds';
import { World } from '../src/engine/world';
import { config } from './helpers';

const run = () => {
  const c = config('breast');
  return { world: new World(c), config: c, rng: new RngStream(1, 'test'), emit: () => undefined };
};

describe('the module contract', () => {
  it('gives a module a context holding exactly the members its needs declare', () => {
    let seen: Record<string, unknown> = {};
    const probe = defineModule({
      id: 'probe', doc: 'test', phase: 'act', everyTicks: 1,
      needs: { pools: ['tumour', 'colony'], graph: true, populations: true },
      params: {},
      step(ctx) {
        seen = ctx as unknown as Record<string, unknown>;
      },
    });
    const r = run();
    probe.bind(r)(7);
    expect(Object.keys(seen).sort()).toEqual(['counters', 'emit', 'graph', 'pools', 'populations', 'rng', 'tick', 'tickHours']);
    expect(Object.keys(seen.pools as object).sort()).toEqual(['colony', 'tumour']);
    expect(seen.tick).toBe(7);
    expect(seen.graph).toBe(r.world.graph);
  });

  it('commits the transfers a module staged when its step ends, not before', () => {
    const r = run();
    const t = r.world.pools.tumour;
    t.stageSpawn();
    t.commit();
    let during = -1;
    const mover = defineModule({
      id: 'mover', doc: 'test', phase: 'act', everyTicks: 1,
      needs: { pools: ['tumour'] },
      params: {},
      step(ctx) {
        const k = ctx.pools.tumour.stageTransfer(0);
        ctx.pools.tumour.moving.stage[k] = Stage.circulating;
        during = ctx.pools.tumour.cols.stage[0];
      },
    });
    mover.bind(r)(0);
    expect(during).toBe(Stage.primary);
    expect(t.cols.stage[0]).toBe(Stage.circulating);
    expect(t.pending()).toBe(0);
  });

  it('schedules the phases in order, every module once, each in the phase it declares', () => {
    expect(SCHEDULE.map((s) => s.phase)).toEqual([...PHASES]);
    for (const s of SCHEDULE) for (const m of s.modules) expect(m.phase).toBe(s.phase);
    const ids = MODULES.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const files = readdirSync('src/engine/modules').filter((f) => f.endsWith('.ts'));
    expect(ids.length).toBe(files.length);
  });

  it('has no rule module importing another (shared helpers live in src/engine)', () => {
    const files = readdirSync('src/engine/modules').filter((f) => f.endsWith('.ts'));
    const offenders = files.filter((f) => /from '\.\/[^']+'/.test(readFileSync(`src/engine/modules/${f}`, 'utf8')));
    expect(files.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});
