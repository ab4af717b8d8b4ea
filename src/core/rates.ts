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

/** x^n for a whole n ≥ 1 by repeated multiplication (exact in every JavaScript engine, unlike Math.pow). */
export function powInt(x: number, n: number): number {
  let xn = x;
  for (let k = 1; k < n; k++) xn *= x;
  return xn;
}

/**
 * Exact solution after `hours` of dx/dt = r·(target − x): x relaxes toward `target` at rate
 * `ratePerHour` (per hour). The same result for one long step or many short ones.
 */
export function relax(x: number, target: number, ratePerHour: number, hours: number): number {
  if (!(ratePerHour > 0)) return x;
  return target + (x - target) * dexp(-ratePerHour * hours);
}

/**
 * Which of several competing events with constant hazards happens first within `hours`, given
 * two uniform draws: -1 for none, else the index into `ratesPerHour` (an event's share of the
 * total hazard is its chance of being the first). Exact for any step length, unlike testing the
 * events one after the other.
 */
export function firstEvent(ratesPerHour: Float64Array, n: number, hours: number, u: number, v: number): number {
  let total = 0;
  for (let k = 0; k < n; k++) total += ratesPerHour[k];
  if (!(total > 0) || !(u < perTickProbability(total, hours))) return -1;
  let pick = v * total;
  for (let k = 0; k < n - 1; k++) {
    if (pick < ratesPerHour[k]) return k;
    pick -= ratesPerHour[k];
  }
  return n - 1;
}

/** A waiting time (hours) drawn for an event of hazard `ratePerHour` from a uniform u in [0, 1). */
export function waitingHours(ratePerHour: number, u: number): number {
  return ratePerHour > 0 ? -dlog(1 - u) / ratePerHour : Infinity;
}

/**
 * Whether an event of hazard `ratePerHour` comes within `hours`, for the uniform u in [0, 1):
 * exactly `waitingHours(ratePerHour, u) < hours`, but the logarithm is taken only when u lies
 * near the boundary. −ln(1 − u) lies between u and u/(1 − u), so most draws are decided by those
 * bounds (with a margin far above the logarithm's rounding), which matters for the many exosome
 * packets that are asked every tick.
 */
export function eventWithin(ratePerHour: number, hours: number, u: number): boolean {
  if (!(ratePerHour > 0)) return false;
  const x = ratePerHour * hours;
  if (u > x * (1 + 1e-9)) return false;
  if (u < x * (1 - 1e-9) * (1 - u)) return true;
  return -dlog(1 - u) / ratePerHour < hours;
}

/**
 * Chance that a two-state switch (leaving at `outPerHour`, returning at `backPerHour`) is in the
 * other state after `hours`, having started in this one — the exact two-state Markov chain, so
 * flipping back and forth within a long tick is accounted for.
 */
export function switchChance(outPerHour: number, backPerHour: number, hours: number): number {
  const total = outPerHour + backPerHour;
  if (!(total > 0) || !(outPerHour > 0)) return 0;
  return (outPerHour / total) * (1 - dexp(-total * hours));
}
