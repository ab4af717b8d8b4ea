import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { STACK_LINE, cliInProcess, cliProcess, type CliResult } from '../hostile/cli-harness';

// Running one fuzz case and judging it: the command runs in this process (or, for a sample, as
// a child process), with the fuzz's small budget so an accepted run stays short, and must end
// in exit 0 or 2, with no stack trace, within its time, writing no non-finite number.

/** Budget factor every case runs under: a preset's run of a few hundred ticks fits, anything large does not. */
export const FUZZ_BUDGET = '0.04';
/** A case taking longer than this has hung (a tick running for a minute, a loop). */
export const CASE_LIMIT_MS = 60_000;
/** stderr of one failure stays short (errors are capped at 20 lines of at most 400 characters). */
export const MAX_STDERR = 16 * 1024;

/** Paths the command-line placeholders stand for. */
export interface CasePaths {
  dir: string;
  file: string;
  exp: string;
  snap: string;
}

/** argv with its placeholders filled (@dir, @missing, @file, @exp, @snap). */
export function fill(argv: readonly string[], p: CasePaths): string[] {
  return argv.map((a) => a.replace(/@dir/g, p.dir).replace(/@missing/g, join(p.dir, 'no-such-dir')).replace(/@file/g, p.file).replace(/@exp/g, p.exp).replace(/@snap/g, p.snap));
}

/** What a case did. */
export interface Outcome extends CliResult {
  ms: number;
  spawned: boolean;
}

/** Runs argv (budget capped) in this process, or as a child process when `spawn`. */
export async function runCase(argv: readonly string[], spawn: boolean): Promise<Outcome> {
  const args = argv.length ? [argv[0], '--budget', FUZZ_BUDGET, ...argv.slice(1)] : [];
  const started = performance.now();
  if (spawn) {
    const r = cliProcess(args, { timeoutMs: CASE_LIMIT_MS });
    return { code: r.signal ? -1 : r.code, stdout: r.stdout, stderr: r.signal ? `${r.stderr}\n[killed by ${r.signal}]` : r.stderr, ms: performance.now() - started, spawned: true };
  }
  const r = await cliInProcess(args);
  return { ...r, ms: performance.now() - started, spawned: false };
}

/** Keys of summary.json that hold null when a statistic is undefined (one seed, zero spread, a zero baseline). */
const UNDEFINED_STATS = new Set(['sd', 'ci', 'df', 'relative']);

function badJsonNumbers(v: unknown, path: string, out: string[], allowNull: (key: string, path: string) => boolean): void {
  if (v === null) {
    if (!allowNull(path.slice(path.lastIndexOf('/') + 1).replace(/^\d+$/, ''), path)) out.push(`null at ${path}`);
  } else if (typeof v === 'number') {
    if (!Number.isFinite(v)) out.push(`${v} at ${path}`);
  } else if (Array.isArray(v)) v.forEach((x, i) => badJsonNumbers(x, `${path}/${i}`, out, allowNull));
  else if (typeof v === 'object') for (const [k, x] of Object.entries(v as object)) badJsonNumbers(x, `${path}/${k}`, out, allowNull);
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/**
 * What is wrong with an outcome (empty when nothing): an exit code other than 0 and 2, a stack
 * trace, a case past its time, an over-long stderr, a non-finite number in stdout's JSON or in a
 * CSV or JSON output written under `dir`.
 */
export function problems(o: Outcome, dir: string): string[] {
  const out: string[] = [];
  if (o.code !== 0 && o.code !== 2) out.push(`exit ${o.code}`);
  if (STACK_LINE.test(o.stderr)) out.push('a stack trace on stderr');
  if (o.ms > CASE_LIMIT_MS) out.push(`took ${Math.round(o.ms)} ms`);
  if (o.stderr.length > MAX_STDERR) out.push(`${o.stderr.length} characters on stderr`);
  if (o.code === 0 && o.stdout.startsWith('{')) {
    try {
      badJsonNumbers(JSON.parse(o.stdout), 'stdout', out, () => false);
    } catch {
      out.push('stdout is not one JSON object');
    }
  }
  for (const f of filesUnder(dir)) {
    if (f.endsWith('.csv')) {
      const rows = parseCsv(readFileSync(f, 'utf8'), { columns: true }) as Record<string, string>[];
      for (const [i, row] of rows.entries()) {
        for (const col of ['value', 'distance']) {
          if (col in row && !Number.isFinite(Number(row[col]))) out.push(`${f}:${i + 2}: ${col} ${row[col]}`);
        }
      }
    } else if (f.endsWith('summary.json')) {
      const summary = JSON.parse(readFileSync(f, 'utf8')) as { censored?: Record<string, Record<string, { notReached: number; n: number }>> };
      // A time to an event that no run of an arm reached has no mean (censored, issue 14): its
      // statistics, and the effects that compare with them, are null.
      const unreached = new Set(Object.values(summary.censored ?? {}).flatMap((byMetric) => Object.entries(byMetric).filter(([, c]) => c.notReached === c.n).map(([m]) => m)));
      badJsonNumbers(summary, f, out, (k, path) => UNDEFINED_STATS.has(k) || [...unreached].some((m) => path.includes(`/${m}/`)));
    }
  }
  return out.slice(0, 5);
}

/** What an exit-2 case was refused for, from the first line of its stderr (for the report). */
export function refusal(stderr: string): string {
  const first = stderr.split('\n')[0];
  if (/over the resource budget|stopped before tick/.test(first)) return 'the resource budget';
  if (/the limit is|nesting deeper than/.test(first)) return 'an input limit';
  if (/^exocascade \w+: --(csv|events|snapshot-out|out) .*: (is a|is not a|the directory|cannot create|.* is on |.* free;|no part)/.test(first)) return 'an output path';
  if (/content hash|snapshot format|restores to state|is malformed|the snapshot|snapshot:/.test(first)) return 'a snapshot';
  if (/runs\.jsonl|experiment\.json|manifest|holds (an unsharded|shard)|no experiment\.json|cannot be resumed|in use by|no such directory/.test(first)) return 'an experiment directory';
  if (/^exocascade( \w+)?: (--|Unknown option|Option|unknown command|no command given|\w+ needs|\w+ takes|Unexpected argument)|see exocascade help$/.test(first)) return 'a flag or argument';
  if (/: (\/|--what-if|--arm|--tick-hours|\(top level\))/.test(first)) return 'the scenario or what-ifs';
  return 'other';
}

/** Counts of what the fuzz tried and how it ended, for its report. */
export class FuzzReport {
  readonly counts = new Map<string, number>();
  readonly refusals = new Map<string, number>();
  readonly findings: string[] = [];
  /** The slowest case. */
  slowest = { ms: 0, label: '' };
  /** First lines of refusals the classifier did not place (a few, for the report). */
  readonly unplaced: string[] = [];

  /** Cases counted. */
  cases = 0;

  /** Counts one case under each of `labels` (e.g. the kinds of mutation it combined) with its exit code. */
  add(labels: readonly string[], o: Outcome): void {
    this.cases++;
    if (o.code === 2) {
      const why = refusal(o.stderr);
      this.refusals.set(why, (this.refusals.get(why) ?? 0) + 1);
      if (why === 'other' && this.unplaced.length < 5) this.unplaced.push(o.stderr.split('\n')[0].slice(0, 200));
    }
    if (o.ms > this.slowest.ms) this.slowest = { ms: o.ms, label: labels.join('+') };
    for (const label of new Set(labels)) {
      const key = `${label} → exit ${o.code}`;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
    if (o.spawned) this.counts.set(`(as a child process) → exit ${o.code}`, (this.counts.get(`(as a child process) → exit ${o.code}`) ?? 0) + 1);
  }

  /** The report as lines, sorted by label. */
  lines(): string[] {
    return [...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${String(n).padStart(6)}  ${k}`);
  }

  /** Appends the report to FUZZ_REPORT (a file), when set. */
  save(title: string): void {
    const file = process.env.FUZZ_REPORT;
    if (!file) return;
    const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const refused = [...this.refusals.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${k}`).join(', ');
    writeFileSync(file, `${old}## ${title}: ${this.cases} cases (a case combining several kinds counts under each)\n${this.lines().join('\n')}\nexit 2 for: ${refused}\n${this.unplaced.map((l) => `  other: ${l}\n`).join('')}slowest case: ${Math.round(this.slowest.ms)} ms (${this.slowest.label})\n${this.findings.length ? `findings:\n${this.findings.join('\n')}\n` : 'findings: none\n'}\n`);
  }
}

/** A fresh directory for one case. */
export function caseDir(root: string, n: number): string {
  const d = join(root, `case-${n}`);
  mkdirSync(d, { recursive: true });
  return d;
}
