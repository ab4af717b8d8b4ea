import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputPathError, checkOutputFile, prepareOutputDir, writeFileAtomic } from '../../src/node/output-path';
import { cliInProcess, cliProcess } from './cli-harness';

// Item 4 of issue 15: outputs are checked before the work — a missing directory, a file where a
// directory is wanted, a device, a special file system, a read-only or full disk — with exit 2 up
// front; and every output is written atomically (a temporary file in its directory, then a rename).

const tmp = mkdtempSync(join(tmpdir(), 'exocascade-outputs-'));

/** A tmpfs mounted under tmp (root only; null where mounting is not allowed), unmounted at the end. */
function mountTmpfs(name: string, options: string): string | null {
  const dir = join(tmp, name);
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    mounts.push(dir);
    return dir;
  } catch {
    return null;
  }
}
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) execFileSync('umount', [m], { stdio: 'ignore' });
  rmSync(tmp, { recursive: true, force: true });
});

const RUN = ['run', 'scenarios/breast.json', '--ticks', '3'];

describe('outputs checked before the work (exit 2 up front)', () => {
  const cases: Array<[string[], string]> = [
    [['--csv', join(tmp, 'missing', 'x.csv')], `--csv ${join(tmp, 'missing', 'x.csv')}: the directory ${join(tmp, 'missing')} does not exist`],
    [['--csv', tmp], `--csv ${tmp}: is a directory; give a file name`],
    [['--csv', '/dev/full'], '--csv /dev/full: is not a regular file (a device, pipe or socket); give a file name'],
    [['--events', '/proc/exocascade-events.jsonl'], '--events /proc/exocascade-events.jsonl: /proc is on procfs, a special file system that holds no files; write somewhere else'],
    [['--snapshot-at', '2', '--snapshot-out', '/sys/kernel/x.json'], '--snapshot-out /sys/kernel/x.json: /sys/kernel is on sysfs, a special file system that holds no files; write somewhere else'],
    [['--csv', join(tmp, 'same.csv'), '--events', join(tmp, 'same.csv')], `--csv and --events name the same file ${join(tmp, 'same.csv')}`],
  ];
  for (const [flags, message] of cases) {
    it(`run ${flags.join(' ')}`, async () => {
      const r = await cliInProcess([...RUN, ...flags]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`exocascade run: ${message}`);
    });
  }

  it('refuses experiment --out in /proc at once (no mkdir loop), an existing file and a file in the path', () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    for (const [out, message] of [
      ['/proc/exocascade/deep/out', '--out /proc/exocascade/deep/out: /proc is on procfs, a special file system that holds no files; write somewhere else'],
      [file, `--out ${file}: is a file, not a directory; give a directory`],
      [join(file, 'sub'), `--out ${join(file, 'sub')}: ${file} is a file, not a directory`],
    ]) {
      const r = cliProcess(['experiment', 'scenarios/breast.json', '--seeds', '1', '--ticks', '2', '--quiet', '--out', out], { timeoutMs: 20_000 });
      expect(r.signal, out).toBeNull();
      expect(r.code, out).toBe(2);
      expect(r.stderr, out).toBe(`exocascade experiment: ${message}\n`);
    }
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('refuses merge --out a file before reading its inputs', async () => {
    const file = join(tmp, 'merge-target');
    writeFileSync(file, 'keep');
    const r = await cliInProcess(['merge', join(tmp, 'no-such-experiment'), '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`exocascade merge: --out ${file}: is a file, not a directory; give a directory\n`);
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });

  it('refuses a read-only file system and a full one, before any run', async (ctx) => {
    const ro = mountTmpfs('ro', 'ro,size=1m');
    const full = mountTmpfs('full', 'size=64k');
    if (!ro || !full) ctx.skip();
    const a = await cliInProcess(['experiment', 'scenarios/breast.json', '--seeds', '1', '--ticks', '2', '--quiet', '--out', join(ro!, 'exp')]);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe(`exocascade experiment: --out ${join(ro!, 'exp')}: cannot create files in ${ro}: a read-only file system\n`);
    const b = await cliInProcess(['experiment', 'scenarios/breast.json', '--seeds', '1', '--ticks', '2', '--quiet', '--out', join(full!, 'exp')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(new RegExp(`^exocascade experiment: --out ${join(full!, 'exp')}: ${full} has 0\\.1 MiB free; the output needs about \\d+\\.\\d MiB \\(and 1\\.0 MiB to spare\\)\\n$`));
    expect(readdirSync(full!)).toEqual([]);
    // The check asks statfs for the real free space: a directory with room passes with the same call.
    expect(() => checkOutputFile(join(tmp, 'fits.csv'), '--csv', 1024)).not.toThrow();
    expect(() => checkOutputFile(join(full!, 'big.csv'), '--csv', 10 * 1024 * 1024)).toThrow(OutputPathError);
  });
});

describe('atomic writes', () => {
  it('leaves no temporary file beside an output, and replaces the old file whole', () => {
    const dir = join(tmp, 'atomic');
    prepareOutputDir(dir, '--out');
    const f = join(dir, 'out.csv');
    writeFileAtomic(f, 'old\n');
    writeFileAtomic(f, 'new\n');
    expect(readFileSync(f, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('keeps the old file and leaves no temporary one when the disk fills mid-write', (ctx) => {
    const full = mountTmpfs('fills', 'size=64k');
    if (!full) ctx.skip();
    const f = join(full!, 'out.csv');
    writeFileAtomic(f, 'old\n');
    expect(() => writeFileAtomic(f, 'x'.repeat(1024 * 1024))).toThrow(/ENOSPC/);
    expect(readFileSync(f, 'utf8')).toBe('old\n');
    expect(readdirSync(full!)).toEqual(['out.csv']);
  });

  it('writes run --csv, --events and --snapshot-out through temporary files: nothing else is left', async () => {
    const dir = join(tmp, 'run-out');
    mkdirSync(dir);
    const r = await cliInProcess([...RUN, '--csv', join(dir, 'a.csv'), '--events', join(dir, 'e.jsonl'), '--snapshot-at', '2', '--snapshot-out', join(dir, 's.json'), '--json']);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'e.jsonl', 's.json']);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8').split('\n')[0]).toBe('seed,tick,hours,metric,value,scenario_hash,engine_version,catalog_version,what_ifs');
    expect(existsSync(join(dir, 's.json'))).toBe(true);
  });
});
