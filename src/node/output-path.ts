import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, statfsSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { clip } from '../scenario/errors';

// Where a command writes, checked before it does any work: a missing directory, a file where a
// directory is wanted, a device or a special file system (/proc, /sys), a read-only or full disk
// are refused up front (exit 2) rather than found after an hour of runs. Every file is then
// written atomically: a temporary file in the same directory, renamed over the target, so a
// reader (or a crash) never sees half a file.

/** An output that cannot be written as asked: the message names the flag, the path and why (exit 2). */
export class OutputPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputPathError';
  }
}

/** File-system types (statfs magic numbers) that hold no user files: procfs, sysfs, cgroups, debugfs and the like. */
const SPECIAL_FS: Record<number, string> = {
  0x9fa0: 'procfs', 0x62656572: 'sysfs', 0x27e0eb: 'cgroup', 0x63677270: 'cgroup2', 0x64626720: 'debugfs', 0x74726163: 'tracefs',
  0x73636673: 'securityfs', 0x6165676c: 'pstore', 0xcafe4a11: 'bpf', 0x62656570: 'configfs', 0x1cd1: 'devpts', 0x19800202: 'mqueue',
  0xf97cff8c: 'selinuxfs', 0xde5e81e4: 'efivarfs', 0x42494e4d: 'binfmt_misc', 0x65735543: 'fusectl',
};

/** Free bytes a directory must have beyond what the output itself needs. */
const SPARE_BYTES = 1024 * 1024;

const statOrNull = (path: string): Stats | null => {
  try {
    return statSync(path);
  } catch {
    return null;
  }
};

/** The nearest existing ancestor of `path` (itself if it exists) and the parts below it that do not exist. */
function existingAncestor(path: string): { dir: string; stat: Stats; missing: string[] } {
  let dir = resolve(path);
  const missing: string[] = [];
  for (;;) {
    const st = statOrNull(dir);
    if (st) return { dir, stat: st, missing };
    const parent = dirname(dir);
    if (parent === dir) throw new OutputPathError(`${clip(path)}: no part of this path exists`);
    missing.unshift(basename(dir));
    dir = parent;
  }
}

/** Refuses a directory on a special file system, or one this process cannot create files in (probed), or without room for `bytes`. */
function checkWritableDir(dir: string, flag: string, target: string, bytes: number): void {
  let fs: { type: number; bavail: number; bsize: number };
  try {
    fs = statfsSync(dir) as unknown as { type: number; bavail: number; bsize: number };
  } catch (err) {
    throw new OutputPathError(`${flag} ${clip(target)}: cannot inspect ${clip(dir)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const special = SPECIAL_FS[Number(fs.type)];
  if (special) throw new OutputPathError(`${flag} ${clip(target)}: ${clip(dir)} is on ${special}, a special file system that holds no files; write somewhere else`);
  // Creating a file is the only sure test (permissions, read-only mounts, quotas, root on NFS).
  const probe = join(dir, `.exocascade-probe-${process.pid}-${Math.floor(performance.now() * 1000)}`); // det-ok: a unique name only
  try {
    closeSync(openSync(probe, 'wx'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'a read-only file system' : code === 'ENOSPC' ? 'no space left' : code ?? (err as Error).message;
    throw new OutputPathError(`${flag} ${clip(target)}: cannot create files in ${clip(dir)}: ${why}`);
  } finally {
    rmSync(probe, { force: true });
  }
  const free = Number(fs.bavail) * Number(fs.bsize);
  if (free < bytes + SPARE_BYTES) {
    throw new OutputPathError(`${flag} ${clip(target)}: ${clip(dir)} has ${fmtMiB(free)} free; the output needs about ${fmtMiB(bytes)} (and ${fmtMiB(SPARE_BYTES)} to spare)`);
  }
}

const fmtMiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;

/**
 * Checks that `file` can be written (by `flag`, e.g. "--csv"), expecting about `bytes`: its
 * directory exists and takes files, and the file itself, if present, is a regular file (not a
 * directory, not a device such as /dev/full, which an atomic rename would replace).
 */
export function checkOutputFile(file: string, flag: string, bytes = 0): void {
  const st = statOrNull(file);
  if (st?.isDirectory()) throw new OutputPathError(`${flag} ${clip(file)}: is a directory; give a file name`);
  if (st && !st.isFile()) throw new OutputPathError(`${flag} ${clip(file)}: is not a regular file (a device, pipe or socket); give a file name`);
  const dir = dirname(resolve(file));
  const parent = statOrNull(dir);
  if (!parent) throw new OutputPathError(`${flag} ${clip(file)}: the directory ${clip(dir)} does not exist`);
  if (!parent.isDirectory()) throw new OutputPathError(`${flag} ${clip(file)}: ${clip(dir)} is not a directory`);
  checkWritableDir(dir, flag, file, bytes);
}

/**
 * Checks that `dir` can hold a command's outputs (by `flag`, e.g. "--out"), expecting about
 * `bytes`, and creates it (and missing parents) when `create`: refuses a file where the
 * directory should be, a special file system and a directory that takes no files.
 */
export function prepareOutputDir(dir: string, flag: string, bytes = 0, create = true): void {
  const { dir: existing, stat, missing } = existingAncestor(dir);
  if (!stat.isDirectory()) {
    throw new OutputPathError(`${flag} ${clip(dir)}: ${missing.length ? `${clip(existing)} is a file, not a directory` : 'is a file, not a directory; give a directory'}`);
  }
  checkWritableDir(existing, flag, dir, bytes);
  if (!create) return;
  // One level at a time (never mkdir -p, which loops on some special file systems).
  let at = existing;
  for (const part of missing) {
    at = join(at, part);
    try {
      mkdirSync(at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !statOrNull(at)?.isDirectory()) {
        throw new OutputPathError(`${flag} ${clip(dir)}: cannot create ${clip(at)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
    }
  }
}

/**
 * Writes `data` to `path` through a temporary file in the same directory, flushed and then
 * renamed over `path`, so a reader never sees half a file and a failed write leaves the old one.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.floor(performance.now() * 1000) % 1e9}.tmp`); // det-ok: a unique name only
  let fd = -1;
  try {
    fd = openSync(tmp, 'wx');
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    renameSync(tmp, path);
  } catch (err) {
    if (fd >= 0) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
}
