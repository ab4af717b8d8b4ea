import { Engine } from '../src/engine/engine';
import { formatWhatIf } from '../src/scenario/whatif';
import { ScenarioError } from '../src/scenario/errors';
import { parseScenario, scenarioHash } from '../src/scenario/resolve';
import type { EngineApi, InitResult, StepResult } from '../src/protocol/engine-api';

/**
 * The engine behind the worker protocol. Holds one run; a scenario that fails validation is
 * reported and the previous run is kept, so the caller never loses its last good state.
 */
export class EngineHost implements EngineApi {
  private engine: Engine | null = null;

  init(scenarioText: string, file: string, overrides: { seed?: number; ticks?: number; whatIfs?: string[] }): InitResult {
    try {
      const config = parseScenario(scenarioText, file, overrides);
      this.engine = new Engine(config);
      return {
        ok: true, name: config.name, seed: config.seed, ticks: config.ticks, scenarioHash: scenarioHash(config),
        stateHash: this.engine.stateHash(), whatIfs: config.whatIfs.map(formatWhatIf),
      };
    } catch (err) {
      if (err instanceof ScenarioError) return { ok: false, file: err.file, issues: [...err.issues], message: err.message };
      throw err;
    }
  }

  step(n: number): StepResult {
    const e = this.require();
    e.run(n);
    return { tick: e.tick, metrics: Array.from(e.series[e.series.length - 1]) };
  }

  stateHash(): string {
    return this.require().stateHash();
  }

  tick(): number {
    return this.require().tick;
  }

  metrics(): Record<string, number> {
    return this.require().metrics();
  }

  private require(): Engine {
    if (!this.engine) throw new Error('no scenario loaded: call init first');
    return this.engine;
  }
}
