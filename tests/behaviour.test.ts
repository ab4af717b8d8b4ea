import { beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_SEEDS, CLAIMS } from '../src/validate/claims';
import { runClaims, type ClaimResult } from '../src/validate/run-claims';

// The review's findings must emerge from mechanisms: every claim of `exocascade validate`, run
// by the same runner (40 paired seeds at the presets' default run length). Effects must clear
// their minimal effect size, controls must stay inside their margin. Nothing here or in the
// engine looks at which scenario or cargo is running.
//
// Claims that do not hold at the shipped (calibrated) defaults are listed with the reason, as
// in the README's claims table and docs/calibration.md. Each must still fail: when a change to
// the model makes one hold, this test fails until it is moved back among the holding claims
// (and the README says so), so the list cannot go stale in either direction.
const NOT_HOLDING: Record<string, string> = {
  'itga6b4-lung': 'lung metastases fall by 41% (twice the 20% asked), but the CI’s upper end over 40 seeds is −19.8% (a breast run seeds ~12 lung metastases; over 160 seeds at 0.8.0 −41.5%, CI −56% to −27%): short of power, not of effect',
  'mir-770-suppresses': 'intravasation rises by 22% (CI +16% to +28%) and metastases by 29% (CI +10% to +48%): the primary sheds copies and is not emptied, and passively shed cells, which the cargo does not restrain, dilute the rise (over 160 seeds at 0.7.0 intravasation +24.1%, CI +21.4% to +26.8%: short of power, not of effect)',
  'pkm2-bone': 'the bone niche falls by 38% and bone metastases by 25% (CI −34% to −17%): since 0.8.0 priming feeds colony growth (0.7.0: −11%), but over 40 seeds the CI does not clear 20%',
  'itga6b4-spares-liver': 'a breast run seeds ~0.6 liver metastases, too few for the one-sided test (+30%, CI −44% to +105%; over 160 seeds at 0.8.0 +12.6%, CI −19% to +44%, inside the margin): short of power, not of effect',
};

let results: Map<string, ClaimResult>;
beforeAll(async () => {
  const list = await runClaims(CLAIMS, { seeds: CLAIM_SEEDS, workers: 2, progress: null });
  results = new Map(list.map((r) => [r.id, r]));
}, 900_000);

describe(`behaviour that must emerge (${CLAIM_SEEDS} seeds, paired 95% CIs)`, () => {
  it('lists only claims that exist', () => {
    expect(Object.keys(NOT_HOLDING).filter((id) => !CLAIMS.some((c) => c.id === id))).toEqual([]);
  });
  for (const claim of CLAIMS) {
    const label = `${claim.kind} · step ${claim.step} · ${claim.id}: ${claim.statement}`;
    const failedChecks = () => results.get(claim.id)!.checks.filter((c) => !c.pass).map((c) => `${c.metric} Δ${c.meanDiff.toFixed(3)} CI ${JSON.stringify(c.ci)} needs ${c.direction ?? '±'}${c.threshold.toFixed(3)}`);
    if (NOT_HOLDING[claim.id]) {
      it(`does not hold yet (${NOT_HOLDING[claim.id]}) — ${label}`, () => {
        expect(failedChecks(), `${claim.id} now holds: move it back among the holding claims and update the README`).not.toEqual([]);
      });
    } else {
      it(label, () => {
        expect(failedChecks()).toEqual([]);
      });
    }
  }
});
