import { parseArgs } from 'node:util';
import { runBaselineBench, runCoreBench, type BenchResult } from '../bench/core-bench';
import { runWalkKernel } from '../bench/walk-kernel';

const SIZES = [10_000, 100_000, 1_000_000];

/**
 * `exocascade bench`: the core tick and the walk kernel at 10k, 100k and 1M agents, plus a
 * same-run baseline; each result carries its cost relative to the baseline and, at 1M, its
 * growth over 100k. `--quick` runs fewer ticks (for smoke tests).
 */
export async function benchCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, quick: { type: 'boolean' }, scenario: { type: 'string' } } });
  const scenario = values.scenario ?? 'scenarios/breast.json';
  const ticks = (n: number) => Math.min(200, Math.max(values.quick ? 2 : 5, Math.round((values.quick ? 2e6 : 2e7) / n)));
  const results: BenchResult[] = [];
  const baseline = runBaselineBench(1_000_000, values.quick ? 2 : 20);
  results.push(baseline);
  for (const n of SIZES) results.push(runCoreBench(scenario, n, ticks(n)));
  for (const n of SIZES) {
    const w = runWalkKernel(n, ticks(n), 'bench');
    results.push({ kernel: 'walk', agents: n, ticks: w.ticks, nsPerAgentTick: w.nsPerAgentTick, ticksPerSecond: 1e9 / (w.nsPerAgentTick * n), neighbourChecksum: w.neighbourChecksum });
  }
  for (const r of results) {
    r.relativeToBaseline = r.nsPerAgentTick / baseline.nsPerAgentTick;
    const at100k = results.find((x) => x.kernel === r.kernel && x.agents >= 90_000 && x.agents <= 110_000);
    if (r.agents >= 900_000 && at100k && r.kernel !== 'baseline') r.growthFrom100k = r.nsPerAgentTick / at100k.nsPerAgentTick;
  }
  if (values.json) out(JSON.stringify(results, null, 1));
  else for (const r of results) out(`${r.kernel.padEnd(9)} ${String(r.agents).padStart(8)} agents  ${r.nsPerAgentTick.toFixed(1).padStart(7)} ns/agent-tick  ${r.ticksPerSecond.toFixed(1).padStart(8)} ticks/s`);
  return 0;
}
