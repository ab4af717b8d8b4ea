import type { Engine } from '../engine/engine';
import { FieldRangeError } from '../core/field-grid';
import { POOL_ORDER } from '../engine/kinds';
import { BudgetError, HARD_LIMITS, fmtCount } from './budget';

// The budget while a run goes: growth that the estimate before the run cannot foresee (colonies
// filling organs, each releasing packets; a recruitment loop such as BMDCs raising the niche
// that recruits them) is stopped between ticks, deterministically (it counts agents, never the
// clock), before a pool would outgrow its id space within a tick. The next tick's births are
// projected as the packets the tumour cells may release, or twice the last tick's growth of
// each pool, whichever is larger.

/** Checks a run's live agents before each tick against the agent budget; a run it stops throws BudgetError. */
export class RunGuard {
  private readonly packetsPerCellTick: number;
  /** Each pool's count before the last tick (POOL_ORDER), for the growth projection. */
  private readonly before: number[] = [];

  /**
   * `maxAgents`: the budget's agent count (budgetFor(factor).agents); `label` names the run in
   * the message. Pure: the same run stops at the same tick on any machine.
   */
  constructor(engine: Engine, private readonly maxAgents: number, private readonly label: string) {
    const release = engine.config.modules['exosome-release'];
    this.packetsPerCellTick = (release?.packetsPerCellPerHour ?? 0) * engine.config.tickHours * Math.max(1, release?.invadingMultiplier ?? 1);
  }

  /** Throws BudgetError when the next tick could take the run past its agent budget or a pool past its limit. */
  check(engine: Engine): void {
    const pools = engine.world.pools;
    let live = 0;
    let births = 0;
    let worst = '';
    POOL_ORDER.forEach((name, k) => {
      const count = pools[name].count;
      const grown = 2 * Math.max(0, count - (this.before[k] ?? count));
      // Packets the next tick may stage (mean, with room for Poisson noise).
      const packets = name === 'exosome' ? Math.ceil(1.5 * pools.tumour.count * this.packetsPerCellTick * engine.world.interventions.secretionScale) + 16 : 0;
      const next = Math.max(grown, packets);
      if (count + next > HARD_LIMITS.agentsOfOneKind) worst = name;
      live += count;
      births += next;
      this.before[k] = count;
    });
    if (live + births > this.maxAgents || worst) {
      const counts = POOL_ORDER.filter((k) => pools[k].count > 0).map((k) => `${k} ${fmtCount(pools[k].count)}`).join(', ');
      throw new BudgetError(
        `${this.label}: stopped before tick ${engine.tick + 1}: ${fmtCount(live)} live agents (${counts}) and up to ${fmtCount(births)} more next tick ` +
          `exceed the budget of ${fmtCount(worst ? HARD_LIMITS.agentsOfOneKind : this.maxAgents)} agents${worst ? ` of one kind (${worst})` : ''}; the run grew beyond its estimate (--budget raises it)`,
      );
    }
  }

  /** Runs `ticks` more ticks, checking before each. */
  run(engine: Engine, ticks: number): void {
    for (let k = 0; k < ticks; k++) {
      this.check(engine);
      try {
        engine.step();
      } catch (err) {
        // A signal source that ran away (a recruitment loop) can outgrow a field's exact sums
        // before it outgrows the agent budget: the same runaway, stopped at the same tick.
        if (!(err instanceof FieldRangeError)) throw err;
        throw new BudgetError(
          `${this.label}: stopped in tick ${engine.tick + 1}: a field's deposits in one tick grew beyond what its grid sums exactly ` +
            `(deposits into cell ${err.cell} reach ${err.reached} this tick (amount ${err.amount}), beyond exact range); the run grew beyond what the model represents`,
        );
      }
    }
  }
}
