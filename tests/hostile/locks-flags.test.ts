import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, processRunning, takeLock } from '../../src/experiment/lock';
import { cliInProcess } from './cli-harness';

// Item 6 of issue 15: locks and flags that behave. A lock whose holder is dead or a zombie is
// taken over with a note; --workers is capped at the cores; an empty shard, a shard into an
// unsharded directory and duplicate or conflicting what-ifs are errors naming both places; a
// misplaced key gets "did you mean <path>"; --snapshot-at past the run is an error.

const tmp = mkdtempSync(join(tmpdir(), 'exocascade-locks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * A real zombie: `sleep 0` exits, and its parent (the shell, replaced by `sleep 30` through exec)
 * never waits for it. Returns its pid and a function that ends the parent (which reaps it).
 */
async function zombie(): Promise<{ pid: number; end: () => void }> {
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const pid = await new Promise<number>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
  // Wait until the child has exited and is a zombie.
  for (let i = 0; i < 200; i++) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z') break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return { pid, end: () => parent.kill('SIGKILL') };
}

describe('locks', () => {
  it('treats a zombie holder as gone (it still answers signal 0) and takes its lock over with a note', async () => {
    const z = await zombie();
    try {
      expect(() => process.kill(z.pid, 0)).not.toThrow(); // the reason a signal alone is not enough
      expect(processRunning(z.pid)).toBe(false);
      expect(processRunning(process.pid)).toBe(true);
      const dir = join(tmp, 'zombie');
      mkdirSync(dir);
      writeFileSync(join(dir, LOCK_FILE), `${z.pid}@${hostname()}`);
      const notes: string[] = [];
      const path = takeLock(dir, (l) => notes.push(l));
      expect(readFileSync(path, 'utf8')).toBe(`${process.pid}@${hostname()}`);
      expect(notes).toEqual([`note: ${dir} was locked by process ${z.pid}, which is no longer running; taking the lock over`]);
    } finally {
      z.end();
    }
  });

  it('resumes an experiment whose lock a zombie holds, saying so on stderr', async () => {
    const z = await zombie();
    try {
      const dir = join(tmp, 'zombie-exp');
      const args = ['experiment', 'scenarios/breast.json', '--seeds', '1', '--ticks', '3', '--workers', '0', '--quiet', '--out', dir];
      expect((await cliInProcess(args)).code).toBe(0);
      writeFileSync(join(dir, LOCK_FILE), `${z.pid}@${hostname()}`);
      const notes: string[] = [];
      const write = process.stderr.write.bind(process.stderr);
      process.stderr.write = ((s: string) => { notes.push(String(s)); return true; }) as typeof process.stderr.write;
      let code: number;
      try {
        code = (await cliInProcess(args)).code;
      } finally {
        process.stderr.write = write;
      }
      expect(code).toBe(0);
      expect(notes.join('')).toBe(`note: ${dir} was locked by process ${z.pid}, which is no longer running; taking the lock over\n`);
    } finally {
      z.end();
    }
  });

  it('still refuses a lock held by a running process', () => {
    const dir = join(tmp, 'live');
    mkdirSync(dir);
    writeFileSync(join(dir, LOCK_FILE), `${process.pid}@${hostname()}`);
    expect(() => takeLock(dir)).toThrow(`${dir} is in use by another experiment (process ${process.pid}); wait for it or use another --out`);
  });
});

describe('flags', () => {
  const EXP = ['experiment', 'scenarios/breast.json', '--ticks', '3', '--quiet'];

  it('caps --workers 100 at the cores', async () => {
    const r = await cliInProcess([...EXP, '--seeds', '1..4', '--workers', '100', '--out', join(tmp, 'workers')]);
    expect(r.code).toBe(0);
    const n = Math.min(availableParallelism(), 4);
    expect(r.stdout).toContain(`4 runs (4 run now, 0 resumed; ${n} worker${n === 1 ? '' : 's'}`);
  });

  it('refuses a shard that selects nothing, naming the shard and the grid', async () => {
    const r = await cliInProcess([...EXP, '--seeds', '1..2', '--shard', '7/9', '--out', join(tmp, 'shard-empty')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('exocascade experiment: --shard 7/9 selects no runs: the grid has 2 runs (arms × seeds), so at most 2 shards have work\n');
  });

  it('refuses a shard into a finished unsharded directory (its results.csv would go stale) and into another shard\'s directory', async () => {
    const whole = join(tmp, 'unsharded');
    expect((await cliInProcess([...EXP, '--seeds', '1..2', '--workers', '0', '--out', whole])).code).toBe(0);
    const csv = readFileSync(join(whole, 'results.csv'), 'utf8');
    const r = await cliInProcess([...EXP, '--seeds', '1..2', '--workers', '0', '--shard', '1/2', '--out', whole]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`exocascade experiment: ${whole} holds an unsharded experiment (experiment.json has no shard) and its outputs; --shard 1/2 into it would leave them stale. Run each shard into its own --out, then merge\n`);
    expect(readFileSync(join(whole, 'results.csv'), 'utf8')).toBe(csv);
    const shard = join(tmp, 'shard-2');
    expect((await cliInProcess([...EXP, '--seeds', '1..2', '--workers', '0', '--shard', '2/2', '--out', shard])).code).toBe(0);
    const other = await cliInProcess([...EXP, '--seeds', '1..2', '--workers', '0', '--shard', '1/2', '--out', shard]);
    expect(other.code).toBe(2);
    expect(other.stderr).toBe(`exocascade experiment: ${shard} holds shard 2/2 (${join(shard, 'experiment.json')}); this is --shard 1/2. Run each shard into its own --out\n`);
  });

  it('refuses --snapshot-at after the run\'s last tick', async () => {
    const r = await cliInProcess(['run', 'scenarios/breast.json', '--ticks', '20', '--snapshot-at', '30', '--snapshot-out', join(tmp, 's.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('exocascade run: --snapshot-at 30 is after the run\'s last tick 20 (--ticks 20); see exocascade help\n');
  });
});

describe('what-ifs given twice or at odds', () => {
  const file = join(tmp, 'with-what-ifs.json');
  writeFileSync(file, JSON.stringify({ name: 'w', cancerType: 'breast', whatIfs: ['ko:mir-10b', 'dose:mir-105=2'] }));

  it('names both places: the file and the command line', async () => {
    const cases: Array<[string[], string]> = [
      [['--what-if', 'ko:mir-10b'], `${file}: --what-if #1: "ko:mir-10b" repeats "ko:mir-10b" at /whatIfs/0 (give each change once)`],
      [['--what-if', 'ki:mir-10b'], `${file}: --what-if #1: "ki:mir-10b" contradicts "ko:mir-10b" at /whatIfs/0 (a cargo is knocked out or in, not both)`],
      [['--what-if', 'dose:mir-105=3'], `${file}: --what-if #1: "dose:mir-105=3" conflicts with "dose:mir-105=2" at /whatIfs/1 (a cargo has one dose)`],
      [['--what-if', 'deplete:nk@10=0.5', '--what-if', 'deplete:nk@5h=1'], `${file}: --what-if #2: "deplete:nk@3=1" conflicts with`],
      [['--what-if', 'deplete:nk@10=0.5', '--what-if', 'deplete:nk@20h=1'], `${file}: --what-if #2: "deplete:nk@10=1" conflicts with "deplete:nk@10=0.5" at --what-if #1 (one depletion of a population per tick)`],
    ];
    for (const [flags, message] of cases) {
      const r = await cliInProcess(['run', file, '--ticks', '1', ...flags]);
      if (flags[3] === 'deplete:nk@5h=1') {
        // 5 h is tick 3 at 2-h ticks: a different tick, so no conflict.
        expect(r.code, flags.join(' ')).toBe(0);
        continue;
      }
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr, flags.join(' ')).toBe(`${message}\n`);
    }
  });

  it('names the arm in an experiment', async () => {
    const r = await cliInProcess(['experiment', 'scenarios/breast.json', '--arm', 'twice=ko:mir-10b,ko:mir-10b', '--seeds', '1', '--ticks', '1', '--out', join(tmp, 'arm-twice')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('exocascade experiment: --arm twice: what-if "ko:mir-10b": "ko:mir-10b" repeats "ko:mir-10b" at --arm twice what-if #1 (give each change once)\n');
  });
});

describe('misplaced keys', () => {
  it('answers a key at the wrong level or under the wrong module with the path it belongs at', async () => {
    const f = join(tmp, 'misplaced.json');
    writeFileSync(f, JSON.stringify({
      name: 'm', cancerType: 'breast', packetsPerCellPerHour: 2,
      world: { tumourCells: 10 }, modules: { 'tumour-growth': { halfLifeHours: 3 } }, populations: { halfLifeHour: 3 },
    }));
    const r = await cliInProcess(['run', f]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n').sort()).toEqual([
      `${f}: /modules/tumour-growth/halfLifeHours: unknown key "halfLifeHours" (did you mean /modules/exosome-fate/halfLifeHours?)`,
      `${f}: /packetsPerCellPerHour: unknown key "packetsPerCellPerHour" (did you mean /modules/exosome-release/packetsPerCellPerHour?)`,
      `${f}: /populations/halfLifeHour: unknown key "halfLifeHour" (did you mean /modules/exosome-fate/halfLifeHours?)`,
      `${f}: /world/tumourCells: unknown key "tumourCells" (did you mean /populations/tumourCells?)`,
    ]);
  });
});
