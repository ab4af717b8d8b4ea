import type { FramePoolStats } from '../src/protocol/engine-api';

/** Free frame buffers kept for reuse; more than this in flight means the caller is not giving them back. */
const POOL_MAX_FREE = 4;

/**
 * A small pool of frame buffers. A buffer handed out is transferred (detached here), so it is
 * never sent twice; the caller gives it back (a new ArrayBuffer object over the same memory)
 * and it is reused for a later frame.
 */
export class FramePool {
  private free: ArrayBuffer[] = [];
  private allocated = 0;
  private reused = 0;

  /** A buffer of at least `bytes`, reused when one is free. */
  take(bytes: number): ArrayBuffer {
    for (let k = this.free.length - 1; k >= 0; k--) {
      if (this.free[k].byteLength >= bytes) {
        this.reused++;
        return this.free.splice(k, 1)[0];
      }
    }
    this.allocated++;
    // Headroom so a slowly growing population does not allocate on every frame.
    return new ArrayBuffer(Math.ceil(bytes * 1.25));
  }

  /** Returns a buffer; detached, duplicate or surplus buffers are dropped. */
  give(buf: ArrayBuffer): void {
    if (buf.byteLength === 0 || this.free.includes(buf)) return;
    this.free.push(buf);
    if (this.free.length > POOL_MAX_FREE) this.free.sort((a, b) => b.byteLength - a.byteLength).pop();
  }

  /** Buffers made, reused and free now. */
  stats(): FramePoolStats {
    return { allocated: this.allocated, reused: this.reused, free: this.free.length };
  }
}
