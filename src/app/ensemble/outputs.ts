import { METRICS } from '../../engine/metrics';
import { runKey } from '../../experiment/grid';
import { buildReportData, organBars } from '../../experiment/report-data';
import { reportHtml, type ReportAssets } from '../../experiment/report-html';
import type { ExperimentSpec, RunRecord } from '../../experiment/spec';
import { buildSummary, summaryJson, type Summary } from '../../experiment/summary';
import { resultsCsv } from '../../experiment/tidy-csv';

// The browser's copy of the pure half of src/experiment/outputs.ts (writeOutputs minus the file
// writes; that module reads node:fs at load, so a page cannot import it). It calls the same
// builders in the same way, so the same records give the same summary.json, results.csv and
// report.html bytes as the CLI; tests/app-compare-ensemble.test.ts checks that against
// writeOutputs, so a change there that is not mirrored here fails a test.

/** An experiment's three outputs as text, plus the summary object. */
export interface EnsembleOutputs {
  summary: Summary;
  summaryJson: string;
  resultsCsv: string;
  reportHtml: string;
}

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

/** Builds summary.json, results.csv and report.html from canonically ordered records. */
export function ensembleOutputs(spec: ExperimentSpec, records: readonly RunRecord[], assets: ReportAssets): EnsembleOutputs {
  const summary = buildSummary(spec, records);
  const bars = organBars(spec, records);
  const docs: Record<string, string> = {};
  for (const m of METRICS) if (spec.metricNames.includes(m.name)) docs[m.name] = m.doc;
  const html = reportHtml({
    summary,
    data: buildReportData(spec, records),
    organs: bars && { prefix: bars.prefix, organs: bars.organs, arms: bars.arms, label: `${bars.prefix}* (final)` },
    docs,
    assets,
  });
  return { summary, summaryJson: summaryJson(summary), resultsCsv: resultsCsv(spec, records), reportHtml: html };
}
