import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// Start-up benchmark of the command line: each command below is run as a user runs it (a
// fresh `node bin/exocascade.mjs …` process, wall time from spawn to exit), `repeat` times,
// and its median printed as JSON. With `--baseline DIR` the same commands run from another
// checkout too (e.g. a clone of main built with its own `npm ci`), interleaved with this one
// so background load hits both alike: the same-run baseline that the numbers are read against.
//
//   npm run bench:cli [-- --repeat 9 --baseline /tmp/exocascade-main]

/** A command to time: its arguments after `exocascade`, run from the checkout's root. */
interface CliCase {
  name: string;
  args: (out: string) => string[];
}

const CASES: CliCase[] = [
  { name: 'catalog --json', args: () => ['catalog', '--json'] },
  { name: 'run --ticks 1', args: () => ['run', 'scenarios/breast.json', '--ticks', '1', '--json'] },
  { name: 'run (default 300 ticks)', args: () => ['run', 'scenarios/breast.json', '--json'] },
  {
    name: 'experiment 2 runs, 1 worker, 1 tick',
    args: (out) => ['experiment', 'scenarios/breast.json', '--seeds', '1..2', '--ticks', '1', '--workers', '1', '--quiet', '--out', out],
  },
];

const HERE = fileURLToPath(new URL('../../', import.meta.url));

/** Wall milliseconds of one invocation of `exocascade args` in checkout `root`. */
function timeOnce(root: string, c: CliCase): number {
  const out = mkdtempSync(join(tmpdir(), 'exocascade-cli-bench-'));
  try {
    const t0 = performance.now(); // det-ok: benchmark timing
    const r = spawnSync(process.execPath, [join(root, 'bin', 'exocascade.mjs'), ...c.args(out)], { cwd: root, encoding: 'utf8' });
    const ms = performance.now() - t0; // det-ok: benchmark timing
    if (r.status !== 0) throw new Error(`${root}: exocascade ${c.args(out).join(' ')} failed (${r.status}): ${r.stderr}`);
    return ms;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (v: number) => Math.round(v * 10) / 10;

/** Median wall ms per command for each checkout (`roots[0]` is this one), interleaved. */
export function runCliBench(roots: readonly string[], repeat: number) {
  // Untimed: the first start of a checkout may warm caches (the old bundle cache built here).
  for (const root of roots) for (const c of CASES) timeOnce(root, c);
  const samples = roots.map(() => CASES.map((): number[] => []));
  for (let k = 0; k < repeat; k++) {
    const order = k % 2 === 0 ? roots.map((_, i) => i) : roots.map((_, i) => roots.length - 1 - i);
    for (const i of order) CASES.forEach((c, j) => samples[i][j].push(timeOnce(roots[i], c)));
  }
  const medians = samples.map((perCase) => Object.fromEntries(CASES.map((c, j) => [c.name, round(median(perCase[j]))])));
  return {
    bench: 'cli-startup',
    repeat,
    unit: 'ms wall, median, fresh process',
    checkout: { root: roots[0], medianMs: medians[0] },
    baseline: roots[1] ? { root: roots[1], medianMs: medians[1] } : null,
    ratioToBaseline: roots[1] ? Object.fromEntries(CASES.map((c) => [c.name, Math.round((medians[0][c.name] / medians[1][c.name]) * 1000) / 1000])) : null,
  };
}

async function cli(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { repeat: { type: 'string' }, baseline: { type: 'string' } } });
  const roots = [HERE, ...(values.baseline ? [resolve(values.baseline)] : [])];
  process.stdout.write(`${JSON.stringify(runCliBench(roots, Number(values.repeat ?? 7)), null, 1)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await cli();
