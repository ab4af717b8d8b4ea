import { afterEach, describe, expect, it } from 'vitest';
import { PacedPlayer, type PlaybackListener } from '../src/app/paced-player';

/** A player over a pretend run: each request advances `tick` at once (or fails when told to). */
class FakePlayer extends PacedPlayer {
  readonly requests: number[] = [];
  hasRun = true;
  failNext = false;

  constructor(listener: PlaybackListener, runTicks: number) {
    super(listener);
    this.runTicks = runTicks;
  }

  protected loaded(): boolean {
    return this.hasRun;
  }

  protected ready(): boolean {
    return this.hasRun;
  }

  protected async request(ticks: number): Promise<void> {
    this.inFlight = true;
    this.drawPending = false;
    await new Promise((r) => setTimeout(r, 1));
    this.inFlight = false;
    if (this.failNext) throw new Error('worker failed');
    this.requests.push(ticks);
    this.tick += ticks;
    this.noteStepMs(ticks, ticks * 0.5);
    if (this.tick >= this.runTicks && this.playing) this.pause();
  }

  markDrawPending(): void {
    this.drawPending = true;
  }

  dispose(): void {
    this.stopPacing();
  }
}

function listener() {
  const states: boolean[] = [];
  const errors: unknown[] = [];
  return { states, errors, listener: { onPlayState: (p: boolean) => states.push(p), onError: (e: unknown) => errors.push(e) } };
}

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

let player: FakePlayer | null = null;
afterEach(() => player?.dispose());

describe('paced player', () => {
  it('plays to the run length in requests of at most maxBatch ticks, then pauses', async () => {
    const l = listener();
    player = new FakePlayer(l.listener, 23);
    player.speed = Infinity;
    player.maxBatch = 4;
    player.play();
    await until(() => !player!.playing);
    expect(player.tick).toBe(23);
    expect(player.requests.reduce((a, b) => a + b, 0)).toBe(23);
    expect(Math.max(...player.requests)).toBe(4);
    expect(player.requests.every((n) => n >= 1)).toBe(true);
    expect(l.states).toEqual([true, false]);
    // At the end, play does nothing.
    player.play();
    expect(player.playing).toBe(false);
  });

  it('does not play without a run, and draws a pending change with a 0-tick request while paused', async () => {
    const l = listener();
    player = new FakePlayer(l.listener, 10);
    player.hasRun = false;
    player.play();
    expect(player.playing).toBe(false);
    player.hasRun = true;
    player.markDrawPending();
    await until(() => player!.requests.length > 0);
    expect(player.requests).toEqual([0]);
    expect(player.tick).toBe(0);
    expect(l.states).toEqual([]);
  });

  it('stops playing and reports a failed request once', async () => {
    const l = listener();
    player = new FakePlayer(l.listener, 1000);
    player.speed = Infinity;
    player.failNext = true;
    player.play();
    await until(() => l.errors.length > 0);
    await new Promise((r) => setTimeout(r, 60));
    expect(l.errors).toHaveLength(1);
    expect((l.errors[0] as Error).message).toBe('worker failed');
    expect(player.playing).toBe(false);
    expect(l.states).toEqual([true, false]);
    expect(player.requests).toEqual([]);
  });
});
