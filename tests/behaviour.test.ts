import { beforeAll, describe, expect, it } from 'vitest';
import { CLAIMS } from '../src/validate/claims';
import { runClaims, type ClaimResult } from '../src/validate/run-claims';

// The review's findings must emerge from mechanisms: every claim of `exocascade validate`, run
// by the same runner (20 paired seeds at the presets' default run length). Effects must clear
// their minimal effect size, controls must stay inside their margin. Nothing here or in the
// engine looks at which scenario or cargo is running.
//
// Claims that do not hold at the shipped (calibrated) defaults are listed with the reason, as
// in the README's claims table and docs/calibration.md. Each must still fail: when a change to
// the model makes one hold, this test fails until it is moved back among the holding claims
// (and the README says so), so the list cannot go stale in either direction.
const NOT_HOLDING: Record<string, string> = {
  'itga6b4-lung': 'the exosomes the lung takes (−23%) and the lung niche (−29%) fall, but their CIs do not all clear 20% and lung metastases do not fall (−2%): the calibrated lung soil (0.25) lies above the niche half level (0.074), so the lung is receptive without priming',
  'pd-l1-tcells': 'exhausted T cells fall by 45%, but they are about 22 of 160 CD8 cells and MDSCs, regulatory B cells and platelet TGF-β keep half of them exhausted without PD-L1, so T-cell kills (+11%) and metastases (−4%) change too little',
  'mir-770-suppresses': 'intravasation rises by 7% (CI excludes 0) but not by the 20% the claim asks: a one-row suppressor restrains by the cargo effect per entry (0.16), so its knockout returns 19% at most; metastases +5%',
  'mir-193a-suppresses': 'metastases rise by 11% (CI excludes 0) but not by 20%',
  'pkm2-bone': 'the bone niche falls by 43% but bone metastases do not (+0.4%): bone arrest (98% per pass), the calibrated bone soil (0.27, above the niche half level) and the organ capacity all saturate (calibration/2026-12-explore)',
  'cemip-brain': 'the brain niche falls by 56%, but it is a small level (0.027) that varies from seed to seed, and the CI of the fall (−98% to −13%) does not clear 20% over 20 seeds',
  'itga6b4-spares-liver': 'breast seeds ~1 liver metastasis per run at the calibrated defaults, too few for a ±20% equivalence margin over 20 seeds',
  'mif-spares-lung': 'knocking out MIF raises pancreatic lung metastases from 1.2 to 1.75 per run (CI of the difference −0.2 to +1.3, wider than the ±0.24 margin)',
};

let results: Map<string, ClaimResult>;
beforeAll(async () => {
  const list = await runClaims(CLAIMS, { seeds: 20, workers: 2, progress: null });
  results = new Map(list.map((r) => [r.id, r]));
}, 900_000);

describe('behaviour that must emerge (20 seeds, paired 95% CIs)', () => {
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
