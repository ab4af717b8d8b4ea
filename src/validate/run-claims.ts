import { readScenarioText } from '../node/scenario-file';
import type { ProgressSink } from '../experiment/progress';
import type { ArmConfig } from '../experiment/run-one';
import { paired, type Interval } from '../experiment/stats';
import { tQuantile } from '../experiment/t-quantile';
import { applyFragment, type ScenarioFragment } from '../calibrate/param-space';
import { resolveScenario, scenarioData, scenarioHash } from '../scenario/resolve';
import { runFinals } from './finals';
import { DEFAULT_MARGIN, DEFAULT_MIN_EFFECT, type Claim, type ClaimStep } from './claims';

// Runs claims as paired ensembles on the experiment worker pool: every distinct (preset,
// intervention) is one arm, each preset's baseline is run once and shared by its claims, and
// every arm runs seeds 1..n at the preset's default run length.
//
// The rules, with b the baseline mean over seeds and [lo, hi] the paired-t 95% CI of the mean
// of (intervention − baseline) per seed:
// - effect, direction "lower", minimal effect x: passes when hi ≤ −x·|b| and hi < 0 — the whole
//   interval lies beyond a decrease of x of the baseline mean; "higher": lo ≥ x·|b| and lo > 0.
//   (With b = 0 the interval must exclude 0 on the expected side.)
// - control, margin m: passes when −m·|b| ≤ lo and hi ≤ m·|b| — the interval lies inside the
//   equivalence region (two one-sided tests at the 2.5% level each). With b = 0 the
//   intervention must leave the metric at exactly 0 on every seed. A one-sided control ("does
//   not lower", side "not-lower") tests only −m·|b| ≤ lo (non-inferiority at the 2.5% level);
//   "not-higher" only hi ≤ m·|b|.

/** Outcome of one check of a claim. */
export interface CheckResult {
  metric: string;
  /** The metric the check divides by, per seed (a share), or null when it tests the metric itself. */
  per: string | null;
  /** Effects: the expected direction; controls: null. */
  direction: 'lower' | 'higher' | null;
  /** Controls: 'both' (unchanged), or the one side tested ('not-lower', 'not-higher'); effects: null. */
  side: 'both' | 'not-lower' | 'not-higher' | null;
  /** Effects: the minimal relative effect; controls: the relative margin. */
  relative: number;
  /** The bound the CI is tested against: x·|b| (effect) or m·|b| (control). */
  threshold: number;
  baselineMean: number;
  whatIfMean: number;
  /** Mean of (what-if − baseline) per seed, and its 95% paired-t CI. */
  meanDiff: number;
  ci: Interval;
  /** meanDiff / |baselineMean| (null when the baseline mean is 0). */
  relativeChange: number | null;
  /**
   * Paired seeds at which the CI would clear its bound were the observed mean difference and SD
   * to hold (see seedsToHold); null when the mean itself does not clear it, so more seeds would
   * not make the check pass. Tells a check short of power from one short of effect.
   */
  seedsToHold: number | null;
  pass: boolean;
}

/**
 * The least number of paired seeds n (≥ 2) with t(0.975, n − 1)·sd/√n ≤ room: the seeds at which
 * a CI around a mean lying `room` inside its bound would stay inside it, were the SD `sd` to
 * hold. Null when room ≤ 0 (the mean is not inside its bound), the SD is unknown, or n would
 * exceed 10 million.
 */
export function seedsToHold(room: number, sd: number | null): number | null {
  if (sd === null || !(room > 0)) return null;
  const fits = (n: number) => (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n) <= room;
  if (fits(2)) return 2;
  // The half-width falls as n grows: double to a fitting n, then bisect down to the least one.
  let lo = 2;
  let hi = 4;
  while (!fits(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > 1e7) return null;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Outcome of a claim: every check must pass. */
export interface ClaimResult {
  id: string;
  statement: string;
  source: string;
  step: ClaimStep;
  kind: 'effect' | 'control';
  scenario: string;
  whatIfs: string[];
  seeds: number;
  ticks: number;
  checks: CheckResult[];
  pass: boolean;
  /** The point the claims ran at, when not the defaults (its file). */
  point?: string;
}

/** How to run the claims. */
export interface RunClaimsOptions {
  /** Seeds 1..n (n ≥ 2). */
  seeds: number;
  workers: number | 'auto';
  progress: ProgressSink | null;
  scenarioDir?: string;
  /** Tick length (hours, or a time such as "30 min") to run at, keeping each preset's simulated time; default: the preset's own. */
  tickHours?: number | string;
  /** A point of the parameter space written over every preset (as calibrate --evaluate does), and its file. */
  point?: { file: string; fragment: ScenarioFragment };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const armName = (scenario: string, whatIfs: readonly string[]) => `${scenario}|${whatIfs.join(',')}`;

/** Tests one check on paired samples (arm and baseline values in seed order). */
export function testCheck(claim: Claim, k: number, arm: readonly number[], base: readonly number[]): CheckResult {
  const d = paired(arm, base);
  const b = mean(base);
  const ci = d.ci;
  const meanDiff = d.mean ?? 0;
  const relativeChange = b === 0 ? null : meanDiff / Math.abs(b);
  if (claim.kind === 'effect') {
    const c = claim.checks[k];
    const relative = c.minEffect ?? DEFAULT_MIN_EFFECT;
    const threshold = relative * Math.abs(b);
    const pass = ci !== null && (c.direction === 'lower' ? ci[1] <= -threshold && ci[1] < 0 : ci[0] >= threshold && ci[0] > 0);
    // How far the mean lies beyond the bound in the expected direction.
    const room = (c.direction === 'lower' ? -meanDiff : meanDiff) - threshold;
    return { metric: c.metric, per: c.per ?? null, direction: c.direction, side: null, relative, threshold, baselineMean: b, whatIfMean: mean(arm), meanDiff, ci, relativeChange, seedsToHold: seedsToHold(room, d.sd), pass };
  }
  const c = claim.checks[k];
  const relative = c.margin ?? DEFAULT_MARGIN;
  const threshold = relative * Math.abs(b);
  const side = c.side ?? 'both';
  const lowOk = ci !== null && ci[0] >= -threshold;
  const highOk = ci !== null && ci[1] <= threshold;
  const pass = side === 'not-lower' ? lowOk : side === 'not-higher' ? highOk : lowOk && highOk;
  // How far the mean lies inside the bound(s) it is tested against.
  const room = side === 'not-lower' ? threshold + meanDiff : side === 'not-higher' ? threshold - meanDiff : threshold - Math.abs(meanDiff);
  return { metric: c.metric, per: null, direction: null, side, relative, threshold, baselineMean: b, whatIfMean: mean(arm), meanDiff, ci, relativeChange, seedsToHold: seedsToHold(room, d.sd), pass };
}

/**
 * What a check tests in one run's final metrics: the metric, or its share of `per` when the check
 * has one (0 when `per` is 0: a run with nothing to divide by has none of the numerator either).
 */
export function checkValue(check: Claim['checks'][number], metrics: Readonly<Record<string, number>>): number {
  const per = 'per' in check ? check.per : undefined;
  if (per === undefined) return metrics[check.metric];
  return metrics[per] > 0 ? metrics[check.metric] / metrics[per] : 0;
}

/** Runs the claims over seeds 1..n on the pool (or in this thread with workers 0). */
export async function runClaims(claims: readonly Claim[], opts: RunClaimsOptions): Promise<ClaimResult[]> {
  if (opts.seeds < 2) throw new Error('claims need at least 2 seeds for a confidence interval');
  const dir = opts.scenarioDir ?? 'scenarios';
  const parsed = new Map<string, unknown>();
  const arms: Record<string, ArmConfig> = {};
  const ticksOf = new Map<string, number>();
  const add = (scenario: string, whatIfs: readonly string[]) => {
    const name = armName(scenario, whatIfs);
    if (arms[name]) return;
    const file = `${dir}/${scenario}.json`;
    // Each preset is read and parsed once, whatever the number of its arms.
    if (!parsed.has(file)) parsed.set(file, scenarioData(readScenarioText(file), file));
    const data = parsed.get(file);
    // A point is written over the preset and resolved like a calibration candidate: every value
    // checked against its spec, an error naming the preset and the point.
    const config = resolveScenario(opts.point ? applyFragment(data, opts.point.fragment) : data, opts.point ? `${file} (at ${opts.point.file})` : file, { whatIfs: [...whatIfs], tickHours: opts.tickHours });
    arms[name] = { config, scenarioHash: scenarioHash(config) };
    ticksOf.set(scenario, config.ticks);
  };
  for (const c of claims) {
    add(c.scenario, []);
    add(c.scenario, c.whatIfs);
  }
  const finals = await runFinals(arms, opts.seeds, opts.workers, opts.progress, 'claims');
  return claims.map((claim) => {
    const base = finals.get(armName(claim.scenario, []))!;
    const arm = finals.get(armName(claim.scenario, claim.whatIfs))!;
    const checks = claim.checks.map((c, k) => testCheck(claim, k, arm.map((m) => checkValue(c, m)), base.map((m) => checkValue(c, m))));
    return {
      id: claim.id, statement: claim.statement, source: claim.source, step: claim.step, kind: claim.kind, scenario: claim.scenario,
      whatIfs: [...claim.whatIfs], seeds: opts.seeds, ticks: ticksOf.get(claim.scenario)!, checks, pass: checks.every((c) => c.pass),
      ...(opts.point ? { point: opts.point.file } : {}),
    };
  });
}
