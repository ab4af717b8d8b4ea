import type { AdvanceResult, InitResult, WorldLayout } from '../../protocol/engine-api';
import type { ArmEngine } from './arm-engine';
import { PacedPlayer, type PlaybackListener } from '../paced-player';

type InitOk = Extract<InitResult, { ok: true }>;

/** What one arm of a comparison runs: the scenario, the shared seed, and the arm's what-ifs. */
export interface ArmSetup {
  scenarioText: string;
  file: string;
  seed: number;
  whatIfs: string[];
}

/** Receives what both arms hand over; every call carries both arms at the same tick. */
export interface PairListener extends PlaybackListener {
  /** Both arms loaded (tick 0). */
  onRun(a: InitOk, b: InitOk, layoutA: WorldLayout, layoutB: WorldLayout): void;
  /** Both arms advanced to `a.tick === b.tick`. Frames go back to the workers when this returns. */
  onAdvance(a: AdvanceResult, b: AdvanceResult): void;
  /** State hashes of both arms at `tick` (fetched with no step in between). */
  onHashes(tick: number, hashA: string, hashB: string): void;
}

/** While playing, hashes are refreshed at most this often (ms); when paused, after every request. */
const HASH_EVERY_MS = 500;

/** One arm's bookkeeping: what it has handed over and the frame buffer to give back. */
class Arm {
  runId = -1;
  knownTick = -1;
  eventsKnown = 0;
  spare: ArrayBuffer | null = null;

  constructor(readonly engine: ArmEngine) {}

  reset(runId: number): void {
    this.runId = runId;
    this.knownTick = -1;
    this.eventsKnown = 0;
  }

  async advance(ticks: number): Promise<AdvanceResult> {
    const recycled = this.spare;
    this.spare = null;
    const res = await this.engine.advance(ticks, this.knownTick, this.eventsKnown, recycled);
    this.spare = res.frame;
    this.knownTick = res.tick;
    this.eventsKnown = res.eventCount;
    return res;
  }
}

/**
 * Two engines — A (baseline) and B (baseline + what-ifs), same scenario and seed — stepped in
 * lockstep: every request advances both by the same number of ticks, and nothing is drawn until
 * both have answered, so the two views always show the same tick. One request is in flight at a
 * time; while one arm is slower the other waits, which is the price of showing them together.
 * Playback is paced as in EngineClient (PacedPlayer); `tick` is the tick both arms have done.
 */
export class LockstepPair extends PacedPlayer {
  private readonly arms: [Arm, Arm];
  tickHours = 1;
  /** State hashes at `hashTick`, or null before the first. */
  hashes: [string, string] | null = null;
  hashTick = -1;
  /** Main-thread ms spent in the listener per lockstep frame, newest last (bounded). */
  readonly drawMs: number[] = [];
  private hasRun = false;
  /** Exclusive operations (load, stepBy, runTo) queued or running; the pacing loop waits for none. */
  private busy = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private lastHash = 0;

  constructor(engines: [ArmEngine, ArmEngine], private readonly listener: PairListener) {
    super(listener);
    this.arms = [new Arm(engines[0]), new Arm(engines[1])];
  }

  /**
   * Loads A = the scenario with `a.whatIfs` and B with `b.whatIfs` (same text, file and seed
   * expected). Both must load; on failure the results say why and nothing is drawn.
   */
  load(a: ArmSetup, b: ArmSetup): Promise<[InitResult, InitResult]> {
    this.pause();
    return this.exclusive(async () => {
      const setups = [a, b];
      const inits = await Promise.all(this.arms.map((arm, k) =>
        arm.engine.init(setups[k].scenarioText, setups[k].file, { seed: setups[k].seed, whatIfs: setups[k].whatIfs })));
      if (!inits[0].ok || !inits[1].ok) {
        this.hasRun = false;
        return [inits[0], inits[1]];
      }
      const [ra, rb] = inits as [InitOk, InitOk];
      if (ra.ticks !== rb.ticks || ra.seed !== rb.seed) throw new Error(`compare: arms differ in run length or seed (${ra.ticks}/${rb.ticks} ticks, seed ${ra.seed}/${rb.seed})`);
      const [la, lb] = await Promise.all(this.arms.map((arm) => arm.engine.layout()));
      this.arms[0].reset(ra.runId);
      this.arms[1].reset(rb.runId);
      this.tick = 0;
      this.runTicks = ra.ticks;
      this.tickHours = ra.tickHours;
      this.hashes = [ra.stateHash, rb.stateHash];
      this.hashTick = 0;
      this.hasRun = true;
      this.listener.onRun(ra, rb, la, lb);
      this.listener.onHashes(0, ra.stateHash, rb.stateHash);
      this.drawPending = true;
      return [ra, rb];
    });
  }

  /** Advances both arms by `n` ticks (capped at the run length) while paused. */
  stepBy(n: number): Promise<void> {
    this.pause();
    return this.exclusive(async () => {
      if (this.hasRun) await this.request(Math.max(0, Math.min(n, this.runTicks - this.tick)));
    });
  }

  /** Runs both arms (paused, in one go) to `target` ticks; resolves with both hashes there. */
  runTo(target: number): Promise<[string, string]> {
    this.pause();
    return this.exclusive(async () => {
      if (!this.hasRun) throw new Error('compare: nothing loaded');
      const end = Math.min(target, this.runTicks);
      while (this.tick < end) await this.request(Math.min(200, end - this.tick));
      if (this.hashTick !== this.tick) await this.request(0);
      return this.hashes!;
    });
  }

  /** Stops the pacing loop and both engines. */
  dispose(): void {
    this.stopPacing();
    for (const arm of this.arms) arm.engine.dispose();
  }

  /**
   * Runs `fn` after every exclusive operation queued before it and after the request in flight,
   * with the pacing loop held off, so loads and run-tos never interleave with each other or
   * with playback (a stale advance cannot land in a freshly loaded run's bookkeeping).
   */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    this.busy++;
    const run = this.queue.then(async () => {
      while (this.inFlight) await new Promise((r) => setTimeout(r, 2));
      return fn();
    });
    this.queue = run.catch(() => undefined);
    return run.finally(() => this.busy--);
  }

  protected loaded(): boolean {
    return this.hasRun;
  }

  protected ready(): boolean {
    return this.hasRun && this.busy === 0;
  }

  /**
   * Advances both arms by `ticks` concurrently, then (when paused, at the end, or every
   * HASH_EVERY_MS) reads both hashes before anything else can be posted, then draws both.
   */
  protected async request(ticks: number): Promise<void> {
    this.inFlight = true;
    this.drawPending = false;
    const [a, b] = this.arms;
    let ra: AdvanceResult;
    let rb: AdvanceResult;
    let hashes: [string, string] | null = null;
    try {
      [ra, rb] = await Promise.all([a.advance(ticks), b.advance(ticks)]);
      if (ra.runId !== a.runId || rb.runId !== b.runId) return;
      if (ra.tick !== rb.tick) throw new Error(`compare: arms out of lockstep (A at tick ${ra.tick}, B at tick ${rb.tick})`);
      const now = performance.now();
      if (!this.playing || ra.tick >= this.runTicks || now - this.lastHash >= HASH_EVERY_MS) {
        this.lastHash = now;
        hashes = await Promise.all([a.engine.stateHash(), b.engine.stateHash()]);
      }
    } finally {
      this.inFlight = false;
    }
    this.noteStepMs(ticks, Math.max(ra.stepMs, rb.stepMs));
    this.tick = ra.tick;
    const t0 = performance.now();
    this.listener.onAdvance(ra, rb);
    if (hashes) {
      this.hashes = hashes;
      this.hashTick = ra.tick;
      this.listener.onHashes(ra.tick, hashes[0], hashes[1]);
    }
    this.drawMs.push(performance.now() - t0);
    if (this.drawMs.length > 600) this.drawMs.splice(0, this.drawMs.length - 600);
    if (this.tick >= this.runTicks && this.playing) this.pause();
  }
}
