import { readFrame } from '../../engine/frame';
import type { AdvanceResult, InitResult, WorldLayout } from '../../protocol/engine-api';
import { SeriesStore } from '../series-store';
import { workerEngine, type ArmEngine } from './arm-engine';
import { CompareView } from './compare-view';
import { LockstepPair, type ArmSetup } from './lockstep';

type InitOk = Extract<InitResult, { ok: true }>;

/** What to compare: the app's scenario and seed; B adds the app's what-ifs. */
export interface CompareRun {
  scenarioText: string;
  file: string;
  seed: number;
  /** The what-ifs chosen in the UI (B's; A has none beyond the scenario file's own). */
  whatIfs: string[];
}

/** What compare mode asks of the page around it. */
export interface CompareHost {
  notify(text: string, kind?: 'info' | 'error'): void;
  /** Shows the common tick in the header. */
  setTick(tick: number, runTicks: number, tickHours: number): void;
  setPlaying(playing: boolean): void;
}

/**
 * Compare mode: a LockstepPair of two engine workers (A baseline, B with the what-ifs, same
 * seed), drawn into the split view's two maps and the difference charts. Workers exist only
 * while the mode is on; the maps are created once and kept.
 */
export class CompareMode {
  readonly view = new CompareView();
  readonly seriesA = new SeriesStore();
  readonly seriesB = new SeriesStore();
  active = false;
  speed = 20;
  /** ms to create both maps (first activation), for the record. */
  mapInitMs = 0;
  private pair: LockstepPair | null = null;
  private layouts: [WorldLayout, WorldLayout] | null = null;
  private generation = 0;
  private lastPanels = 0;

  constructor(private readonly host: CompareHost, private readonly makeEngine: (name: string) => ArmEngine = workerEngine) {}

  /** The page element of the split view. */
  get el(): HTMLElement {
    return this.view.el;
  }

  /** The lockstep pair while the mode is on (tests and benchmarks read its timings). */
  get current(): LockstepPair | null {
    return this.pair;
  }

  /** Turns the mode on for `run` (starting both arms at tick 0). */
  async enter(run: CompareRun): Promise<boolean> {
    this.active = true;
    this.view.show(true);
    this.mapInitMs = await this.view.init();
    return this.start(run);
  }

  /** Turns the mode off: stops both workers and hides the view. */
  exit(): void {
    this.active = false;
    this.generation++;
    this.pair?.dispose();
    this.pair = null;
    this.view.show(false);
  }

  /**
   * (Re)starts the comparison for `run` at tick 0. The two workers are started on the first
   * call and reused after (a what-if edit reloads them, it does not respawn them). Returns false
   * (and says why) when either arm does not load.
   */
  async start(run: CompareRun): Promise<boolean> {
    const gen = ++this.generation;
    this.pair ??= new LockstepPair([this.makeEngine('exocascade-compare-a'), this.makeEngine('exocascade-compare-b')], {
      onRun: (a, b, la, lb) => this.onRun(a, b, la, lb),
      onAdvance: (a, b) => this.onAdvance(a, b),
      onHashes: (tick, ha, hb) => this.view.showHashes(tick, ha, hb),
      onPlayState: (p) => this.onPlayState(p),
      onError: (err) => this.host.notify(`Compare mode stopped with an error: ${(err as Error)?.message ?? String(err)}`, 'error'),
    });
    const pair = this.pair;
    pair.speed = this.speed;
    const base: ArmSetup = { scenarioText: run.scenarioText, file: run.file, seed: run.seed, whatIfs: [] };
    const [ra, rb] = await pair.load(base, { ...base, whatIfs: run.whatIfs });
    if (gen !== this.generation) return false;
    if (!ra.ok || !rb.ok) {
      const bad = [ra, rb].find((r): r is Extract<InitResult, { ok: false }> => !r.ok)!;
      this.host.notify(`Compare mode could not load: ${bad.message}`, 'error');
      return false;
    }
    return true;
  }

  /** Starts or resumes lockstep playback. */
  play(): void {
    this.pair?.play();
  }

  /** Pauses both arms after the request in flight. */
  pause(): void {
    this.pair?.pause();
  }

  /** Advances both arms one tick. */
  step(): void {
    void this.pair?.stepBy(1);
  }

  /** Sets playback speed (ticks per second, Infinity = as fast as possible). */
  setSpeed(ticksPerSecond: number): void {
    this.speed = ticksPerSecond;
    if (this.pair) this.pair.speed = ticksPerSecond;
  }

  /** Whether playback is on. */
  get playing(): boolean {
    return this.pair?.playing ?? false;
  }

  /** Ticks both arms have done. */
  get tick(): number {
    return this.pair?.tick ?? 0;
  }

  /** Pauses, runs both arms to `target` and returns [hash A, hash B] there (tests, curious users). */
  async runTo(target: number): Promise<[string, string]> {
    if (!this.pair) throw new Error('compare mode is off');
    const hashes = await this.pair.runTo(target);
    this.view.charts.update(this.seriesA, this.seriesB, true);
    return hashes;
  }

  /** Shows or hides an agent kind on both maps. */
  setKindVisible(kind: string, visible: boolean): void {
    this.view.a.map.setKindVisible(kind, visible);
    this.view.b.map.setKindVisible(kind, visible);
  }

  /** Shows a field overlay on both maps. */
  setField(name: string | null): void {
    this.view.a.map.setField(name);
    this.view.b.map.setField(name);
  }

  private onRun(a: InitOk, b: InitOk, la: WorldLayout, lb: WorldLayout): void {
    this.layouts = [la, lb];
    this.seriesA.reset(la.metrics.map((m) => m.name));
    this.seriesB.reset(lb.metrics.map((m) => m.name));
    this.view.a.map.setLayout(la);
    this.view.b.map.setLayout(lb);
    this.view.label(a.name, a.seed, a.whatIfs, b.whatIfs);
    this.view.charts.reset(this.seriesA.names, a.tickHours);
    this.view.showTick(0, a.ticks, a.tickHours);
    this.host.setTick(0, a.ticks, a.tickHours);
  }

  private onAdvance(a: AdvanceResult, b: AdvanceResult): void {
    const [la, lb] = this.layouts!;
    this.view.a.map.applyFrame(readFrame(a.frame, la.fieldSizes));
    this.view.b.map.applyFrame(readFrame(b.frame, lb.fieldSizes));
    this.seriesA.push(a.firstTick, a.metrics);
    this.seriesB.push(b.firstTick, b.metrics);
    const pair = this.pair!;
    this.view.showTick(a.tick, pair.runTicks, pair.tickHours);
    this.host.setTick(a.tick, pair.runTicks, pair.tickHours);
    const now = performance.now();
    const paused = !pair.playing;
    if (paused || now - this.lastPanels > 120) {
      this.lastPanels = now;
      this.view.charts.update(this.seriesA, this.seriesB, paused);
    }
  }

  private onPlayState(playing: boolean): void {
    this.host.setPlaying(playing);
    if (!playing) this.view.charts.update(this.seriesA, this.seriesB, true);
  }
}
