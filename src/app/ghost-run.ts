import { readFrame, type FrameView } from '../engine/frame';
import type { WorldLayout } from '../protocol/engine-api';
import { workerEngine, type ArmEngine } from './compare/arm-engine';
import { SeriesStore } from './series-store';

/** The baseline a ghost shows: the page's scenario and seed, without the page's what-ifs. */
export interface GhostSetup {
  scenarioText: string;
  file: string;
  seed: number;
}

/**
 * The baseline "ghost" of a what-if (issue 14, teaching feature 4): the same scenario and seed
 * without the chosen what-ifs, in its own engine worker, kept at the tick the page shows. Its
 * frames are drawn faintly under the what-if run and its metrics dashed on the charts, so after
 * a what-if the baseline stays in view. One request in flight at a time; a ghost that falls
 * behind catches up with the next one.
 */
export class GhostRun {
  /** The baseline's metrics, tick by tick (what the charts draw dashed). */
  readonly series = new SeriesStore();
  /** Ticks the ghost has done. */
  tick = 0;
  private engine: ArmEngine | null = null;
  private layout: WorldLayout | null = null;
  private knownTick = -1;
  private eventsKnown = 0;
  private spare: ArrayBuffer | null = null;
  private inFlight = false;
  private wanted = 0;
  private generation = 0;

  constructor(
    private readonly onFrame: (frame: FrameView) => void,
    private readonly onMetrics: () => void,
    private readonly make: (name: string) => ArmEngine = workerEngine,
  ) {}

  /** Whether a ghost is loaded. */
  get active(): boolean {
    return this.layout !== null;
  }

  /** (Re)loads the baseline at tick 0 (the worker is created on first use and kept). */
  async start(setup: GhostSetup): Promise<boolean> {
    const gen = ++this.generation;
    this.engine ??= this.make('exocascade-ghost');
    this.layout = null;
    // The page's run restarts too: from here on it tells us its tick (syncTo), even while this loads.
    this.wanted = 0;
    const res = await this.engine.init(setup.scenarioText, setup.file, { seed: setup.seed, whatIfs: [] });
    if (gen !== this.generation || !res.ok) return false;
    const layout = await this.engine.layout();
    if (gen !== this.generation) return false;
    this.layout = layout;
    this.series.reset(layout.metrics.map((m) => m.name));
    this.tick = 0;
    this.knownTick = -1;
    this.eventsKnown = 0;
    await this.pump();
    return true;
  }

  /** Asks the ghost to be at `tick` (the tick the page shows); returns at once. */
  syncTo(tick: number): void {
    this.wanted = tick;
    if (!this.inFlight) void this.pump();
  }

  /** Stops the ghost and its worker. */
  stop(): void {
    this.generation++;
    this.layout = null;
    this.engine?.dispose();
    this.engine = null;
    this.spare = null;
    this.series.reset([]);
  }

  private async pump(): Promise<void> {
    const engine = this.engine;
    const layout = this.layout;
    if (!engine || !layout || this.inFlight) return;
    const gen = this.generation;
    this.inFlight = true;
    try {
      while (gen === this.generation && (this.knownTick < 0 || this.wanted > this.tick)) {
        const n = Math.max(0, this.wanted - this.tick);
        const recycled = this.spare;
        this.spare = null;
        const res = await engine.advance(n, this.knownTick, this.eventsKnown, recycled);
        if (gen !== this.generation) return;
        this.spare = res.frame;
        this.tick = res.tick;
        this.knownTick = res.tick;
        this.eventsKnown = res.eventCount;
        this.series.push(res.firstTick, res.metrics);
        this.onFrame(readFrame(res.frame, layout.fieldSizes));
        this.onMetrics();
      }
    } finally {
      this.inFlight = false;
    }
  }
}
