import type { Engine } from '../engine/engine';
import { POOL_ORDER } from '../engine/kinds';
import { BudgetError, HARD_LIMITS, fmtCount } from './budget';

// The budget while a run goes: growth that the estimate before the run cannot foresee (colonies
// filling organs, each releasing packets) is stopped between ticks, deterministically (it
// counts agents, never the clock), before a pool would outgrow its id space within a tick.

/** Checks a run's live agents before each tick against the agent budget; a run it stops throws BudgetError. */
export class RunGuard {
  private readonly packetsPerCellTick: number;

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
    for (const name of POOL_ORDER) live += pools[name].count;
    // Packets the next tick may stage (mean, with room for Poisson noise).
    const births = Math.ceil(1.5 * pools.tumour.count * this.packetsPerCellTick * engine.world.interventions.secretionScale) + 16;
    if (live + births > this.maxAgents || pools.exosome.count + births > HARD_LIMITS.agentsOfOneKind) {
      const counts = POOL_ORDER.filter((k) => pools[k].count > 0).map((k) => `${k} ${fmtCount(pools[k].count)}`).join(', ');
      throw new BudgetError(
        `${this.label}: stopped before tick ${engine.tick + 1}: ${fmtCount(live)} live agents (${counts}) and up to ${fmtCount(births)} packets released next tick ` +
          `exceed the budget of ${fmtCount(Math.min(this.maxAgents, HARD_LIMITS.agentsOfOneKind))} agents; the run grew beyond its estimate (--budget raises it)`,
      );
    }
  }

  /** Runs `ticks` more ticks, checking before each. */
  run(engine: Engine, ticks: number): void {
    for (let k = 0; k < ticks; k++) {
      this.check(engine);
      engine.step();
    }
  }
}
