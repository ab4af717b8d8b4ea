import type { SimEvent } from '../../engine/events';
import type { WorldLayout } from '../../protocol/engine-api';
import { formatDay } from '../format';
import { clearStep, showStep } from '../highlights';
import type { MapView } from '../render/map-view';
import type { SeriesStore } from '../series-store';
import { STEPS } from '../steps';
import { LessonDialog, type LessonItem } from '../ui/lesson';
import { LessonPlan, type LessonMoment } from './lesson-plan';
import { momentText } from './lesson-texts';

/** What the lesson needs from the page. */
export interface LessonHost {
  readonly map: MapView;
  readonly series: SeriesStore;
  layout(): WorldLayout | null;
  events(): readonly SimEvent[];
  /** Current tick of the run. */
  tick(): number;
  pause(): void;
  play(): void;
  /** Restarts the run from tick 0 (same scenario, seed and what-ifs). */
  restart(): Promise<void>;
  /** Marks a step card (null: none). */
  focusCard(step: number | null): void;
  /** Turns lesson mode off in the page (checkbox, URL). */
  ended(): void;
  /** Follows the founder of a metastasis (the first of the run), or null when there is none. */
  follower(): (() => void) | null;
}

/**
 * Lesson mode: the causal-order plan (LessonPlan) over the run's metrics, the dialog, and the
 * map pointing at each step. The run pauses on the tick a step opens (the page advances one tick
 * per request in lesson mode), and resumes when the learner continues; after step 5 the summary.
 */
export class LessonController {
  readonly plan = new LessonPlan();
  readonly dialog = new LessonDialog();
  /** Lesson mode is on. */
  on = false;
  private names: readonly string[] = [];
  private organs: readonly string[] = [];

  constructor(private readonly host: LessonHost) {
    this.dialog.onShow = (item) => this.point(item);
    this.dialog.onContinue = () => this.resume();
    this.dialog.onEnd = () => this.end();
    this.dialog.onRestart = () => void this.host.restart();
  }

  /** A new run was loaded (tick 0): the plan starts over. */
  onRun(names: readonly string[], organs: readonly string[]): void {
    this.names = names;
    this.organs = organs;
    this.plan.reset(names, organs, 0);
    this.dialog.close();
    this.dialog.onFollow = null;
  }

  /** Turns the lesson on; mid-run it first offers a restart. */
  start(): void {
    this.on = true;
    this.dialog.resetPredictions();
    const tick = this.host.tick();
    if (tick === 0) {
      this.plan.reset(this.names, this.organs, 0);
      return;
    }
    this.host.pause();
    const layout = this.host.layout();
    this.dialog.offerRestart(formatDay(tick, layout?.tickHours ?? 1), () => this.plan.reset(this.names, this.organs, tick + 1));
  }

  /** Turns the lesson off (the page's checkbox). */
  stop(): void {
    this.on = false;
    this.dialog.close();
    clearStep(this.host.map);
    this.host.focusCard(null);
  }

  /** Metrics for ticks (known, tick] arrived: opens the steps they reach, pausing the run. */
  onAdvance(known: number, tick: number, runTicks: number): void {
    if (!this.on || this.plan.done) return;
    let moments = this.plan.check(this.host.series, known, tick);
    if (tick >= runTicks && !this.plan.done) moments = [...moments, ...this.plan.finish(tick)];
    if (moments.length === 0) return;
    this.host.pause();
    this.dialog.show(moments.map((m) => this.item(m)));
  }

  private item(m: LessonMoment): LessonItem {
    const layout = this.host.layout()!;
    const def = STEPS[m.step - 1];
    return {
      moment: m, def,
      when: `${formatDay(m.tick, layout.tickHours)} · tick ${m.tick}${m.notYet ? ' · end of the run' : ''}`,
      happened: momentText(m, {
        store: this.host.series, events: this.host.events(), tickHours: layout.tickHours, organs: this.organs,
        vesselName: (i) => layout.vessels[i]?.name ?? 'circulation',
      }),
    };
  }

  private point(item: LessonItem): void {
    const layout = this.host.layout();
    if (!layout) return;
    this.host.focusCard(item.def.step);
    const place = showStep(this.host.map, layout, item, this.host.events());
    // Dock the dialog on the side of the map away from what it points at (when zoomed, the place is centred).
    const left = place.zoom === 1 && (place.point?.x ?? place.x) > layout.worldSize.width * 0.45;
    this.dialog.el.classList.toggle('dock-left', left);
    this.dialog.el.classList.toggle('dock-right', !left);
  }

  private resume(): void {
    clearStep(this.host.map);
    this.host.focusCard(null);
    if (this.plan.done) {
      this.dialog.onFollow = this.host.follower();
      this.dialog.showSummary();
      return;
    }
    this.host.play();
  }

  private end(): void {
    this.stop();
    this.host.ended();
  }
}
