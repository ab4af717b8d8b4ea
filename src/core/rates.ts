import { dexp, dlog } from './detmath';

/**
 * The one place where rates become per-tick probabilities: an event with constant hazard
 * `ratePerHour` happens within a tick of `tickHours` with probability 1 − e^(−rate·dt).
 */
export function perTickProbability(ratePerHour: number, tickHours: number): number {
  if (ratePerHour <= 0) return 0;
  return 1 - dexp(-ratePerHour * tickHours);
}

/** Per-tick survival probability of something with half-life `halfLifeHours`. */
export function survivalPerTick(halfLifeHours: number, tickHours: number): number {
  if (!(halfLifeHours > 0)) return 0;
  return dexp((-LN2 * tickHours) / halfLifeHours);
}

/** Hazard rate per hour for a doubling or half-life time in hours. */
export function rateFromHalfTime(hours: number): number {
  return LN2 / hours;
}

/** ln 2, from the deterministic log so every platform agrees on its bits. */
export const LN2 = dlog(2);

/** Saturating (Hill n = 1) response x / (x + half) for x ≥ 0; 0 for x ≤ 0. */
export function saturating(x: number, half: number): number {
  return x > 0 ? x / (x + half) : 0;
}
