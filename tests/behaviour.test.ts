import { beforeAll, describe, expect, it } from 'vitest';
import { CLAIMS } from '../src/validate/claims';
import { runClaims, type ClaimResult } from '../src/validate/run-claims';

// The review's findings must emerge from mechanisms: every claim of `exocascade validate`, run
// by the same runner (20 paired seeds at the presets' default run length). Effects must clear
// their minimal effect size, controls must stay inside their margin. Nothing here or in the
// engine looks at which scenario or cargo is running.

let results: Map<string, ClaimResult>;
beforeAll(async () => {
  const list = await runClaims(CLAIMS, { seeds: 20, workers: 2, progress: null });
  results = new Map(list.map((r) => [r.id, r]));
}, 900_000);

describe('behaviour that must emerge (20 seeds, paired 95% CIs)', () => {
  for (const claim of CLAIMS) {
    const label = `${claim.kind} · step ${claim.step} · ${claim.id}: ${claim.statement}`;
    it(label, () => {
      const r = results.get(claim.id)!;
      const failed = r.checks.filter((c) => !c.pass).map((c) => `${c.metric} Δ${c.meanDiff.toFixed(3)} CI ${JSON.stringify(c.ci)} needs ${c.direction ?? '±'}${c.threshold.toFixed(3)}`);
      expect(failed).toEqual([]);
    });
  }
});
