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

/**
 * The core tick at a given agent count: the default scenario with `agents` exosome packets
 * placed at tick 0 (half in tissue, half in the circulation) and a long half-life so the count
 * holds, running every module (motion, flow, uptake with the neighbour grid, fields, commit).
 */
export function runCoreBench(scenarioFile: string, agents: number, ticks: number): BenchResult {
  const data = JSON.parse(readFileSync(scenarioFile, 'utf8')) as Record<string, unknown>;
  const config = resolveScenario({
    ...data,
    populations: { ...(data.populations as object), initialExosomes: agents },
    modules: {
      ...(data.modules as object),
      // Hold the count steady: no new releases, no clearance, slow turnover between compartments.
      'exosome-release': { packetsPerCellPerHour: 0 },
      'exosome-transport': { halfLifeHours: 1e5, drainageRatePerHour: 0.01 },
      organotropism: { bedExitRatePerHour: 0.02 },
      'exosome-uptake': { uptakeProbability: 0.01 },
    },
  }, scenarioFile, { seed: 1 });
  const engine = new Engine(config);
  engine.run(2); // warm-up: JIT and pool growth
  let agentTicks = 0;
  const t0 = performance.now(); // det-ok: timing only
  for (let k = 0; k < ticks; k++) {
    agentTicks += totalAgents(engine);
    engine.step();
  }
  const ms = performance.now() - t0; // det-ok
  return {
    kernel: 'core',
    agents: Math.round(agentTicks / ticks),
    ticks,
    nsPerAgentTick: (ms * 1e6) / agentTicks,
    ticksPerSecond: (ticks * 1000) / ms,
  };
}

/** Live agents of every kind. */
export function totalAgents(engine: Engine): number {
  const p = engine.world.pools;
  return p.tumour.count + p.exosome.count + p.immune.count + p.platelet.count + p.endothelium.count + p.stroma.count;
}

/**
 * The same-run baseline: one xor128 draw and a read-modify-write of two Float64Arrays per agent,
 * the least any agent update costs on this machine. Other results are reported relative to it.
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
