import { describe, expect, it } from 'vitest';
import { Pool } from '../src/core/pool';

const schema = { x: 'f64', tag: 'u32' } as const;

function spawn(pool: Pool<typeof schema>, tag: number): void {
  const r = pool.stageSpawn();
  pool.cols.tag[r] = tag;
  pool.cols.x[r] = tag * 0.5;
}

describe('Pool', () => {
  it('keeps every live id valid and resolving to its own agent after growing past capacity', () => {
    const pool = new Pool('test', schema, 16);
    for (let k = 0; k < 10; k++) spawn(pool, k);
    pool.commit();
    const early = Array.from(pool.id.subarray(0, pool.count));
    for (let k = 10; k < 1000; k++) spawn(pool, k);
    pool.commit();
    expect(pool.capacity).toBeGreaterThanOrEqual(1000);
    expect(pool.count).toBe(1000);
    early.forEach((id, k) => {
      const row = pool.rowOf(id);
      expect(pool.cols.tag[row]).toBe(k);
    });
    for (let row = 0; row < pool.count; row++) expect(pool.rowOf(pool.id[row])).toBe(row);
  });

  it('detects a stale id after its agent is removed and its slot reused', () => {
    const pool = new Pool('test', schema, 16);
    for (let k = 0; k < 5; k++) spawn(pool, k);
    pool.commit();
    const victim = pool.id[2];
    pool.stageRemove(2);
    pool.commit();
    expect(pool.isLive(victim)).toBe(false);
    spawn(pool, 99); // reuses the freed slot with a new generation
    pool.commit();
    expect(pool.isLive(victim)).toBe(false);
    const fresh = pool.id[pool.count - 1];
    expect(fresh % 2 ** 24).toBe(victim % 2 ** 24);
    expect(fresh).not.toBe(victim);
    expect(pool.cols.tag[pool.rowOf(fresh)]).toBe(99);
  });

  it('gives the same rows whatever order removals were staged in', () => {
    const make = (order: number[]) => {
      const pool = new Pool('test', schema, 16);
      for (let k = 0; k < 20; k++) spawn(pool, k);
      pool.commit();
      for (const r of order) pool.stageRemove(r);
      pool.commit();
      return Array.from(pool.cols.tag.subarray(0, pool.count));
    };
    const a = make([3, 7, 19, 0, 7]);
    const b = make([19, 0, 7, 3]);
    expect(a).toEqual(b);
    expect(a).toHaveLength(16);
    expect(new Set(a)).toEqual(new Set([1, 2, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]));
  });

  it('round-trips through save and load with ids and free slots intact', () => {
    const pool = new Pool('test', schema, 16);
    for (let k = 0; k < 30; k++) spawn(pool, k);
    pool.commit();
    pool.stageRemove(4);
    pool.stageRemove(11);
    pool.commit();
    const copy = new Pool('test', schema, 16);
    copy.load(JSON.parse(JSON.stringify(pool.save())));
    spawn(pool, 500);
    spawn(copy, 500);
    pool.commit();
    copy.commit();
    expect(Array.from(copy.id.subarray(0, copy.count))).toEqual(Array.from(pool.id.subarray(0, pool.count)));
    expect(Array.from(copy.cols.tag.subarray(0, copy.count))).toEqual(Array.from(pool.cols.tag.subarray(0, pool.count)));
  });

  it('moves every column of every element type with its agent, and zeroes every column of a spawned row', () => {
    const all = { a: 'f64', b: 'f32', c: 'i32', d: 'u32', e: 'u16', f: 'u8' } as const;
    const pool = new Pool('all', all, 16);
    // Agent k holds k + 1 in every column (all fit every type exactly).
    const put = (k: number) => {
      const r = pool.stageSpawn();
      for (const key of Object.keys(all) as (keyof typeof all)[]) pool.cols[key][r] = k + 1;
    };
    for (let k = 0; k < 40; k++) put(k); // grows past 16 rows on the way
    pool.commit();
    const ids = Array.from(pool.id.subarray(0, pool.count));
    for (const r of [0, 5, 39, 17]) pool.stageRemove(r);
    pool.commit();
    expect(pool.count).toBe(36);
    ids.forEach((id, k) => {
      const row = pool.rowOf(id);
      if ([0, 5, 39, 17].includes(k)) return expect(row).toBe(-1);
      for (const key of Object.keys(all) as (keyof typeof all)[]) expect(pool.cols[key][row]).toBe(k + 1);
    });
    // The next spawn lands on row 36, which agent 36 left when it moved to row 0.
    const row = pool.stageSpawn();
    expect(row).toBe(36);
    for (const key of Object.keys(all) as (keyof typeof all)[]) expect(pool.cols[key][row]).toBe(0);
    // A daughter copied from her mother (row 1, agent 1) takes every column.
    pool.copyRow(row, 1);
    for (const key of Object.keys(all) as (keyof typeof all)[]) expect(pool.cols[key][row]).toBe(2);
    // Likewise after loading a smaller snapshot into a pool that held more agents.
    const full = new Pool('all', all, 16);
    for (let k = 0; k < 40; k++) {
      const r = full.stageSpawn();
      for (const key of Object.keys(all) as (keyof typeof all)[]) full.cols[key][r] = 7;
    }
    full.commit();
    const small = new Pool('all', all, 16);
    small.stageSpawn();
    small.commit();
    full.load(small.save());
    const next = full.stageSpawn();
    expect(next).toBe(1);
    for (const key of Object.keys(all) as (keyof typeof all)[]) expect(full.cols[key][next]).toBe(0);
  });

  it('gives a staged newborn its final id at once, resolving to its row only from the commit', () => {
    const pool = new Pool('test', schema, 16);
    for (let k = 0; k < 4; k++) spawn(pool, k);
    pool.commit();
    pool.stageRemove(1);
    pool.commit(); // frees slot 1
    const row = pool.stageSpawn();
    const id = pool.id[row];
    expect(id % 2 ** 24).toBe(1); // the freed slot, next generation
    expect(pool.rowOf(id)).toBe(-1);
    pool.commit();
    expect(pool.rowOf(id)).toBe(row);
  });

  it('applies a staged transfer only at commitTransfers, to the same row and id, and refuses a commit before that', () => {
    const pool = new Pool('test', schema, 16);
    for (let k = 0; k < 200; k++) spawn(pool, k); // more transfers below than the buffer's first size
    pool.commit();
    const ids = Array.from(pool.id.subarray(0, pool.count));
    for (let row = 0; row < 100; row++) {
      const k = pool.stageTransfer(row);
      pool.moving.tag[k] = 1000 + row;
    }
    expect(pool.cols.tag[5]).toBe(5);
    expect(() => pool.commit()).toThrow(/uncommitted transfers/);
    pool.commitTransfers();
    for (let row = 0; row < 200; row++) {
      expect(pool.cols.tag[row]).toBe(row < 100 ? 1000 + row : row);
      expect(pool.cols.x[row]).toBe(row * 0.5); // untouched columns keep their values
      expect(pool.id[row]).toBe(ids[row]);
    }
    expect(pool.pending()).toBe(0);
  });
});
