import { CATALOG_VERSION } from '../catalog/index';
import { ENGINE_VERSION } from '../engine/version';
import type { App } from './app';
import type { RunIdentity } from './export-data';
import { exportRun } from './exports';
import { formatDay } from './format';
import { captionedPng, mapLegend } from './png-caption';
import { presetById } from './presets';

/** The identity of the page's run for exports (what reproduces it with the CLI). */
export function runIdentity(app: App, stateHash: string): RunIdentity {
  const run = app.run!;
  return {
    scenario: presetById(app.state.preset ?? '')?.file ?? 'edited scenario', scenarioName: run.name, scenarioHash: run.scenarioHash,
    seed: run.seed, whatIfs: run.whatIfs, tick: app.client.tick, stateHash, engineVersion: ENGINE_VERSION, catalogVersion: CATALOG_VERSION,
    tickHours: run.tickHours,
  };
}

/** Exports the page's run: metrics (CSV, JSON), the captioned map (PNG) or the scenario with its seed and what-ifs. */
export async function runExport(app: App, kind: 'csv' | 'json' | 'png' | 'scenario'): Promise<void> {
  const run = app.run;
  if (!run) return;
  const stateHash = await app.client.api.stateHash();
  const identity = runIdentity(app, stateHash);
  await exportRun(kind, {
    series: app.series, events: app.events.events, scenarioText: app.scenarioText, run: identity,
    png: () => captionedPng(app.map.toPng(),
      `${run.name} · seed ${run.seed} · ${formatDay(identity.tick, run.tickHours)} (tick ${identity.tick})`,
      `${identity.scenario} · what-ifs: ${run.whatIfs.length ? run.whatIfs.join(', ') : 'none'} · state hash ${stateHash} · exocascade engine ${identity.engineVersion}`,
      mapLegend()),
  });
}
