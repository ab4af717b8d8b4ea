import { parseArgs } from 'node:util';
import { CLAIMS } from '../validate/claims';
import { runClaim, type ClaimResult } from '../validate/run-claims';
import { UsageError, intOption } from './usage';

/**
 * `exocascade validate [--seeds N] [--ticks N] [--claim ID]… [--json]`: runs the behaviours the
 * review reports as paired ensembles and says, with 95% CIs, whether each emerges. Exit 0 when
 * all pass, 1 when any fails.
 */
export function validateCommand(argv: string[], out: (s: string) => void): number {
  const { values } = parseArgs({
    args: argv,
    options: { seeds: { type: 'string' }, ticks: { type: 'string' }, claim: { type: 'string', multiple: true }, json: { type: 'boolean' } },
  });
  const seeds = intOption(values.seeds, 'seeds') ?? 20;
  if (seeds < 2) throw new UsageError('--seeds must be at least 2 for a confidence interval');
  const ticks = intOption(values.ticks, 'ticks');
  const ids = values.claim ?? CLAIMS.map((c) => c.id);
  for (const id of ids) if (!CLAIMS.some((c) => c.id === id)) throw new UsageError(`unknown claim "${id}"; claims: ${CLAIMS.map((c) => c.id).join(', ')}`);
  const results: ClaimResult[] = CLAIMS.filter((c) => ids.includes(c.id)).map((c) => runClaim(c, seeds, ticks));
  if (values.json) out(JSON.stringify(results));
  else {
    for (const r of results) {
      out(`${r.pass ? 'PASS' : 'FAIL'} ${r.id}: ${r.statement}`);
      for (const c of r.checks) {
        const ci = c.ci ? `[${c.ci[0].toFixed(3)}, ${c.ci[1].toFixed(3)}]` : 'n/a';
        out(`  ${c.pass ? 'ok  ' : 'FAIL'} ${c.metric} ${c.direction}: ${c.baselineMean.toFixed(3)} → ${c.whatIfMean.toFixed(3)}  Δ ${c.meanDiff.toFixed(3)} 95% CI ${ci}`);
      }
    }
  }
  return results.every((r) => r.pass) ? 0 : 1;
}
