import type { SimEvent } from '../engine/events';
import { download } from './dom';
import { exportStem, metricsCsv, metricsJson, runScenarioText, type RunIdentity } from './export-data';
import type { SeriesStore } from './series-store';

/** What an export needs from the app. */
export interface ExportContext {
  series: SeriesStore;
  events: readonly SimEvent[];
  run: RunIdentity;
  scenarioText: string;
  /** The map as a PNG data URL, captioned with scenario, seed, tick and legend. */
  png(): Promise<string>;
}

/** Downloads the run's metrics (CSV or JSON), the map (captioned PNG) or the scenario (JSON, with the run's seed and what-ifs). */
export async function exportRun(kind: 'csv' | 'json' | 'png' | 'scenario', ctx: ExportContext): Promise<void> {
  const stem = exportStem(ctx.run);
  switch (kind) {
    case 'csv':
      download(`${stem}.csv`, metricsCsv(ctx.series, ctx.run), 'text/csv');
      break;
    case 'json':
      download(`${stem}.json`, metricsJson(ctx.series, ctx.events, ctx.run), 'application/json');
      break;
    case 'png': {
      const url = await ctx.png();
      const a = document.createElement('a');
      a.href = url;
      a.download = `${stem}.png`;
      a.click();
      break;
    }
    case 'scenario':
      download(`${stem}-scenario.json`, runScenarioText(ctx.scenarioText, ctx.run.seed, ctx.run.whatIfs), 'application/json');
      break;
  }
}
