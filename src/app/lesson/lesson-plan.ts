import type { CascadeStep } from '../../catalog/effects';
import type { SeriesStore } from '../series-store';

/** The moment a lesson step opens: the step, the tick, the metric that rose and the organ it names. */
export interface LessonMoment {
  step: CascadeStep;
  tick: number;
  /** The metric whose rise opened the step ('' when the run ended before the step happened). */
  metric: string;
  /** Organ the metric names (steps 4 and 5), or null. */
  organ: string | null;
  /** True when the run ended before the step's event: the step is shown at the last tick, as "not yet". */
  notYet: boolean;
}

/** Metrics whose rise opens each step, in the cascade's order. Per-organ families end with '.'. */
const TRIGGERS: Record<CascadeStep, readonly string[]> = {
  1: ['cells.invading', 'ctc.intravasated'],
  2: ['vessels.sprouts'],
  3: ['ctc.killed.nk', 'ctc.killed.t', 'ctc.killed.shear', 'ctc.cloaked.total'],
  4: ['ctc.arrested.'],
  5: ['metastases.'],
};
/** Per-organ names under a family that are not organs. */
const NOT_ORGANS = new Set(['total', 'systemic', 'primary']);

/**
 * The lesson in the cascade's order (issue 14, teaching feature 1). A run does not happen in
 * that order — a vessel may sprout before any cell invades — so the lesson does not follow the
 * first event of each step. It opens step 1 at the first invasion, then step 2 at the first
 * sprout at or after that tick, step 3 at the first kill or cloak after that, and so on: steps 1
 * to 5, in order, each once, time only moving forward. A lesson started mid-run begins with
 * step 1 at the next invasion (nothing is skipped); a run that ends first shows the remaining
 * steps at its last tick as "not yet".
 */
export class LessonPlan {
  private next: CascadeStep | 6 = 1;
  private from = 0;
  private triggers: Array<{ step: CascadeStep; k: number; name: string; organ: string | null }> = [];
  /** Moments reached so far, in order. */
  readonly moments: LessonMoment[] = [];

  /** Starts over for a run's metric names, looking from tick `fromTick` on. */
  reset(names: readonly string[], organs: readonly string[], fromTick = 0): void {
    this.next = 1;
    this.from = fromTick;
    this.moments.length = 0;
    this.triggers = [];
    for (const step of [1, 2, 3, 4, 5] as CascadeStep[]) {
      for (const t of TRIGGERS[step]) {
        names.forEach((name, k) => {
          const family = t.endsWith('.');
          const rest = name.slice(t.length);
          if (family ? name.startsWith(t) && organs.includes(rest) && !NOT_ORGANS.has(rest) : name === t) {
            this.triggers.push({ step, k, name, organ: family ? rest : null });
          }
        });
      }
    }
  }

  /** The next step to open (6 when all five have). */
  get pending(): CascadeStep | 6 {
    return this.next;
  }

  /** Whether all five steps have opened. */
  get done(): boolean {
    return this.next > 5;
  }

  /**
   * Steps that open in ticks (fromTick, toTick], in order; several may open at one tick (each
   * at most once). Reads the store's metric rows.
   */
  check(store: SeriesStore, fromTick: number, toTick: number): LessonMoment[] {
    const out: LessonMoment[] = [];
    for (let t = Math.max(0, fromTick + 1, this.from); t <= toTick && t < store.length && this.next <= 5; t++) {
      while (this.next <= 5) {
        const step = this.next as CascadeStep;
        const hit = this.triggers.find((tr) => tr.step === step && store.at(tr.k, t) > (t > 0 ? store.at(tr.k, t - 1) : 0));
        if (!hit) break;
        const m: LessonMoment = { step, tick: t, metric: hit.name, organ: hit.organ, notYet: false };
        out.push(m);
        this.moments.push(m);
        this.from = t;
        this.next = (step + 1) as CascadeStep | 6;
      }
    }
    return out;
  }

  /** At the end of the run: the steps that have not opened, shown at `lastTick` as "not yet". */
  finish(lastTick: number): LessonMoment[] {
    const out: LessonMoment[] = [];
    while (this.next <= 5) {
      const m: LessonMoment = { step: this.next as CascadeStep, tick: lastTick, metric: '', organ: null, notYet: true };
      out.push(m);
      this.moments.push(m);
      this.next = (this.next + 1) as CascadeStep | 6;
    }
    return out;
  }
}
