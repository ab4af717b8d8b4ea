import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { runKey, type Shard } from './grid';
import { specConflict, type ExperimentSpec, type Manifest, type RunRecord } from './spec';

// The JSONL result store of one experiment directory. Each finished run is appended as one
// line with a single write, so a process killed mid-experiment leaves at worst one partial last
// line; reopening drops that fragment (truncating the file back to the last newline) and the
// run is simply done again. Node only.

/**
 * An experiment directory that cannot be used as asked: it holds another experiment's runs, a
 * corrupt line, or (for merge) misses runs. The message names the directory or file and says
 * what to do; the CLI prints it without a stack and exits with code 2.
 */
export class ExperimentDirError extends Error {}

/** File names inside an experiment directory. */
export const RUNS_FILE = 'runs.jsonl';
/** The experiment's manifest (spec + shard). */
export const MANIFEST_FILE = 'experiment.json';
/** Present while a process is appending to the directory. */
export const LOCK_FILE = 'experiment.lock';

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the directory's lock, so two processes never append to one runs.jsonl. A lock left by
 * a killed process on this host is taken over; one from another host (a shared file system)
 * must be removed by hand, since its owner cannot be checked from here.
 */
export function takeLock(dir: string): string {
  const path = join(dir, LOCK_FILE);
  const me = `${process.pid}@${hostname()}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, me, { flag: 'wx' });
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readFileSync(path, 'utf8').trim();
    const [pid, host] = owner.split('@');
    // An empty or garbled lock is one whose writer died before finishing it: stale.
    if (!/^\d+$/.test(pid ?? '') || !host) {
      rmSync(path, { force: true });
      continue;
    }
    if (host !== hostname()) throw new ExperimentDirError(`${dir} is locked by process ${owner}; if that process has ended, remove ${path}`);
    if (pidAlive(Number(pid))) throw new ExperimentDirError(`${dir} is in use by another experiment (process ${pid}); wait for it or use another --out`);
    rmSync(path, { force: true });
  }
  throw new ExperimentDirError(`${dir}: could not take ${path}`);
}

/** What was read from a runs.jsonl. */
export interface RunsFile {
  records: RunRecord[];
  /** Byte length of the complete lines (a partial last line is beyond it). */
  completeBytes: number;
  /** Whether a partial last line was found (and ignored). */
  partialLine: boolean;
}

/** Reads a runs.jsonl, ignoring a partial last line; a corrupt complete line is an error. */
export function readRunsFile(path: string): RunsFile {
  if (!existsSync(path)) return { records: [], completeBytes: 0, partialLine: false };
  const bytes = readFileSync(path);
  const end = bytes.lastIndexOf(0x0a) + 1;
  const text = bytes.subarray(0, end).toString('utf8');
  const records: RunRecord[] = [];
  const lines = text.split('\n');
  lines.pop(); // the empty string after the final newline
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let rec: RunRecord;
    try {
      rec = JSON.parse(line) as RunRecord;
    } catch (err) {
      throw new ExperimentDirError(`${path}:${i + 1}: not a JSON record (${(err as Error).message}); only a partial last line is repaired automatically — remove the line by hand to redo that run`);
    }
    if (typeof rec?.arm !== 'string' || typeof rec?.seed !== 'number' || typeof rec?.metrics !== 'object') {
      throw new ExperimentDirError(`${path}:${i + 1}: not a run record (expected arm, seed, metrics)`);
    }
    records.push(rec);
  });
  return { records, completeBytes: end, partialLine: end < bytes.length };
}

/** Reads experiment.json, or null if the directory has none. */
export function readManifest(dir: string): Manifest | null {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (err) {
    throw new ExperimentDirError(`${path}: unreadable manifest (${(err as Error).message})`);
  }
}

/** Writes a file through a temporary name, so a reader never sees half of it. */
export function writeFileAtomic(path: string, data: string): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
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
  static open(dir: string, spec: ExperimentSpec, shard: Shard | null): RunStore {
    mkdirSync(dir, { recursive: true });
    const old = readManifest(dir);
    if (old) {
      const why = specConflict(old, spec);
      if (why) throw new ExperimentDirError(`${dir} cannot be resumed by this experiment: ${why}. Use a different --out, or remove ${dir} to start over.`);
    }
    const lock = takeLock(dir);
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
    writeSync(this.fd, `${JSON.stringify(rec)}\n`);
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
