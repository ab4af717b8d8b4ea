/** A command-line mistake: printed in one line with a pointer to the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An input file that cannot be used as asked (message names it and why): exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Top-level help text. */
export const USAGE = `exocascade — tumour-derived exosomes and the metastatic cascade

usage:
  exocascade run <scenario.json> [--seed N] [--ticks N] [--tick-hours H] [--what-if OP]... [--json]
                 [--csv FILE] [--snapshot-at T --snapshot-out FILE] [--restore FILE]
  exocascade experiment <scenario.json> [--arm NAME=WHATIF[,WHATIF...]]... --seeds 1..50
                 [--ticks N] [--tick-hours H] [--workers auto|N] [--shard i/n] [--trajectory-every K]
                 [--quiet] --out DIR
                 baseline plus each arm over the seeds (same seed = same random streams);
                 resumable; writes DIR/runs.jsonl, results.csv, summary.json, report.html.
                 --seeds: a..b, lists and mixes (1..5,9); --workers 0 runs in-process;
                 --shard i/n runs only the i-th of n interleaved slices (runs.jsonl only)
  exocascade merge DIR... --out DIR  combine shard directories (experiment or sensitivity) into the same outputs
  exocascade sensitivity <scenario.json> [--params all|schematic|ID,...] [--metrics all|NAME,...]
                 [--trajectories R] [--levels L] [--seeds 1..3] [--seed S] [--ticks N]
                 [--workers auto|N] [--shard i/n] [--quiet] --out DIR
                 Morris screen (as SALib) over each parameter's documented range; resumable;
                 writes DIR/sensitivity.csv, sensitivity.json, report.html
  exocascade calibrate --targets FILE [--params schematic|all|ID,...] [--particles N]
                 [--generations G] [--quantile Q] [--seeds 1..4] [--seed S] [--check-seeds 1001..1020]
                 [--point median|best] [--ticks N] [--workers auto|N] [--quiet] --out DIR
                 ABC-SMC against a targets file; resumable; writes DIR/particles.csv,
                 posterior.json, calibrated.json, report.html
  exocascade calibrate --targets FILE --evaluate defaults|POINT.json [--seeds 1..20] --out DIR
                 each target checked at one point, with 95% bootstrap bands (fit.json, report.html)
  exocascade bench [--json] [--quick]
  exocascade catalog [--search TEXT] [--json]
                 the cargo catalog from the review: effects and evidence (Table 2 rows, prose)
  exocascade validate [--seeds N] [--tick-hours H] [--claim ID]... [--point FILE] [--workers auto|N]
                 [--json] [--quiet]
                 checks the review's findings: effects by a minimal size, controls within a
                 margin (paired ensembles of 40 seeds at the presets' run length, 95% CIs);
                 exit 1 when a claim fails; --point runs them at a calibrated.json or fragment
  exocascade validate --convergence [--seeds N] [--preset ID]... [--workers auto|N] [--json]
                 the tick length is a resolution: outcomes at 2-h and 0.5-h ticks agree (20 seeds)
  exocascade schema                 print the scenario JSON Schema

--tick-hours H: the tick length (hours, or a time such as "30 min"); the simulated time stays
                 the scenario's, so a run takes round(hours / H) ticks unless --ticks is given
what-if times (@T): a bare number is a tick; a time with a unit (@48h, @2d, @90min) is rounded to
                 the nearest tick

exit codes: 0 ok, 2 bad scenario or bad arguments, 1 any other failure (or a failed claim)`;
