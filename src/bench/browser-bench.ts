/**
 * `npm run bench:browser`: the web app in headless Chromium with ~100k agents on screen.
 * Prints JSON: the main thread's work per frame (frame receipt + particle update, no GPU time)
 * and the worker's frame hand-over, each against a baseline measured in the same run (naive
 * particle rebuild; fresh, copied frame buffers), with the targets.
 */
import { readFileSync } from 'node:fs';
import { encodeSource } from '../app/url-state';
import { chromiumAvailable, openPage, startHarness } from '../../tests/browser/harness';

const AGENTS = Number(process.env.BENCH_AGENTS ?? 100_000);
const FRAMES = Number(process.env.BENCH_FRAMES ?? 90);
const TARGET_MAIN_MS = 4;
const TARGET_HANDOVER_MS = 1;

/**
 * The default scenario with AGENTS exosome packets at tick 0 and their count held steady
 * (no release, no clearance, no uptake), close to what the core bench does.
 */
function benchScenario(): string {
  const data = JSON.parse(readFileSync('scenarios/breast.json', 'utf8')) as Record<string, unknown>;
  return JSON.stringify({
    ...data,
    name: `Browser bench (${AGENTS} exosomes)`,
    populations: { ...(data.populations as object), initialExosomes: AGENTS },
    modules: {
      ...(data.modules as object),
      'exosome-release': { packetsPerCellPerHour: 0 },
      'exosome-fate': { halfLifeHours: 1e5, drainageRatePerHour: 0.01, uptakeRatePerHour: 0 },
    },
  });
}

async function main(): Promise<void> {
  if (!chromiumAvailable()) throw new Error('Chromium not found: install it (apt-get install -y chromium) or set EXOCASCADE_CHROMIUM');
  // The dev server: the in-page bench imports its module by URL.
  const h = await startHarness('dev');
  try {
    const { page, problems } = await openPage(h, `?src=${await encodeSource(benchScenario())}&seed=1`);
    if (problems.errors.length) throw new Error(`page errors: ${problems.errors.join('; ')}`);
    const loaded = await page.evaluate('window.__exo.runId()');
    if (loaded === null) throw new Error('the bench scenario did not load');
    // Warm-up: JIT, particle pools and GL buffers reach their size before timing.
    await page.evaluate('window.__exo.runTo(3)');
    const result = (await page.evaluate(`(async () => {
      const { runFrameBench } = await import('/src/app/bench/frame-bench.ts');
      return runFrameBench(window.__exo.app, ${FRAMES});
    })()`)) as Awaited<ReturnType<typeof import('../app/bench/frame-bench').runFrameBench>>;
    const main = result.mainThreadFrame.medianMs;
    const handover = result.workerHandover.medianMs;
    const out = {
      bench: 'browser',
      browser: h.browser.version(),
      agentsRequested: AGENTS,
      ...result,
      targets: {
        mainThreadFrameMedianMs: TARGET_MAIN_MS,
        workerHandoverMedianMs: TARGET_HANDOVER_MS,
        mainThreadPass: main <= TARGET_MAIN_MS,
        workerPass: handover <= TARGET_HANDOVER_MS,
      },
      speedupVsBaseline: {
        mainThread: result.baseline.naiveParticlesFrame.medianMs / main,
        workerHandover: result.baseline.workerFreshBufferCopy.medianMs / result.baseline.workerPooled.medianMs,
      },
    };
    console.log(JSON.stringify(out, null, 2));
    await page.close();
  } finally {
    await h.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
