import * as Comlink from 'comlink';
import type { AdvanceResult, EngineApi, InitResult, RunOverrides, WorldLayout } from '../protocol/engine-api';
import { TickBudget } from './tick-budget';

/** Receives what the worker hands over; called on the main thread. */
export interface RunListener {
  /** A new run was loaded (tick 0). */
  onRun(init: Extract<InitResult, { ok: true }>, layout: WorldLayout): void;
  /**
   * Metrics, events and a frame arrived. The frame buffer goes back to the worker when this
   * returns: copy what you need, keep no views of it.
   */
  onAdvance(result: AdvanceResult): void;
  /** Playing stopped (paused, run complete, or a lesson checkpoint). */
  onPlayState(playing: boolean): void;
  /** The worker failed while stepping (a bug in the engine): playback has stopped. */
  onError(err: unknown): void;
}

/** Playback speed in ticks per second; Infinity runs as fast as the worker goes. */
export type Speed = number;

/**
 * The page's side of the engine worker: loads runs, and while playing asks for ticks at the
 * chosen speed, one request in flight at a time, so a slow tick slows the run but never the
 * page. Each request returns the previous frame buffer to the worker for reuse.
 */
export class EngineClient {
  readonly api: Comlink.Remote<EngineApi>;
  private readonly worker: Worker;
  private runId = -1;
  /** Ticks done in the current run, as last reported. */
  tick = 0;
  /** Run length: playback stops here. */
  runTicks = 0;
  playing = false;
  speed: Speed = 20;
  /** At most this many ticks per request (lesson mode uses 1 so it stops on the exact tick). */
  maxBatch = 50;
  private knownTick = -1;
  private eventsKnown = 0;
  private spare: ArrayBuffer | null = null;
  private inFlight = false;
  private busy = false;
  private drawPending = false;
  private readonly ticks = new TickBudget();
  private lastNow = 0;
  private msPerTick = 5;
  /** Main-thread ms spent handling each received frame (all listeners), newest last. */
  readonly advanceMs: number[] = [];
  /** Worker hand-over ms per frame, newest last. */
  readonly handoverMs: number[] = [];

  constructor(private readonly listener: RunListener) {
    this.worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'exocascade-engine' });
    this.api = Comlink.wrap<EngineApi>(this.worker);
    setTimeout(this.loop, 0);
  }

  /** Loads a scenario; on failure returns why and the current run keeps going untouched. */
  async load(text: string, file: string, overrides: RunOverrides): Promise<InitResult> {
    this.busy = true;
    try {
      await this.settle();
      const res = await this.api.init(text, file, overrides);
      if (!res.ok) return res;
      const layout = await this.api.layout();
      this.runId = res.runId;
      this.tick = 0;
      this.runTicks = res.ticks;
      this.knownTick = -1;
      this.eventsKnown = 0;
      this.listener.onRun(res, layout);
      this.drawPending = true;
      return res;
    } finally {
      this.busy = false;
    }
  }

  /** Starts or resumes playback (from the start if the run is complete). */
  play(): void {
    if (this.tick >= this.runTicks) return;
    this.playing = true;
    this.ticks.reset();
    this.listener.onPlayState(true);
  }

  /** Pauses playback after the request in flight. */
  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.listener.onPlayState(false);
  }

  /** Advances exactly `n` ticks while paused (or until the run length), then draws. */
  async stepBy(n: number): Promise<void> {
    this.pause();
    this.busy = true;
    try {
      await this.settle();
      await this.request(Math.max(0, Math.min(n, this.runTicks - this.tick)));
    } finally {
      this.busy = false;
    }
  }

  /** Runs (paused, in one go) to `target` ticks and returns the state hash there. */
  async runTo(target: number): Promise<string> {
    this.pause();
    this.busy = true;
    try {
      await this.settle();
      while (this.tick < target) await this.request(Math.min(200, target - this.tick));
      return await this.api.stateHash();
    } finally {
      this.busy = false;
    }
  }

  /** Waits until no request is in flight. */
  private async settle(): Promise<void> {
    while (this.inFlight) await new Promise((r) => setTimeout(r, 2));
  }

  /**
   * The pacing loop. It runs on timers, not animation frames: the simulation's pace must not
   * depend on the display (headless browsers and background tabs throttle frames).
   */
  private readonly loop = (): void => {
    const now = performance.now();
    const dt = Math.min(100, now - (this.lastNow || now));
    this.lastNow = now;
    setTimeout(this.loop, this.playing || this.drawPending ? 8 : 50);
    if (this.inFlight || this.busy || this.runId < 0) return;
    if (!this.playing) {
      if (this.drawPending) this.requestSafely(0);
      return;
    }
    const n = this.ticks.take(dt, this.speed, this.msPerTick, this.maxBatch, this.runTicks - this.tick);
    if (n >= 1) this.requestSafely(n);
    else if (this.tick >= this.runTicks) this.pause();
  };

  private requestSafely(ticks: number): void {
    this.request(ticks).catch((err: unknown) => {
      this.pause();
      this.drawPending = false;
      this.listener.onError(err);
    });
  }

  private async request(ticks: number): Promise<void> {
    this.inFlight = true;
    this.drawPending = false;
    const recycled = this.spare;
    this.spare = null;
    let res: AdvanceResult;
    try {
      res = await this.api.advance(ticks, this.knownTick, this.eventsKnown, recycled ? Comlink.transfer(recycled, [recycled]) : null);
    } finally {
      this.inFlight = false;
    }
    // Whatever happens to the result, its buffer goes back to the worker with the next request.
    this.spare = res.frame;
    if (res.runId !== this.runId) return;
    if (ticks > 0) this.msPerTick = 0.8 * this.msPerTick + (0.2 * res.stepMs) / ticks;
    this.tick = res.tick;
    this.knownTick = res.tick;
    this.eventsKnown = res.eventCount;
    const t0 = performance.now();
    this.listener.onAdvance(res);
    record(this.advanceMs, performance.now() - t0);
    record(this.handoverMs, res.handoverMs);
    if (this.tick >= this.runTicks && this.playing) this.pause();
  }

  /** Stops the worker. */
  dispose(): void {
    this.worker.terminate();
  }
}

/** Appends to a bounded ring of recent timings. */
export function record(ring: number[], v: number): void {
  ring.push(v);
  if (ring.length > 600) ring.splice(0, ring.length - 600);
}
