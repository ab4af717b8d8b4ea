import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** uPlot's script and stylesheet, to inline into a self-contained report. */
export interface ReportAssets {
  uplotJs: string;
  uplotCss: string;
}

let cached: ReportAssets | null = null;

/**
 * Reads uPlot's IIFE build and CSS from node_modules (Node only; a browser caller passes its
 * own copies to reportHtml). The installed version is pinned in package.json, so reports built
 * from the same records are the same bytes.
 */
export function loadReportAssets(): ReportAssets {
  if (!cached) {
    const require = createRequire(import.meta.url);
    cached = {
      uplotJs: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
      uplotCss: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
    };
  }
  return cached;
}
