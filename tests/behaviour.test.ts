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
  'mir-770-suppresses': 'metastases rise by 41% (holds) and intravasation by 25%, but its CI’s lower end is 18%, not 20%: the primary sheds copies and is not emptied (0.5.0: +5%), and passively shed cells, which the cargo does not restrain, dilute the rise a little (over 160 seeds +24.1%, CI +21.4% to +26.8%: short of power, not of effect)',
  'mir-193a-suppresses': 'metastases rise by 30%, but the CI over 40 seeds (+18% to +43%) does not clear 20% (a colorectal run seeds ~13 metastases; over 160 seeds at 0.7.0 +28.9%, CI +22.5% to +35.3%)',
  'pkm2-bone': 'the bone niche falls by 37%, bone metastases by 11% only (CI −19% to −2%): the bone soil (0.3) lets ~30% of arriving cells grow unprimed, and a lower one costs breast its bone share (calibration/2026-12-stage3, 2026-12-explore-primary-copies)',
  'itga6b4-spares-liver': 'a breast run seeds ~0.65 liver metastases, too few for the one-sided test (−35%, CI −81% to +12%); over 160 seeds at 0.7.0 −14% (CI −39% to +12%), inside the margin: short of power, not of effect',
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
