import { clip } from '../scenario/errors';
import { WhatIfSyntaxError, parseWhatIf } from '../scenario/whatif';

// The (arm × seed) grid of an experiment and the command-line forms that describe it. Parse
// errors throw GridSyntaxError with a message that names the offending option and value; the
// CLI turns it into exit code 2.

/** A malformed --arm, --seeds or --shard value (message is complete and user-facing). */
export class GridSyntaxError extends Error {}

/** The arm every experiment includes first: the scenario as written. */
export const BASELINE = 'baseline';

/** One arm as given on the command line: a name and its what-if strings (may be empty). */
export interface ArmSpec {
  name: string;
  whatIfs: string[];
}

/** One slice of a sharded experiment: the index-th (1-based) of count interleaved slices. */
export interface Shard {
  index: number;
  count: number;
}

/** One run of the grid. */
export interface GridJob {
  arm: string;
  seed: number;
}

/** Largest seed the scenario schema accepts. */
export const MAX_SEED = 4294967295;
/** Most seeds one experiment may list (a typo like 1..1000000000 should fail, not hang). */
export const MAX_SEEDS = 1_000_000;

const ARM_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Parses `NAME=WHATIF[,WHATIF…]`. `NAME=` with nothing after it is a control arm with no change
 * (it must reproduce the baseline exactly). What-if syntax is checked here; whether a cargo or
 * population exists is checked when the arm is resolved against the scenario.
 */
export function parseArm(text: string): ArmSpec {
  const eq = text.indexOf('=');
  if (eq < 0) throw new GridSyntaxError(`--arm "${clip(text)}": expected NAME=WHATIF[,WHATIF...], e.g. --arm pdl1-ko=ko:pdl1`);
  const name = text.slice(0, eq).trim();
  if (!ARM_NAME.test(name)) {
    throw new GridSyntaxError(`--arm "${clip(text)}": arm name "${clip(name, 60)}" must start with a letter or digit and use only letters, digits, '.', '_' and '-'`);
  }
  if (name === BASELINE) throw new GridSyntaxError(`--arm "${clip(text)}": "${BASELINE}" is the scenario as written and is always included; choose another name`);
  const body = text.slice(eq + 1).trim();
  if (body === '') return { name, whatIfs: [] };
  const whatIfs = body.split(',').map((w) => w.trim());
  whatIfs.forEach((w, i) => {
    if (w === '') throw new GridSyntaxError(`--arm ${name}: what-if #${i + 1} is empty (stray comma in "${clip(body)}")`);
    try {
      parseWhatIf(w);
    } catch (err) {
      if (err instanceof WhatIfSyntaxError) throw new GridSyntaxError(`--arm ${name}: ${err.message}`);
      throw err;
    }
  });
  return { name, whatIfs };
}

/** Parses every --arm and puts the baseline first; arm names must be unique. */
export function parseArms(texts: readonly string[]): ArmSpec[] {
  const arms: ArmSpec[] = [{ name: BASELINE, whatIfs: [] }];
  for (const text of texts) {
    const arm = parseArm(text);
    if (arms.some((a) => a.name === arm.name)) throw new GridSyntaxError(`--arm ${arm.name} is given twice; arm names must be unique`);
    arms.push(arm);
  }
  return arms;
}

function seedValue(s: string, whole: string): number {
  if (!/^\d+$/.test(s)) throw new GridSyntaxError(`--seeds "${clip(whole)}": "${clip(s, 40)}" is not a non-negative integer (forms: 1..50, 1,2,7, 1..5,9)`);
  // Compared as text first: Number() of a long digit string rounds (9007199254740993 → …992).
  if (s.replace(/^0+(?=\d)/, '').length > 10 || Number(s) > MAX_SEED) throw new GridSyntaxError(`--seeds "${clip(whole)}": seed ${clip(s, 40)} is larger than ${MAX_SEED}`);
  return Number(s);
}

/** Parses `a..b`, comma lists and mixes (`1..5,9`) into ascending unique seeds. */
export function parseSeeds(text: string): number[] {
  const seen = new Set<number>();
  const parts = text.split(',').map((p) => p.trim());
  for (const part of parts) {
    if (part === '') throw new GridSyntaxError(`--seeds "${clip(text)}": empty item (forms: 1..50, 1,2,7, 1..5,9)`);
    const range = part.split('..');
    if (range.length > 2) throw new GridSyntaxError(`--seeds "${clip(text)}": "${clip(part, 60)}" is not a seed or a range a..b`);
    const a = seedValue(range[0].trim(), text);
    const b = range.length === 2 ? seedValue(range[1].trim(), text) : a;
    if (b < a) throw new GridSyntaxError(`--seeds "${clip(text)}": range ${part} runs backwards; write ${b}..${a}`);
    if (seen.size + (b - a + 1) > MAX_SEEDS) throw new GridSyntaxError(`--seeds "${clip(text)}": more than ${MAX_SEEDS} seeds`);
    for (let s = a; s <= b; s++) seen.add(s);
  }
  return [...seen].sort((x, y) => x - y);
}

/** Parses `i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const m = /^(\d{1,9})\/(\d{1,9})$/.exec(text.trim());
  if (!m) throw new GridSyntaxError(`--shard "${clip(text, 60)}": expected i/n, e.g. --shard 3/10 (1-based; with Slurm: --shard \${SLURM_ARRAY_TASK_ID}/N)`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new GridSyntaxError(`--shard "${clip(text, 60)}": i must be between 1 and n (n ≥ 1)`);
  return { index, count };
}

/**
 * The grid in canonical order: seed-major, arms in the order given within each seed. Running
 * in this order makes paired (arm, baseline) results available early, and interleaved shards
 * each get a mix of arms.
 */
export function gridJobs(arms: readonly string[], seeds: readonly number[]): GridJob[] {
  const jobs: GridJob[] = [];
  for (const seed of seeds) for (const arm of arms) jobs.push({ arm, seed });
  return jobs;
}

/**
 * The shard's interleaved slice: grid positions index−1, index−1+count, … A shard that selects
 * nothing (more shards than runs) is a GridSyntaxError naming both numbers.
 */
export function shardJobs<T>(jobs: readonly T[], shard: Shard | null): T[] {
  if (!shard) return [...jobs];
  if (shard.index > jobs.length) {
    throw new GridSyntaxError(`--shard ${shard.index}/${shard.count} selects no runs: the grid has ${jobs.length} run${jobs.length === 1 ? '' : 's'} (arms × seeds), so at most ${jobs.length} shard${jobs.length === 1 ? '' : 's'} have work`);
  }
  return jobs.filter((_, k) => k % shard.count === shard.index - 1);
}

/** Key of one run in maps and sets. */
export function runKey(arm: string, seed: number): string {
  return `${arm}\u0000${seed}`;
}
