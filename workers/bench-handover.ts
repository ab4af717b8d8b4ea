import type { Engine } from '../src/engine/engine';
import { frameBytes, writeFrame } from '../src/engine/frame';
import type { FramePool } from './frame-pool';

/**
 * For the browser benchmark: milliseconds to write `frames` frames of the engine's current
 * state into pooled buffers, and, as its baseline, into a new buffer each that is then copied
 * (what posting it without transfer would cost).
 */
export function benchHandover(engine: Engine, pool: FramePool, frames: number): { pooledMs: number[]; copyMs: number[] } {
  const pooledMs: number[] = [];
  const copyMs: number[] = [];
  for (let k = 0; k < frames; k++) {
    let t = performance.now(); // det-ok: timing only
    const buf = pool.take(frameBytes(engine.world));
    writeFrame(engine.world, engine.tick, buf);
    pooledMs.push(performance.now() - t); // det-ok: timing only
    pool.give(buf);
    t = performance.now(); // det-ok: timing only
    writeFrame(engine.world, engine.tick).slice(0);
    copyMs.push(performance.now() - t); // det-ok: timing only
  }
  return { pooledMs, copyMs };
}
