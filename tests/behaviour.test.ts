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
  'itga6b4-lung': 'the exosomes the lung takes fall by 23% (CI clears 20%), the lung niche by 31% and lung metastases by 33%, but over 40 seeds their CIs (−49% to −13%, −59% to −6%) do not clear 20%: a breast run seeds ~9 lung metastases',
  'pd-l1-tcells': 'exhausted T cells fall by 37%, but they are about 21 of 160 CD8 cells and MDSCs, regulatory B cells and platelet TGF-β keep many exhausted without PD-L1, so T-cell kills (+5%) and metastases (−4%) change too little',
  'mir-770-suppresses': 'metastases rise by 28% (CI +10% to +46%) but intravasation by 8% only: a one-row suppressor restrains by the cargo effect per entry (0.16), so its knockout returns 19% at most',
  'mir-193a-suppresses': 'metastases rise by 30%, but the CI over 40 seeds (+19% to +41%) does not quite clear 20% (a colorectal run seeds ~13 metastases)',
  'pkm2-bone': 'the bone niche falls by 41%, bone metastases by 14% only: the bone soil (0.25) lets a quarter of arriving cells grow unprimed, and a lower one costs breast its bone share (calibration/2026-12-stage3)',
  'itga6b4-spares-liver': 'breast seeds ~0.4 liver metastases per run, too few for a ±20% equivalence margin over 40 seeds',
  'mif-spares-lung': 'pancreatic cancer seeds ~0.1 lung metastases per run (cells that drain to the liver almost all arrest there), too few for a ±20% equivalence margin',
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
