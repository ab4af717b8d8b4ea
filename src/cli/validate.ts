import { parseArgs } from 'node:util';
import { loadScenarioFile } from '../node/scenario-file';
import { hoursOf } from '../scenario/quantity';
import { CLAIMS, type Claim } from '../validate/claims';
import { runClaim, type ClaimResult } from '../validate/run-claims';
import { UsageError, intOption, timeOption } from './usage';

/**
 * The ticks a claim runs at tick length `tickHours`: its run length (`ticks` ticks of its
 * scenario's own tick length, or --ticks) kept as simulated time.
 */
function ticksAt(claim: Claim, ticks: number | undefined, tickHours: number): number {
  const own = loadScenarioFile(`scenarios/${claim.scenario}.json`).tickHours;
  return Math.round(((ticks ?? claim.ticks) * own) / tickHours);
}

/**
 * `exocascade validate [--seeds N] [--ticks N] [--tick-hours H] [--claim ID]… [--json]`: runs
 * the behaviours the review reports as paired ensembles and says, with 95% CIs, whether each
 * emerges. Exit 0 when all pass, 1 when any fails.
 */
export function validateCommand(argv: string[], out: (s: string) => void): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      seeds: { type: 'string' }, ticks: { type: 'string' }, 'tick-hours': { type: 'string' }, claim: { type: 'string', multiple: true }, json: { type: 'boolean' },
    },
  });
  const seeds = intOption(values.seeds, 'seeds') ?? 20;
  if (seeds < 2) throw new UsageError('--seeds must be at least 2 for a confidence interval');
  const ticks = intOption(values.ticks, 'ticks');
  const tickHoursText = timeOption(values['tick-hours']);
  let tickHours: number | undefined;
  try {
    tickHours = tickHoursText === undefined ? undefined : hoursOf(tickHoursText);
  } catch (err) {
    throw new UsageError(`--tick-hours: ${(err as Error).message}`);
  }
  const ids = values.claim ?? CLAIMS.map((c) => c.id);
  for (const id of ids) if (!CLAIMS.some((c) => c.id === id)) throw new UsageError(`unknown claim "${id}"; claims: ${CLAIMS.map((c) => c.id).join(', ')}`);
  const results: ClaimResult[] = CLAIMS.filter((c) => ids.includes(c.id))
    .map((c) => (tickHours === undefined ? runClaim(c, seeds, ticks) : runClaim(c, seeds, ticksAt(c, ticks, tickHours), 'scenarios', tickHours)));
  if (values.json) out(JSON.stringify(results));
  else {
    for (const r of results) {
      out(`${r.pass ? 'PASS' : 'FAIL'} ${r.id}: ${r.statement}${tickHours === undefined ? '' : ` (${r.ticks} ticks of ${tickHours} h)`}`);
      for (const c of r.checks) {
        const ci = c.ci ? `[${c.ci[0].toFixed(3)}, ${c.ci[1].toFixed(3)}]` : 'n/a';
        out(`  ${c.pass ? 'ok  ' : 'FAIL'} ${c.metric} ${c.direction}: ${c.baselineMean.toFixed(3)} → ${c.whatIfMean.toFixed(3)}  Δ ${c.meanDiff.toFixed(3)} 95% CI ${ci}`);
      }
    }
  }
  return results.every((r) => r.pass) ? 0 : 1;
}
