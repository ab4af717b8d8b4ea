import { TickBudget } from './tick-budget';

/** What a paced player tells the page about playback. */
export interface PlaybackListener {
  /** Playing started or stopped (paused, run complete, or a lesson checkpoint). */
  onPlayState(playing: boolean): void;
  /** A request failed while playing (a bug in the engine): playback has stopped. */
  onError(err: unknown): void;
}

/**
 * Playback of a run held by workers (EngineClient: one engine; LockstepPair: two in lockstep):
 * while playing, a pacing loop asks for ticks at the chosen speed, one request in flight at a
 * time, so a slow tick slows the run but never the page; when paused, it only draws what a
 * load or step left pending. The loop runs on timers, not animation frames: the simulation's
 * pace must not depend on the display (headless browsers and background tabs throttle frames).
 * A subclass says when a run is ready and does the requests.
 */
export abstract class PacedPlayer {
  /** Ticks done in the current run, as last reported. */
  tick = 0;
  /** Run length: playback stops here. */
  runTicks = 0;
  playing = false;
  /** Playback speed in ticks per second; Infinity runs as fast as the worker goes. */
  speed = 20;
  /** At most this many ticks per request (lesson mode uses 1 so it stops on the exact tick). */
  maxBatch = 50;
  /** A request is out: the loop posts no other. */
  protected inFlight = false;
  /** A load or step changed the run while paused: the loop asks for a 0-tick request to draw it. */
  protected drawPending = false;
  private msPerTick = 5;
  private readonly ticks = new TickBudget();
  private lastNow = 0;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly playback: PlaybackListener) {
    this.timer = setTimeout(this.loop, 0);
  }

  /** Whether a run is loaded and no exclusive operation (load, step, run-to) holds it. */
  protected abstract ready(): boolean;

  /** Whether a run is loaded. */
  protected abstract loaded(): boolean;

  /** Advances by `ticks` (0: just fetch and draw) and hands the result to the page. */
  protected abstract request(ticks: number): Promise<void>;

  /** Starts or resumes playback (not past the end of the run). */
  play(): void {
    if (!this.loaded() || this.tick >= this.runTicks) return;
    this.playing = true;
    this.ticks.reset();
    this.playback.onPlayState(true);
  }

  /** Pauses playback after the request in flight. */
  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.playback.onPlayState(false);
  }

  /** Folds a request's worker time into the ms-per-tick estimate that sizes "max speed" requests. */
  protected noteStepMs(ticks: number, stepMs: number): void {
    if (ticks > 0) this.msPerTick = 0.8 * this.msPerTick + (0.2 * stepMs) / ticks;
  }

  /** Stops the pacing loop for good. */
  protected stopPacing(): void {
    this.stopped = true;
    this.playing = false;
    clearTimeout(this.timer);
  }

  private readonly loop = (): void => {
    if (this.stopped) return;
    const now = performance.now(); // det-ok: UI pacing only, never simulation state
    const dt = Math.min(100, now - (this.lastNow || now));
    this.lastNow = now;
    this.timer = setTimeout(this.loop, this.playing || this.drawPending ? 8 : 50);
    if (this.inFlight || !this.ready()) return;
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
      this.playback.onError(err);
    });
  }
}
