/** At "max" speed, aim for about this much worker time per request (ms). */
const MAX_SPEED_BUDGET_MS = 40;

/**
 * Turns wall-clock time into ticks to request at a chosen speed (ticks per second, Infinity for
 * as fast as the worker goes). UI pacing only: it never touches simulation state.
 */
export class TickBudget {
  private budget = 0;

  /** Forgets any accumulated fraction (after a pause, reset or reload). */
  reset(): void {
    this.budget = 0;
  }

  /** Ticks to request now, after `dtMs` of wall time, capped by `maxBatch` and `remaining`. */
  take(dtMs: number, speed: number, msPerTick: number, maxBatch: number, remaining: number): number {
    let n: number;
    if (speed === Infinity) {
      n = Math.max(1, Math.round(MAX_SPEED_BUDGET_MS / Math.max(0.05, msPerTick)));
    } else {
      // Budget capped at a quarter second so a slow worker does not build a burst to catch up.
      this.budget = Math.min(this.budget + (speed * dtMs) / 1000, Math.max(1, speed / 4));
      n = Math.floor(this.budget);
      this.budget -= n;
    }
    return Math.min(n, maxBatch, remaining);
  }
}
