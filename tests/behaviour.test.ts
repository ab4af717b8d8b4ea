import { describe, expect, it } from 'vitest';
import { CLAIMS } from '../src/validate/claims';
import { runClaim } from '../src/validate/run-claims';

// The review's findings must emerge from mechanisms: each claim runs a baseline and an
// intervention arm over 20 seeds (paired) and every check's 95% CI must exclude zero on the
// expected side. Nothing here or in the engine looks at which scenario or cargo is running.
describe('behaviour that must emerge (20 seeds, paired 95% CIs)', () => {
  for (const claim of CLAIMS) {
    it(claim.statement, () => {
      const r = runClaim(claim, 20);
      const failed = r.checks.filter((c) => !c.pass).map((c) => `${c.metric} Δ${c.meanDiff.toFixed(3)} CI ${JSON.stringify(c.ci)}`);
      expect(failed).toEqual([]);
    }, 600_000);
  }
});
