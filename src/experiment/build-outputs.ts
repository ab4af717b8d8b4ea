import { METRICS } from '../engine/metrics';
import { buildReportData, organBars } from './report-data';
import { reportHtml, type ReportAssets } from './report-html';
import type { ExperimentSpec, RunRecord } from './spec';
import { buildSummary, summaryJson, type Summary } from './summary';
import { resultsCsv } from './csv';

/** An experiment's three outputs as text, plus the summary object. */
export interface ExperimentOutputs {
  summary: Summary;
  summaryJson: string;
  resultsCsv: string;
  reportHtml: string;
}

/**
 * Builds summary.json, results.csv and report.html from canonically ordered records. Pure (no
 * file access), so the CLI and the browser ensemble produce the same bytes from the same records.
 */
export function buildOutputs(spec: ExperimentSpec, records: readonly RunRecord[], assets: ReportAssets): ExperimentOutputs {
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
