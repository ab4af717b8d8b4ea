import { readFileSync } from 'node:fs';
import { Engine } from '../engine/engine';
import { resolveScenario } from '../scenario/resolve';

/** One benchmark measurement (printed as JSON by `exocascade bench --json`). */
export interface BenchResult {
  kernel: string;
  agents: number;
  ticks: number;
  nsPerAgentTick: number;
  ticksPerSecond: number;
  [extra: string]: number | string;
}

/** Live agents of every kind. */
export function totalAgents(engine: Engine): number {
  const p = engine.world.pools;
  return p.tumour.count + p.exosome.count + p.immune.count + p.platelet.count + p.endothelium.count + p.stroma.count;
}

function timeEngine(kernel: string, engine: Engine, warmupTicks: number, ticks: number): BenchResult {
  engine.run(warmupTicks); // JIT, pool growth, and (for the cascade) a developed tumour
  let agentTicks = 0;
  const t0 = performance.now(); // det-ok: timing only
  for (let k = 0; k < ticks; k++) {
    agentTicks += totalAgents(engine);
    engine.step();
  }
  const ms = performance.now() - t0; // det-ok
  return { kernel, agents: Math.round(agentTicks / ticks), ticks, nsPerAgentTick: (ms * 1e6) / agentTicks, ticksPerSecond: (ticks * 1000) / ms };
}

function scaled(scenarioFile: string, exosomes: number, patch: { populations?: object; modules?: Record<string, object> }): Engine {
  const data = JSON.parse(readFileSync(scenarioFile, 'utf8')) as Record<string, unknown>;
  const modules = { ...(data.modules as Record<string, object>) };
  for (const [id, p] of Object.entries(patch.modules ?? {})) modules[id] = { ...(modules[id] ?? {}), ...p };
  return new Engine(resolveScenario({
    ...data,
    populations: { ...(data.populations as object), initialExosomes: exosomes, ...(patch.populations ?? {}) },
    modules,
  }, scenarioFile, { seed: 1 }));
}

/**
 * The core tick at a given agent count: the default scenario's mechanics (motion, flow, uptake
 * with the neighbour grid, fields, commit) on `agents` exosome packets placed at tick 0, with
 * the cascade's extra populations absent and no new releases, so the count holds.
 */
export function runCoreBench(scenarioFile: string, agents: number, ticks: number): BenchResult {
  const engine = scaled(scenarioFile, agents, {
    populations: { nkCells: 0, cd8Cells: 0, bCells: 0, macrophages: 0, mdscs: 0, platelets: 0 },
    modules: {
      'exosome-release': { packetsPerCellPerHour: 0 },
      'exosome-fate': { halfLifeHours: 1e5, drainageRatePerHour: 0.01, uptakeRatePerHour: 0.001 },
    },
  });
  return timeEngine('core', engine, 2, ticks);
}

/**
 * The full cascade at a given scale: the default scenario (every module and population) with
 * `agents` extra exosome packets at tick 0 that persist (long half-life, rare uptake), timed after 40 ticks
 * so EMT, circulation, arrest and colonies are under way.
 */
export function runCascadeBench(scenarioFile: string, agents: number, ticks: number): BenchResult {
  // The extra packets persist (long half-life, rare uptake) so the agent count holds at scale.
  const engine = scaled(scenarioFile, agents, { modules: { 'exosome-fate': { halfLifeHours: 1e5, uptakeRatePerHour: 0.001 } } });
  return timeEngine('cascade', engine, 40, ticks);
}

/**
 * The same-run baseline: one xorshift draw and a read-modify-write of two Float64Arrays per
 * agent, the least any agent update costs on this machine. Other results are reported relative to it.
 */
export function runBaselineBench(agents: number, ticks: number): BenchResult {
  const x = new Float64Array(agents);
  const y = new Float64Array(agents);
  let s = 0x9e3779b9 | 0;
  const t0 = performance.now(); // det-ok
  for (let k = 0; k < ticks; k++) {
    for (let i = 0; i < agents; i++) {
      s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
      const u = (s >>> 0) / 4294967296;
      x[i] += u - 0.5;
      y[i] += x[i] * 0.5;
    }
  }
  const ms = performance.now() - t0; // det-ok
  return { kernel: 'baseline', agents, ticks, nsPerAgentTick: (ms * 1e6) / (agents * ticks), ticksPerSecond: (ticks * 1000) / ms, checksum: y[agents - 1] };
}
