import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../src/engine/version';
import { CLAIMS } from '../src/validate/claims';
import { runClaims, type ClaimResult } from '../src/validate/run-claims';

// The review's findings must emerge from mechanisms: every claim of `exocascade validate`, run
// by the same runner (20 paired seeds at the presets' default run length). Effects must clear
// their minimal effect size, controls must stay inside their margin. Nothing here or in the
// engine looks at which scenario or cargo is running.

/**
 * Claims engine 0.1.0 does not meet (issue 13's draft list, measured with 20 seeds): issue 12's
 * model is expected to. They are checked to fail on 0.1.0, so one that starts passing shows up
 * here; on any other engine version every claim must pass.
 */
const NOT_YET_ON_0_1_0 = new Set([
  'pd-l1-tcells', 'mir-25-3p-vessels', 'platelets-nk', 'mir-770-suppresses', 'mir-193a-suppresses',
  'pkm2-bone', 'cemip-brain', 'itga6b4-spares-liver', 'mif-spares-lung',
]);
const pending = (id: string) => ENGINE_VERSION === '0.1.0' && NOT_YET_ON_0_1_0.has(id);

let results: Map<string, ClaimResult>;
beforeAll(async () => {
  const list = await runClaims(CLAIMS, { seeds: 20, workers: 2, progress: null });
  results = new Map(list.map((r) => [r.id, r]));
}, 900_000);

describe('behaviour that must emerge (20 seeds, paired 95% CIs)', () => {
  for (const claim of CLAIMS) {
    const label = `${claim.kind} · step ${claim.step} · ${claim.id}: ${claim.statement}`;
    if (pending(claim.id)) {
      it(`not yet on engine ${ENGINE_VERSION}: ${label}`, () => {
        expect(results.get(claim.id)!.pass).toBe(false);
      });
      continue;
    }
    it(label, () => {
      const r = results.get(claim.id)!;
      const failed = r.checks.filter((c) => !c.pass).map((c) => `${c.metric} Δ${c.meanDiff.toFixed(3)} CI ${JSON.stringify(c.ci)} needs ${c.direction ?? '±'}${c.threshold.toFixed(3)}`);
      expect(failed).toEqual([]);
    });
  }
});
