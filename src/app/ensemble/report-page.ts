import uplotJs from 'uplot/dist/uPlot.iife.min.js?raw';
import uplotCss from 'uplot/dist/uPlot.min.css?raw';
import pageScript from '../../../dist/report-page.js?raw';
import type { ExperimentSpec, RunRecord } from '../../experiment/spec';
import { canonicalRecords, ensembleOutputs, type EnsembleOutputs } from './outputs';

// Loaded on demand when an ensemble finishes (it brings the statistics and the report builders),
// so the page's first load does not pay for them. uPlot's files are the installed (pinned) ones
// the CLI inlines and the page script is the CLI's build of src/experiment/report-page.ts
// (dist/, made by npm ci / npm run build:cli), as raw text, so the report is the CLI's byte for byte.

/** The finished ensemble's outputs, from records in completion order. */
export function buildEnsembleOutputs(spec: ExperimentSpec, records: readonly RunRecord[]): EnsembleOutputs {
  return ensembleOutputs(spec, canonicalRecords(spec, records), { uplotJs, uplotCss, pageScript });
}
