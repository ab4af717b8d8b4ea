import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ExperimentDirError } from './dir-error';

// The lock of an output directory, so two processes never append to one runs.jsonl. A lock whose
// holder is gone — no such process, or a zombie (killed, not yet reaped by its parent: its pid
// still answers signals for a moment after `kill -9`) — is taken over with a notice.

/** Present while a process is appending to the directory. */
export const LOCK_FILE = 'experiment.lock';

/**
 * Whether process `pid` on this host is running: it exists and is neither a zombie nor dead
 * (state Z or X in /proc/<pid>/stat, where the platform has one).
 */
export function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) S …": the command name may hold spaces and parentheses; the state follows the last ')'.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X' && state !== 'x';
  } catch {
    return true; // no /proc (macOS): the signal said it exists
  }
}

/**
 * Takes the directory's lock. A lock left by a process on this host that is no longer running
 * (killed, or a zombie) is taken over, and `notice` (default: stderr) says so; one from another host (a shared
 * file system) must be removed by hand, since its owner cannot be checked from here.
 */
export function takeLock(dir: string, notice: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string {
  const path = join(dir, LOCK_FILE);
  const me = `${process.pid}@${hostname()}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, me, { flag: 'wx' });
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new ExperimentDirError(`${dir}: cannot create ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    let owner = '';
    try {
      owner = readFileSync(path, 'utf8').trim();
    } catch {
      continue; // removed in between: try again
    }
    const [pid, host] = owner.split('@');
    // An empty or garbled lock is one whose writer died before finishing it: stale.
    if (!/^\d{1,10}$/.test(pid ?? '') || !host) {
      notice(`note: ${path} held no valid owner ("${owner.slice(0, 40)}"); taking it over`);
      rmSync(path, { force: true });
      continue;
    }
    if (host !== hostname()) throw new ExperimentDirError(`${dir} is locked by process ${owner}; if that process has ended, remove ${path}`);
    if (processRunning(Number(pid))) {
      throw new ExperimentDirError(`${dir} is in use by another experiment (process ${pid}); wait for it or use another --out`);
    }
    notice(`note: ${dir} was locked by process ${pid}, which is no longer running; taking the lock over`);
    rmSync(path, { force: true });
  }
  throw new ExperimentDirError(`${dir}: could not take ${path}`);
}
