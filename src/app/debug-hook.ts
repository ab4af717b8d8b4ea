import type { App } from './app';

/** Median of a list of numbers (NaN when empty). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * A small handle on `window.__exo` for tests, benchmarks and the curious: run to an exact tick
 * and read the state hash, read playback state and frame timings. It drives the same code paths
 * as the controls.
 */
export interface DebugHook {
  /** Resolves when the first run has loaded. */
  ready: Promise<void>;
  tick(): number;
  playing(): boolean;
  runTicks(): number;
  runId(): number | null;
  /** Pauses and runs to `target` ticks; resolves with the state hash there. */
  runTo(target: number): Promise<string>;
  stateHash(): Promise<string>;
  play(): void;
  pause(): void;
  /** Latest metric values by name. */
  metrics(): Record<string, number>;
  /** Live particles per kind as drawn. */
  drawn(): Record<string, number>;
  /** Recent timings, ms: main-thread frame work, whole advance handling, worker hand-over, render CPU. */
  timings(): { frameMs: number[]; advanceMs: number[]; handoverMs: number[]; renderMs: number };
  app: App;
}

/** Installs `window.__exo`. */
export function installDebugHook(app: App, ready: Promise<void>): DebugHook {
  const hook: DebugHook = {
    ready,
    tick: () => app.client.tick,
    playing: () => app.client.playing,
    runTicks: () => app.client.runTicks,
    runId: () => app.run?.runId ?? null,
    runTo: (target) => app.client.runTo(target),
    stateHash: () => app.client.api.stateHash(),
    play: () => app.client.play(),
    pause: () => app.client.pause(),
    metrics: () => app.series.latestAll(),
    drawn: () => app.map.counts(),
    timings: () => ({
      frameMs: [...app.frameMs], advanceMs: [...app.client.advanceMs], handoverMs: [...app.client.handoverMs], renderMs: app.map.renderMs,
    }),
    app,
  };
  (window as unknown as { __exo: DebugHook }).__exo = hook;
  return hook;
}
