import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { readInputJson } from '../node/input-file';
import { prepareOutputDir, writeFileAtomic } from '../node/output-path';
import { ExperimentDirError } from './dir-error';
import { runKey, type Shard } from './grid';
import { LOCK_FILE, takeLock } from './lock';
import { verifyManifest, verifyRecord, withChecksum } from './record-check';
import { specConflict, type ExperimentSpec, type Manifest, type RunRecord } from './spec';

// The JSONL result store of one experiment directory. Each finished run is appended as one
// line with a single write, so a process killed mid-experiment leaves at worst one partial last
// line; reopening drops that fragment (truncating the file back to the last newline) and the
// run is simply done again. Every line carries a checksum, checked whenever it is read. Node only.

export { ExperimentDirError, LOCK_FILE, takeLock, writeFileAtomic };

/** File names inside an experiment directory. */
export const RUNS_FILE = 'runs.jsonl';
/** The experiment's manifest (spec + shard). */
export const MANIFEST_FILE = 'experiment.json';
/** Largest experiment.json read (a manifest lists every seed: a million seeds is ~8 MB). */
const MANIFEST_LIMITS = { maxChars: 64 * 1024 * 1024, maxDepth: 8, maxString: 64 * 1024 * 1024, maxItems: 10_000_000 };
/** Largest line of runs.jsonl read (a record with a long trajectory). */
const MAX_LINE_BYTES = 256 * 1024 * 1024;

/** What was read from a runs.jsonl. */
export interface RunsFile {
  records: RunRecord[];
  /** Byte length of the complete lines (a partial last line is beyond it). */
  completeBytes: number;
  /** Whether a partial last line was found (and ignored). */
  partialLine: boolean;
}

/**
 * Reads a runs.jsonl line by line, ignoring a partial last line; a complete line that is not a
 * whole record with a matching checksum is an error naming the file and line.
 */
export function readRunsFile(path: string): RunsFile {
  if (!existsSync(path)) return { records: [], completeBytes: 0, partialLine: false };
  if (!statSync(path).isFile()) throw new ExperimentDirError(`${path}: not a regular file`);
  const bytes = readFileSync(path);
  const end = bytes.lastIndexOf(0x0a) + 1;
  const records: RunRecord[] = [];
  let start = 0;
  for (let line = 1; start < end; line++) {
    const nl = bytes.indexOf(0x0a, start);
    const where = `${path}:${line}`;
    if (nl - start > MAX_LINE_BYTES) throw new ExperimentDirError(`${where}: a line of ${nl - start} bytes; the limit is ${MAX_LINE_BYTES}`);
    const text = bytes.subarray(start, nl).toString('utf8');
    start = nl + 1;
    if (text.trim() === '') continue;
    let rec: unknown;
    try {
      rec = JSON.parse(text);
    } catch (err) {
      throw new ExperimentDirError(`${where}: not a JSON record (${(err as Error).message.slice(0, 120)}); only a partial last line is repaired automatically — remove the line by hand to redo that run`);
    }
    records.push(verifyRecord(rec, where));
  }
  return { records, completeBytes: end, partialLine: end < bytes.length };
}

/** Reads and checks experiment.json, or null if the directory has none. */
export function readManifest(dir: string): Manifest | null {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return null;
  let data: unknown;
  try {
    data = readInputJson(path, 'manifest', MANIFEST_LIMITS);
  } catch (err) {
    throw new ExperimentDirError(`${path}: unreadable manifest (${(err as Error).message.replace(`${path}: `, '')})`);
  }
  return verifyManifest(data, path);
}

/** Why `shard` cannot run in a directory whose manifest is `old` (null when it can). */
function shardConflict(dir: string, old: Manifest, shard: Shard | null): string | null {
  if (!shard) return null;
  const flag = `--shard ${shard.index}/${shard.count}`;
  if (old.shard === null) {
    const runs = join(dir, RUNS_FILE);
    if (existsSync(runs) && statSync(runs).size > 0) {
      return `${dir} holds an unsharded experiment (${MANIFEST_FILE} has no shard) and its outputs; ${flag} into it would leave them stale. Run each shard into its own --out, then merge`;
    }
    return null;
  }
  if (old.shard.index !== shard.index || old.shard.count !== shard.count) {
    return `${dir} holds shard ${old.shard.index}/${old.shard.count} (${join(dir, MANIFEST_FILE)}); this is ${flag}. Run each shard into its own --out`;
  }
  return null;
}

/**
 * Checks a record against the spec it is about to count for. Records of arms the spec does not
 * name are kept in the file but not used (an earlier, larger experiment may have left them).
 */
function checkRecord(rec: RunRecord, spec: ExperimentSpec, where: string): void {
  const arm = spec.arms.find((a) => a.name === rec.arm);
  if (!arm) return;
  const bad =
    rec.engineVersion !== spec.engineVersion ? `engine ${rec.engineVersion}, expected ${spec.engineVersion}` :
    rec.catalogVersion !== spec.catalogVersion ? `catalog ${rec.catalogVersion}, expected ${spec.catalogVersion}` :
    rec.scenarioHash !== arm.scenarioHash ? `scenario hash ${rec.scenarioHash}, expected ${arm.scenarioHash} for arm ${arm.name}` :
    rec.ticks !== spec.ticks ? `${rec.ticks} ticks, expected ${spec.ticks}` : null;
  if (bad) throw new ExperimentDirError(`${where}: run (${rec.arm}, seed ${rec.seed}) has ${bad}; use a fresh --out directory for a different experiment`);
}

/**
 * Indexes records by (arm, seed) after checking them against the spec. A run recorded twice
 * must have the same state hash (a difference would be a determinism bug); the first is kept.
 */
export function indexRecords(records: readonly RunRecord[], spec: ExperimentSpec, where: string): Map<string, RunRecord> {
  const byKey = new Map<string, RunRecord>();
  for (const rec of records) {
    checkRecord(rec, spec, where);
    const key = runKey(rec.arm, rec.seed);
    const prev = byKey.get(key);
    if (prev && prev.stateHash !== rec.stateHash) {
      throw new ExperimentDirError(`${where}: run (${rec.arm}, seed ${rec.seed}) is recorded twice with different state hashes (${prev.stateHash}, ${rec.stateHash}): the engine is not deterministic`);
    }
    if (!prev) byKey.set(key, rec);
  }
  return byKey;
}

/** An experiment directory opened for running: finished runs indexed, new ones appended. */
export class RunStore {
  /** Finished runs by runKey. */
  readonly done: Map<string, RunRecord>;
  /** Whether a partial last line was dropped on open. */
  readonly repaired: boolean;
  private fd: number;
  private readonly runsPath: string;

  // process.exit (Ctrl-C) skips finally blocks; still release the directory on the way out.
  private readonly onExit = () => this.close();

  private constructor(readonly dir: string, private readonly spec: ExperimentSpec, done: Map<string, RunRecord>, repaired: boolean, fd: number, private lockPath: string | null) {
    this.done = done;
    this.repaired = repaired;
    this.fd = fd;
    this.runsPath = join(dir, RUNS_FILE);
    process.once('exit', this.onExit);
  }

  /**
   * Opens (creating if needed) `dir` for `spec`: refuses a directory holding another
   * experiment, drops a partial last line, and records the spec and shard in experiment.json.
   */
  static open(dir: string, spec: ExperimentSpec, shard: Shard | null, notice: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): RunStore {
    prepareOutputDir(dir, '--out');
    const old = readManifest(dir);
    if (old) {
      const why = specConflict(old, spec);
      if (why) throw new ExperimentDirError(`${dir} cannot be resumed by this experiment: ${why}. Use a different --out, or remove ${dir} to start over.`);
      const shardWhy = shardConflict(dir, old, shard);
      if (shardWhy) throw new ExperimentDirError(shardWhy);
    }
    const lock = takeLock(dir, notice);
    try {
      const runsPath = join(dir, RUNS_FILE);
      const file = readRunsFile(runsPath);
      const done = indexRecords(file.records, spec, runsPath);
      const fd = openSync(runsPath, 'a');
      if (file.partialLine) ftruncateSync(fd, file.completeBytes);
      const manifest: Manifest = { ...spec, shard };
      writeFileAtomic(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
      return new RunStore(dir, spec, done, file.partialLine, fd, lock);
    } catch (err) {
      rmSync(lock, { force: true });
      throw err;
    }
  }

  /** Appends one finished run as a single line (one write call). */
  append(rec: RunRecord): void {
    checkRecord(rec, this.spec, this.runsPath);
    writeSync(this.fd, `${JSON.stringify(withChecksum(rec))}\n`);
    this.done.set(runKey(rec.arm, rec.seed), rec);
  }

  /** Closes the runs file and releases the directory. */
  close(): void {
    process.removeListener('exit', this.onExit);
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    if (this.lockPath) rmSync(this.lockPath, { force: true });
    this.lockPath = null;
  }
}
