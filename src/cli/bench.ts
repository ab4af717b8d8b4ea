import { parseArgs } from 'node:util';
import { runBaselineBench, runCascadeBench, runCoreBench, type BenchResult } from '../bench/core-bench';
import { runWalkKernel } from '../bench/walk-kernel';

const SIZES = [10_000, 100_000, 1_000_000];
const CASCADE_SIZES = [50_000, 200_000, 1_000_000];

/**
 * `exocascade bench`: the core tick and the walk kernel at 10k, 100k and 1M agents, the full
 * cascade at 50k, 200k and 1M, plus a same-run baseline; each result carries its cost relative
 * to the baseline and, at 1M, its growth over the smallest comparable size (100k for core and
 * walk, 50k for the cascade). `--quick` runs fewer ticks (for smoke tests).
 */
export async function benchCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, quick: { type: 'boolean' }, scenario: { type: 'string' } } });
  const scenario = values.scenario ?? 'scenarios/breast.json';
  const ticks = (n: number) => Math.min(200, Math.max(values.quick ? 2 : 5, Math.round((values.quick ? 2e6 : 2e7) / n)));
  const results: BenchResult[] = [];
  const baseline = runBaselineBench(1_000_000, values.quick ? 2 : 20);
  results.push(baseline);
  for (const n of SIZES) results.push(runCoreBench(scenario, n, ticks(n)));
  for (const n of CASCADE_SIZES) results.push(runCascadeBench(scenario, n, values.quick ? 2 : Math.min(60, Math.max(8, Math.round(1e7 / n)))));
  for (const n of SIZES) {
    const w = runWalkKernel(n, ticks(n), 'bench');
    results.push({ kernel: 'walk', agents: n, ticks: w.ticks, nsPerAgentTick: w.nsPerAgentTick, ticksPerSecond: 1e9 / (w.nsPerAgentTick * n), neighbourChecksum: w.neighbourChecksum });
  }
  for (const r of results) {
    r.relativeToBaseline = r.nsPerAgentTick / baseline.nsPerAgentTick;
    if (r.kernel === 'baseline' || r.agents < 900_000) continue;
    const smallest = results.filter((x) => x.kernel === r.kernel).sort((a, b) => a.agents - b.agents)[r.kernel === 'cascade' ? 0 : 1];
    r[r.kernel === 'cascade' ? 'growthFrom50k' : 'growthFrom100k'] = r.nsPerAgentTick / smallest.nsPerAgentTick;
  }
  if (values.json) out(JSON.stringify(results, null, 1));
  else for (const r of results) out(`${r.kernel.padEnd(9)} ${String(r.agents).padStart(8)} agents  ${r.nsPerAgentTick.toFixed(1).padStart(7)} ns/agent-tick  ${r.ticksPerSecond.toFixed(1).padStart(8)} ticks/s${r.growthFrom100k ? `  ×${Number(r.growthFrom100k).toFixed(2)} vs 100k` : ''}${r.growthFrom50k ? `  ×${Number(r.growthFrom50k).toFixed(2)} vs 50k` : ''}`);
  return 0;
}
