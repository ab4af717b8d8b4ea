import type { SimEvent } from '../engine/events';

/** What identifies the run an event file comes from (repeated on every line, so lines stand alone). */
export interface EventProvenance {
  scenario: string;
  scenarioHash: string;
  seed: number;
  tickHours: number;
  engineVersion: string;
}

/**
 * The events of a run as JSON lines: one object per event with its tick, its time in hours, its
 * type and module, its data (a metastasis carries the lineage of the cell that founded it) and
 * the run's provenance.
 */
export function eventLines(events: readonly SimEvent[], p: EventProvenance): string {
  return events.map((e) => JSON.stringify({ ...p, tick: e.tick, hours: e.tick * p.tickHours, type: e.type, module: e.module, ...e.data })).join('\n') + (events.length ? '\n' : '');
}
