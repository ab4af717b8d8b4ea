/**
 * exocascade's public surface: everything a worker adaptor, the web app, the CLI or a test
 * needs. Internals (pools, modules, fields) are reached through these.
 */
export { Engine, type Snapshot } from './engine/engine';
export { ENGINE_VERSION, SNAPSHOT_FORMAT } from './engine/version';
export { METRICS, METRIC_NAMES, type MetricDef } from './engine/metrics';
export type { SimEvent } from './engine/events';
export type { RunConfig } from './scenario/config';
export { parseScenario, resolveScenario, scenarioHash, type ScenarioOverrides } from './scenario/resolve';
export { ScenarioError, type ScenarioIssue } from './scenario/errors';
export { parseWhatIf, formatWhatIf, WHATIF_FORMS, type WhatIf } from './scenario/whatif';
export { scenarioSchema } from './scenario/schema';
export { CATALOG_VERSION } from './catalog/index';
