import { parseArgs } from 'node:util';
import { fmt, fmtInterval, fmtSigned } from '../experiment/format';
import { CLAIM_SEEDS, CLAIMS } from '../validate/claims';
import { runClaims, type ClaimResult } from '../validate/run-claims';
import { CLOSE, CONVERGENCE_SEEDS, NOISE_LIMIT, runConvergence, type ConvergenceRow } from '../validate/convergence';
import { readFragment } from '../node/read-fragment';
import { parseWorkers } from './experiment';
import { intOption, timeOption } from './options';
import { UsageError } from './usage';

/** One check of a claim as a line of the human report. */
function checkLine(r: ClaimResult, c: ClaimResult['checks'][number]): string {
  const rule = c.direction
    ? `${c.direction} by ≥ ${fmt(c.relative * 100)}% (CI beyond ${c.direction === 'lower' ? '−' : '+'}${fmt(c.threshold)})`
    : c.side === 'not-lower' ? `not lower by more than ${fmt(c.relative * 100)}% (CI above −${fmt(c.threshold)})`
      : c.side === 'not-higher' ? `not higher by more than ${fmt(c.relative * 100)}% (CI below +${fmt(c.threshold)})`
        : `unchanged within ±${fmt(c.relative * 100)}% (CI inside ±${fmt(c.threshold)})`;
  const rel = c.relativeChange === null ? '' : ` (${fmtSigned(c.relativeChange * 100)}%)`;
  // A failed check says whether it lacks seeds or effect: the seeds at which its CI would clear
  // the bound were this mean and SD to hold, or that the mean itself falls short.
  const power = c.pass ? '' : c.seedsToHold === null ? '; the mean itself falls short, more seeds would not help' : `; would hold at ~${c.seedsToHold} seeds were this mean and SD to hold`;
  return `  ${c.pass ? 'ok  ' : 'FAIL'} ${c.metric}${c.per ? ` per ${c.per}` : ''} ${rule}: ${fmt(c.baselineMean)} → ${fmt(c.whatIfMean)}  Δ ${fmtSigned(c.meanDiff)}${rel} 95% CI ${fmtInterval(c.ci, true)}${power}`;
}

/** The convergence table as text, one line per preset and outcome. */
function convergenceLines(rows: readonly ConvergenceRow[], coarse: number, fine: number): string[] {
  const out = [`outcome means at ${fmt(coarse)}-h and ${fmt(fine)}-h ticks over the same simulated time (agree: within ${CLOSE * 100}%, or the 95% CI of the difference includes 0 and it is under ${NOISE_LIMIT * 100}%)`];
  for (const r of rows) {
    const rel = r.relativeDiff === null ? 'n/a' : `${fmtSigned(r.relativeDiff * 100)}%`;
    out.push(`  ${r.pass ? 'ok  ' : 'FAIL'} ${r.preset.padEnd(11)} ${r.observable.padEnd(18)} ${fmt(r.coarseMean).padStart(10)} ${fmt(r.fineMean).padStart(10)}  ${rel.padStart(7)}  95% CI ${fmtInterval(r.ci, true)}`);
  }
  const failed = rows.filter((r) => !r.pass).length;
  out.push(`${rows.length - failed} of ${rows.length} outcomes agree`);
  return out;
}

/**
 * `exocascade validate [--seeds N] [--claim ID]… [--point FILE] [--workers auto|N] [--json] [--quiet]`: runs
 * every claim (effects with a minimal effect size, controls with an equivalence margin) as
 * paired ensembles at the presets' default run length. Exit 0 when all pass, 1 when any fails.
 */
export async function validateCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      seeds: { type: 'string' }, claim: { type: 'string', multiple: true }, json: { type: 'boolean' }, workers: { type: 'string' }, quiet: { type: 'boolean' },
      'tick-hours': { type: 'string' },
      convergence: { type: 'boolean' }, preset: { type: 'string', multiple: true }, point: { type: 'string' },
    },
  });
  // At least two seeds for a confidence interval.
  const given = intOption(values.seeds, 'seeds', { min: 2, max: 100_000 });
  if (values.convergence && values.point !== undefined) throw new UsageError('--point applies to the claims, not to --convergence');
  if (values.convergence) {
    const rows = await runConvergence({ seeds: given ?? CONVERGENCE_SEEDS, presets: values.preset, workers: parseWorkers(values.workers), progress: values.quiet || values.json ? null : process.stderr });
    if (values.json) out(JSON.stringify(rows));
    else for (const line of convergenceLines(rows, 2, 0.5)) out(line);
    return rows.every((r) => r.pass) ? 0 : 1;
  }
  const ids = values.claim ?? CLAIMS.map((c) => c.id);
  for (const id of ids) if (!CLAIMS.some((c) => c.id === id)) throw new UsageError(`unknown claim "${id}"; claims: ${CLAIMS.map((c) => c.id).join(', ')}`);
  const results = await runClaims(CLAIMS.filter((c) => ids.includes(c.id)), {
    seeds: given ?? CLAIM_SEEDS, workers: parseWorkers(values.workers), progress: values.quiet || values.json ? null : process.stderr, tickHours: timeOption(values['tick-hours']),
    point: values.point === undefined ? undefined : { file: values.point, fragment: readFragment(values.point) },
  });
  if (values.json) out(JSON.stringify(results));
  else {
    if (values.point !== undefined) out(`claims at the point in ${values.point} (written over every preset's defaults)`);
    for (const r of results) {
      out(`${r.pass ? 'PASS' : 'FAIL'} ${r.id} (step ${r.step}, ${r.kind}; ${r.scenario} ${r.whatIfs.join(',')}, ${r.seeds} seeds × ${r.ticks} ticks): ${r.statement}`);
      for (const c of r.checks) out(checkLine(r, c));
    }
    const failed = results.filter((r) => !r.pass).length;
    out(`${results.length - failed} of ${results.length} claims pass`);
  }
  return results.every((r) => r.pass) ? 0 : 1;
}
