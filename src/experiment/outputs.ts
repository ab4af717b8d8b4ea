import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { distUrl } from '../../workers/dist-url';
import { buildOutputs } from './build-outputs';
import { gridJobs, runKey } from './grid';
import type { ReportAssets } from './report-html';
import type { ExperimentSpec, RunRecord } from './spec';
import { ExperimentDirError, writeFileAtomic } from './store';
import type { Summary } from './summary';

// The finished experiment's files. Everything is derived from the spec and the records put in
// canonical order (arms as given, seeds ascending), never from completion order, so results.csv,
// summary.json and report.html are the same bytes for any worker count, shard split or resume.

/** Output file names. */
export const OUTPUT_FILES = { csv: 'results.csv', summary: 'summary.json', report: 'report.html' } as const;

/**
 * Records of the spec's whole grid in canonical order (arm-major, seeds ascending). Throws
 * ExperimentDirError naming the first missing runs when the grid is incomplete.
 */
export function orderedRecords(spec: ExperimentSpec, byKey: ReadonlyMap<string, RunRecord>, where: string): RunRecord[] {
  const missing = gridJobs(spec.arms.map((a) => a.name), spec.seeds).filter((j) => !byKey.has(runKey(j.arm, j.seed)));
  if (missing.length) {
    const shown = missing.slice(0, 5).map((j) => `(${j.arm}, seed ${j.seed})`).join(', ');
    throw new ExperimentDirError(`${where}: ${missing.length} of ${spec.arms.length * spec.seeds.length} runs are missing, e.g. ${shown}${missing.length > 5 ? ', …' : ''}`);
  }
  const out: RunRecord[] = [];
  for (const arm of spec.arms) for (const seed of spec.seeds) out.push(byKey.get(runKey(arm.name, seed))!);
  return out;
}

/** What writeOutputs wrote. */
export interface OutputsWritten {
  summary: Summary;
  csvRows: number;
  paths: string[];
}

/** Writes results.csv, summary.json and report.html into `dir` from canonically ordered records. */
export function writeOutputs(dir: string, spec: ExperimentSpec, records: readonly RunRecord[]): OutputsWritten {
  const out = buildOutputs(spec, records, loadReportAssets());
  const paths = [join(dir, OUTPUT_FILES.csv), join(dir, OUTPUT_FILES.summary), join(dir, OUTPUT_FILES.report)];
  writeFileAtomic(paths[0], out.resultsCsv);
  writeFileAtomic(paths[1], out.summaryJson);
  writeFileAtomic(paths[2], out.reportHtml);
  return { summary: out.summary, csvRows: records.length * spec.metricNames.length, paths };
}

let cached: ReportAssets | null = null;

/**
 * Reads uPlot's IIFE build and CSS from node_modules and the page script from dist/ (Node only;
 * the browser imports the same files, see src/app/ensemble/report-page.ts). The installed
 * uPlot is pinned in package.json and the page script is built from the sources, so reports
 * built from the same records are the same bytes.
 */
export function loadReportAssets(): ReportAssets {
  if (!cached) {
    const require = createRequire(import.meta.url);
    cached = {
      uplotJs: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
      uplotCss: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
      pageScript: readFileSync(distUrl('report-page.js'), 'utf8'),
    };
  }
  return cached;
}
