import type { ScenarioIssue } from './errors';
import { QuantityError, hoursOf } from './quantity';

// The tick length (Δt, a resolution) and the run length of a run. The simulated time is what a
// scenario fixes: given as `ticks` (of the file's own tick length) or as a `duration`, it stays
// the same when `--tick-hours` changes Δt, and the run takes round(hours / tickHours) ticks.
// Only an explicit `--ticks` sets the number of ticks itself.

/** Tick length when a scenario gives none (hours). */
export const DEFAULT_TICK_HOURS = 2;
/** Run length when a scenario gives neither ticks nor duration (ticks of its tick length). */
export const DEFAULT_TICKS = 300;
/** Allowed tick lengths, hours. */
export const TICK_HOURS_RANGE = { min: 0.05, max: 48 } as const;
/** Most ticks one run may take. */
export const MAX_TICKS = 1_000_000;

/** What the scenario file says about time (tickHours and duration already in hours). */
export interface FileTimes {
  tickHours?: number;
  ticks?: number;
  duration?: number;
}

/** What the command line says about time. */
export interface TimeOverrides {
  ticks?: number;
  /** Hours, or a time quantity such as "30 min". */
  tickHours?: number | string;
}

/** Resolves Δt and the number of ticks; problems are pushed to `issues` (with the path or option they concern). */
export function runLength(file: FileTimes, overrides: TimeOverrides, issues: ScenarioIssue[]): { tickHours: number; ticks: number } {
  const fileTickHours = file.tickHours ?? DEFAULT_TICK_HOURS;
  if (file.ticks !== undefined && file.duration !== undefined) {
    issues.push({ path: '/duration', message: 'give the run length either as "ticks" or as "duration", not both' });
  }
  let tickHours = fileTickHours;
  if (overrides.tickHours !== undefined) {
    try {
      tickHours = hoursOf(overrides.tickHours);
      const { min, max } = TICK_HOURS_RANGE;
      if (!(tickHours >= min && tickHours <= max)) issues.push({ path: '--tick-hours', message: `${overrides.tickHours} is out of range: expected ${min} to ${max} hours` });
    } catch (err) {
      if (!(err instanceof QuantityError)) throw err;
      issues.push({ path: '--tick-hours', message: err.message });
    }
  }
  const runHours = file.duration ?? (file.ticks ?? DEFAULT_TICKS) * fileTickHours;
  const ticks = overrides.ticks ?? (file.duration === undefined && overrides.tickHours === undefined ? file.ticks ?? DEFAULT_TICKS : Math.round(runHours / tickHours));
  if (!(ticks <= MAX_TICKS)) issues.push({ path: file.duration !== undefined ? '/duration' : '--tick-hours', message: `the run would take ${ticks} ticks; at most ${MAX_TICKS}` });
  return { tickHours, ticks };
}
