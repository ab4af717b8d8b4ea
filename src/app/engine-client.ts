import * as Comlink from 'comlink';
import type { AdvanceResult, EngineApi, InitResult, RunOverrides, WorldLayout } from '../protocol/engine-api';
import { PacedPlayer, type PlaybackListener } from './paced-player';

/** Receives what the worker hands over; called on the main thread. */
export interface RunListener extends PlaybackListener {
  /** A new run was loaded (tick 0). */
  onRun(init: Extract<InitResult, { ok: true }>, layout: WorldLayout): void;
  /**
   * Metrics, events and a frame arrived. The frame buffer goes back to the worker when this
   * returns: copy what you need, keep no views of it.
   */
  onAdvance(result: AdvanceResult): void;
}

/**
 * The page's side of the engine worker: loads runs and plays them at the chosen speed
 * (PacedPlayer). Each request returns the previous frame buffer to the worker for reuse.
 */
export class EngineClient extends PacedPlayer {
  readonly api: Comlink.Remote<EngineApi>;
  private readonly worker: Worker;
  private runId = -1;
  private knownTick = -1;
  private eventsKnown = 0;
  private spare: ArrayBuffer | null = null;
  private busy = false;
  /** Main-thread ms spent handling each received frame (all listeners), newest last. */
  readonly advanceMs: number[] = [];
  /** Worker hand-over ms per frame, newest last. */
  readonly handoverMs: number[] = [];

  constructor(private readonly listener: RunListener) {
    super(listener);
    this.worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'exocascade-engine' });
    this.api = Comlink.wrap<EngineApi>(this.worker);
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

  protected loaded(): boolean {
    return this.runId >= 0;
  }

  protected ready(): boolean {
    return this.runId >= 0 && !this.busy;
  }

  protected async request(ticks: number): Promise<void> {
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
    this.noteStepMs(ticks, res.stepMs);
    this.tick = res.tick;
    this.knownTick = res.tick;
    this.eventsKnown = res.eventCount;
    const t0 = performance.now();
    this.listener.onAdvance(res);
    record(this.advanceMs, performance.now() - t0);
    record(this.handoverMs, res.handoverMs);
    if (this.tick >= this.runTicks && this.playing) this.pause();
  }

  /** Stops playback and the worker. */
  dispose(): void {
    this.stopPacing();
    this.worker.terminate();
  }
}

/** Appends to a bounded ring of recent timings. */
export function record(ring: number[], v: number): void {
  ring.push(v);
  if (ring.length > 600) ring.splice(0, ring.length - 600);
}
