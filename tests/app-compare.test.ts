import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { hostEngine, type ArmEngine } from '../src/app/compare/arm-engine';
import { compareMetrics, difference } from '../src/app/compare/key-metrics';
import { LockstepPair, type ArmSetup, type PairListener } from '../src/app/compare/lockstep';
import { SeriesStore } from '../src/app/series-store';
import { Engine } from '../src/engine/engine';
import { METRIC_NAMES } from '../src/engine/metrics';
import type { AdvanceResult } from '../src/protocol/engine-api';
import { parseScenario } from '../src/scenario/resolve';
import { EngineHost } from '../workers/engine-host';

const FILE = 'scenarios/breast.json';
const TEXT = readFileSync(FILE, 'utf8');
const SEED = 7;
/** A what-if that changes several compared metrics of this seed within a few dozen ticks. */
const WHATIF = 'deplete:nk@0=1';

function nodeEngine(whatIfs: string[], ticks: number): Engine {
  const e = new Engine(parseScenario(TEXT, FILE, { seed: SEED, whatIfs }));
  e.run(ticks);
  return e;
}

/** A listener that records what the pair hands over. */
function recorder() {
  const advances: Array<{ a: number; b: number; firstA: number; firstB: number }> = [];
  const hashes: Array<[number, string, string]> = [];
  const a = new SeriesStore();
  const b = new SeriesStore();
  const listener: PairListener = {
    onRun: (_ra, _rb, la, lb) => {
      a.reset(la.metrics.map((m) => m.name));
      b.reset(lb.metrics.map((m) => m.name));
    },
    onAdvance: (ra: AdvanceResult, rb: AdvanceResult) => {
      advances.push({ a: ra.tick, b: rb.tick, firstA: ra.firstTick, firstB: rb.firstTick });
      a.push(ra.firstTick, ra.metrics);
      b.push(rb.firstTick, rb.metrics);
    },
    onHashes: (tick, ha, hb) => hashes.push([tick, ha, hb]),
    onPlayState: () => {},
    onError: (err) => {
      throw err;
    },
  };
  return { listener, advances, hashes, a, b };
}

/** An in-process engine whose advances take `delayMs` (so the two arms finish at different times). */
function slowEngine(delayMs: number): ArmEngine {
  const e = hostEngine(new EngineHost());
  return { ...e, advance: async (...args) => {
    await new Promise((r) => setTimeout(r, delayMs));
    return e.advance(...args);
  } };
}

const base: ArmSetup = { scenarioText: TEXT, file: FILE, seed: SEED, whatIfs: [] };
let pair: LockstepPair | null = null;
afterEach(() => pair?.dispose());

describe('compare mode: which metrics, and their differences', () => {
  it('charts metastases.total, every organ niche, every ctc.killed counter and tcells.exhausted, in that order', () => {
    const picked = compareMetrics(METRIC_NAMES);
    const niches = METRIC_NAMES.filter((n) => n.startsWith('niche.'));
    const killed = METRIC_NAMES.filter((n) => n.startsWith('ctc.killed.'));
    expect(niches.length).toBeGreaterThanOrEqual(5);
    expect(killed.length).toBeGreaterThanOrEqual(3);
    expect(picked).toEqual(['metastases.total', ...niches, ...killed, 'tcells.exhausted']);
  });

  it('skips compared metrics the engine does not produce', () => {
    expect(compareMetrics(['cells.primary', 'niche.lung', 'ctc.killed.nk'])).toEqual(['niche.lung', 'ctc.killed.nk']);
  });

  it('differences are B − A per tick over the ticks both stores hold', () => {
    const a = new SeriesStore();
    const b = new SeriesStore();
    a.reset(['x', 'y']);
    b.reset(['x', 'y']);
    a.push(0, new Float64Array([1, 10, 2, 20, 3, 30]));
    b.push(0, new Float64Array([1, 11, 5, 18]));
    expect(Array.from(difference(a, b, 'y'))).toEqual([1, -2]);
    expect(Array.from(difference(a, b, 'x'))).toEqual([0, 3]);
    expect(Array.from(difference(a, b, 'nope'))).toEqual([NaN, NaN]);
  });
});

describe('compare mode: two engines in lockstep', () => {
  it('after runTo(N) both arms are at N with the Node engine\'s hashes for baseline and what-if', async () => {
    const N = 40;
    const r = recorder();
    pair = new LockstepPair([hostEngine(new EngineHost()), hostEngine(new EngineHost())], r.listener);
    const [ia, ib] = await pair.load(base, { ...base, whatIfs: [WHATIF] });
    expect(ia.ok && ib.ok).toBe(true);
    const [ha, hb] = await pair.runTo(N);
    const ea = nodeEngine([], N);
    const eb = nodeEngine([WHATIF], N);
    expect(pair.tick).toBe(N);
    expect(ha).toBe(ea.stateHash());
    expect(hb).toBe(eb.stateHash());
    expect(ha).not.toBe(hb);
    expect(r.hashes.at(-1)).toEqual([N, ha, hb]);
    // What the charts are fed: B − A at tick N equals the difference of the Node runs' metrics.
    for (const m of compareMetrics(METRIC_NAMES)) {
      expect(difference(r.a, r.b, m).at(-1), m).toBe(eb.metrics()[m] - ea.metrics()[m]);
    }
    expect(compareMetrics(METRIC_NAMES).filter((m) => eb.metrics()[m] !== ea.metrics()[m]).length).toBeGreaterThanOrEqual(3);
  });

  it('hands both arms over at the same tick on every request, even when one worker is slower', async () => {
    const r = recorder();
    pair = new LockstepPair([slowEngine(0), slowEngine(15)], r.listener);
    await pair.load(base, { ...base, whatIfs: [WHATIF] });
    pair.speed = Infinity;
    pair.maxBatch = 3;
    pair.play();
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (pair!.tick >= 12) {
          clearInterval(poll);
          resolve();
        }
      }, 5);
    });
    pair.pause();
    await pair.runTo(pair.tick); // settles the request in flight
    expect(r.advances.length).toBeGreaterThanOrEqual(4);
    for (const adv of r.advances) {
      expect(adv.a).toBe(adv.b);
      expect(adv.firstA).toBe(adv.firstB);
    }
    expect(r.a.length).toBe(pair.tick + 1);
    expect(r.b.length).toBe(pair.tick + 1);
  });

  it('stops both arms at the run length when asked to go beyond it', async () => {
    const r = recorder();
    const short = JSON.stringify({ ...JSON.parse(TEXT), ticks: 6 });
    pair = new LockstepPair([hostEngine(new EngineHost()), hostEngine(new EngineHost())], r.listener);
    await pair.load({ ...base, scenarioText: short }, { ...base, scenarioText: short, whatIfs: [WHATIF] });
    await pair.stepBy(4);
    await pair.stepBy(4);
    expect(pair.tick).toBe(6);
    expect(r.advances.filter((x) => x.a > 0).map((x) => [x.a, x.b])).toEqual([[4, 4], [6, 6]]);
  });

  it('a reload queued behind a run-to waits for it, then restarts both arms at tick 0 of the new run', async () => {
    const r = recorder();
    pair = new LockstepPair([slowEngine(2), slowEngine(2)], r.listener);
    await pair.load(base, base);
    const running = pair.runTo(30);
    const reloading = pair.load({ ...base, seed: 8 }, { ...base, seed: 8, whatIfs: [WHATIF] });
    const [ha, hb] = await running;
    expect(ha).toBe(hb); // B had no what-if in the first run: the same state as A
    const [ia, ib] = await reloading;
    expect(ia.ok && ib.ok && ia.seed === 8 && ib.seed === 8).toBe(true);
    expect(pair.tick).toBe(0);
    const [ha8, hb8] = await pair.runTo(5);
    const e = new Engine(parseScenario(TEXT, FILE, { seed: 8, whatIfs: [WHATIF] }));
    e.run(5);
    expect(hb8).toBe(e.stateHash());
    expect(ha8).not.toBe(hb8);
    expect(r.advances.every((x) => x.a === x.b)).toBe(true);
  });

  it('refuses to start when an arm does not load, and says which what-if is wrong', async () => {
    const r = recorder();
    pair = new LockstepPair([hostEngine(new EngineHost()), hostEngine(new EngineHost())], r.listener);
    const [ia, ib] = await pair.load(base, { ...base, whatIfs: ['ko:no-such-cargo'] });
    expect(ia.ok).toBe(true);
    expect(ib.ok).toBe(false);
    if (!ib.ok) expect(ib.message).toMatch(/no-such-cargo/);
    await expect(pair.runTo(5)).rejects.toThrow(/nothing loaded/);
    expect(r.advances).toEqual([]);
  });
});
