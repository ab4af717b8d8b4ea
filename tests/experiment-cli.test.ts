import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';


const { main } = await import('../src/cli/main');

// Malformed command lines: each must exit with code 2, print a message that names the option
// and the offending value, and create nothing.
const root = mkdtempSync(join(tmpdir(), 'exocascade-exp-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err.push(String(s)); return true; });
  try {
    return { code: await main(args), stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const base = (out: string) => ['experiment', 'scenarios/breast.json', '--ticks', '5', '--quiet', '--out', join(root, out)];

describe('experiment command-line errors', () => {
  it('rejects an --arm without NAME= with exit 2 and the expected form', async () => {
    const r = await cli([...base('a'), '--seeds', '1..2', '--arm', 'ko:mir-105']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('exocascade experiment: --arm "ko:mir-105": expected NAME=WHATIF[,WHATIF...], e.g. --arm pdl1-ko=ko:pdl1');
    expect(existsSync(join(root, 'a'))).toBe(false);
  });

  it('reports an unknown cargo with its arm name and a suggestion', async () => {
    const r = await cli([...base('b'), '--seeds', '1..2', '--arm', 'k=ko:mir-105', '--arm', 'typo=ko:mir-10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--arm typo: what-if "ko:mir-10": unknown cargo id "mir-10" \(did you mean .*"mir-10b"/);
    expect(r.stderr).not.toContain('--arm k:');
    expect(existsSync(join(root, 'b'))).toBe(false);
  });

  it('reports a what-if syntax error with its arm name', async () => {
    const r = await cli([...base('c'), '--seeds', '1', '--arm', 'nk=deplete:nk@10=1.5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--arm nk: "deplete:nk@10=1.5": fraction must be between 0 and 1, got 1.5');
  });

  it('rejects duplicate arm names and the reserved name baseline', async () => {
    const dup = await cli([...base('d'), '--seeds', '1', '--arm', 'x=ko:mir-105', '--arm', 'x=ko:mir-122']);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('--arm x is given twice');
    const reserved = await cli([...base('d'), '--seeds', '1', '--arm', 'baseline=ko:mir-105']);
    expect(reserved.code).toBe(2);
    expect(reserved.stderr).toContain('"baseline" is the scenario as written and is always included');
  });

  it('rejects malformed --seeds with exit 2 and the accepted forms', async () => {
    for (const [seeds, msg] of [
      ['1..', '--seeds "1..": "" is not a non-negative integer (forms: 1..50, 1,2,7, 1..5,9)'],
      ['10..2', '--seeds "10..2": range 10..2 runs backwards; write 2..10'],
      ['one', '--seeds "one": "one" is not a non-negative integer'],
      ['1,,3', '--seeds "1,,3": empty item'],
      ['4294967296', 'seed 4294967296 is larger than 4294967295'],
    ]) {
      const r = await cli([...base('e'), '--seeds', seeds]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(msg);
    }
    expect(existsSync(join(root, 'e'))).toBe(false);
  });

  it('rejects malformed --shard and --workers, and missing --seeds or --out', async () => {
    const shard = await cli([...base('f'), '--seeds', '1', '--shard', '4/3']);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain('--shard "4/3": i must be between 1 and n');
    const workers = await cli([...base('f'), '--seeds', '1', '--workers', 'two']);
    expect(workers.code).toBe(2);
    expect(workers.stderr).toContain('--workers expects "auto" or a non-negative integer, got "two"');
    expect((await cli(['experiment', 'scenarios/breast.json', '--out', join(root, 'f')])).stderr).toContain('experiment needs --seeds');
    expect((await cli(['experiment', 'scenarios/breast.json', '--seeds', '1'])).stderr).toContain('experiment needs --out DIR');
    expect(existsSync(join(root, 'f'))).toBe(false);
  });

  it('refuses to merge a directory that is not an experiment', async () => {
    const r = await cli(['merge', root, '--out', join(root, 'm')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`exocascade merge: ${root}: no experiment.json; is this an experiment --out directory?`);
  });
});
