import * as Comlink from 'comlink';
import type { AdvanceResult, EngineApi, InitResult, RunOverrides, WorldLayout } from '../../protocol/engine-api';

/**
 * The part of the engine protocol compare mode uses, asynchronous as over comlink. The page
 * gets it from an engine worker (`workerEngine`); tests get it from an in-process EngineHost
 * (`hostEngine`), so the lockstep logic is tested without a browser.
 */
export interface ArmEngine {
  init(scenarioText: string, file: string, overrides: RunOverrides): Promise<InitResult>;
  layout(): Promise<WorldLayout>;
  /** See EngineApi.advance: the returned frame is the caller's and should be given back. */
  advance(ticks: number, knownTick: number, eventsKnown: number, recycled: ArrayBuffer | null): Promise<AdvanceResult>;
  stateHash(): Promise<string>;
  /** Stops the engine (terminates its worker). */
  dispose(): void;
}

/** An ArmEngine backed by a new engine worker (the same worker entry as the single-run view). */
export function workerEngine(name: string): ArmEngine {
  const worker = new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), { type: 'module', name });
  const api = Comlink.wrap<EngineApi>(worker);
  return {
    init: (text, file, overrides) => api.init(text, file, overrides),
    layout: () => api.layout(),
    advance: (ticks, knownTick, eventsKnown, recycled) =>
      api.advance(ticks, knownTick, eventsKnown, recycled ? Comlink.transfer(recycled, [recycled]) : null),
    stateHash: () => api.stateHash(),
    // Terminating is enough (and idempotent); releasing the proxy would post to a dead worker.
    dispose: () => worker.terminate(),
  };
}

/** An ArmEngine over an engine object in this thread (tests, benchmarks). */
export function hostEngine(host: EngineApi): ArmEngine {
  return {
    init: async (text, file, overrides) => host.init(text, file, overrides),
    layout: async () => host.layout(),
    advance: async (ticks, knownTick, eventsKnown, recycled) => host.advance(ticks, knownTick, eventsKnown, recycled),
    stateHash: async () => host.stateHash(),
    dispose: () => {},
  };
}
