import { buildOutputs, type ExperimentOutputs } from '../../experiment/build-outputs';
import { runKey } from '../../experiment/grid';
import type { ReportAssets } from '../../experiment/report-html';
import type { ExperimentSpec, RunRecord } from '../../experiment/spec';

// The browser side of the experiment outputs: it orders in-memory records and calls the CLI's
// pure builder (src/experiment/build-outputs.ts), so the same records give the same bytes;
// tests/app-compare-ensemble.test.ts checks that against writeOutputs.

/** An experiment's three outputs as text, plus the summary object. */
export type EnsembleOutputs = ExperimentOutputs;

/**
 * Records of the spec's whole grid in canonical order (arms as given, seeds ascending), from
 * records in any order. Throws naming the first missing runs when the grid is incomplete.
 */
export function canonicalRecords(spec: ExperimentSpec, records: readonly RunRecord[]): RunRecord[] {
  const byKey = new Map<string, RunRecord>();
  for (const r of records) if (!byKey.has(runKey(r.arm, r.seed))) byKey.set(runKey(r.arm, r.seed), r);
  const out: RunRecord[] = [];
  const missing: string[] = [];
  for (const arm of spec.arms) {
    for (const seed of spec.seeds) {
      const r = byKey.get(runKey(arm.name, seed));
      if (r) out.push(r);
      else missing.push(`(${arm.name}, seed ${seed})`);
    }
  }
  if (missing.length) throw new Error(`${missing.length} of ${spec.arms.length * spec.seeds.length} runs are missing, e.g. ${missing.slice(0, 5).join(', ')}`);
  return out;
}

/** Builds summary.json, results.csv and report.html: the CLI's own pure builder. */
export function ensembleOutputs(spec: ExperimentSpec, records: readonly RunRecord[], assets: ReportAssets): EnsembleOutputs {
  return buildOutputs(spec, records, assets);
}
