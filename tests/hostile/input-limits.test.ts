import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIO_LIMITS, textLimitIssues, valueLimitIssues } from '../../src/scenario/input-limits';
import { clip } from '../../src/scenario/errors';
import { STACK_LINE, cliInProcess, cliProcess } from './cli-harness';

// Item 3 of issue 15: limits on input — file size, nesting depth, string and array length — each
// an exit-2 error naming the limit, found in one pass before anything else walks the input; at
// most ~200 characters of a value echoed; errors capped at the first 20 and a count; a BOM accepted.

const tmp = mkdtempSync(join(tmpdir(), 'exocascade-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const f = join(tmp, name);
  writeFileSync(f, text);
  return f;
}

const base = { name: 'x', cancerType: 'breast', ticks: 2 };

describe('input limits', () => {
  it('refuses a 12 KB file nesting seed 6,000 deep at the nesting limit, in a child process that ends on its own', () => {
    const f = file('deep.json', `${'{"seed":'.repeat(6000)}1${'}'.repeat(6000)}`);
    expect(Buffer.byteLength(`${'{"seed":'.repeat(6000)}1${'}'.repeat(6000)}`)).toBeLessThan(60 * 1024);
    const r = cliProcess(['run', f], { timeoutMs: 10_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${f}: (top level): nesting deeper than 32 levels (at character 257); the limit is 32\n`);
  });

  it('finds the nesting limit without parsing, skipping brackets inside strings and escaped quotes', () => {
    const limits = { ...SCENARIO_LIMITS, maxDepth: 3 };
    expect(textLimitIssues('{"a":{"b":{"c":1}}}', limits)).toEqual([]);
    expect(textLimitIssues('{"a":"[[[[\\"[[[[","b":[1]}', limits)).toEqual([]);
    expect(textLimitIssues('{"a":[[[1]]]}', limits)[0].message).toBe('nesting deeper than 3 levels (at character 8); the limit is 3');
  });

  it('refuses eight 1-MiB unknown cargo ids at the file-size limit, with a short message', () => {
    const text = JSON.stringify({ ...base, cargo: Array.from({ length: 8 }, (_, i) => `${i}`.padEnd(1 << 20, 'x')) });
    const f = file('cargo.json', text);
    const r = cliProcess(['run', f], { timeoutMs: 10_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${f}: (top level): the scenario is ${text.length} bytes; the limit is 1048576\n`);
  });

  it('refuses a long string and a long array under the size limit, naming their paths and the limits', async () => {
    const f = file('long.json', JSON.stringify({ ...base, description: 'd'.repeat(100_000), whatIfs: Array.from({ length: 10_001 }, () => 'ko:x') }));
    const r = await cliInProcess(['run', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${f}: /description: a string of 100000 characters; the limit is 4096\n${f}: /whatIfs: an array of 10001 items; the limit is 10000\n`);
  });

  it('finds string, key and array limits iteratively, with JSON-pointer paths', () => {
    const limits = { ...SCENARIO_LIMITS, maxString: 5, maxItems: 3 };
    const issues = valueLimitIssues({ a: ['ok', 'too long'], arr: [1, 2, 3, 4], ['x'.repeat(9)]: 1 }, limits);
    expect(issues.map((i) => `${i.path} ${i.message}`)).toEqual([
      '/a/1 a string of 8 characters; the limit is 5',
      '/arr an array of 4 items; the limit is 3',
      '/xxxxxxxxx… a key of 9 characters; the limit is 5',
    ]);
    expect(valueLimitIssues({ 'k/~ey': { b: 'fine' } }, limits)).toEqual([]);
    expect(valueLimitIssues({ 'k/~ey': { b: 'not fine' } }, limits)).toEqual([{ path: '/k~1~0ey/b', message: 'a string of 8 characters; the limit is 5' }]);
    expect(valueLimitIssues({ a: 1, b: 2, c: 3, d: 4 }, limits)).toEqual([{ path: '', message: 'an object of 4 members; the limit is 3' }]);
  });

  it('answers 10,000 bad what-ifs with the first 20 and a count, in a few kilobytes', async () => {
    const f = file('what-ifs.json', JSON.stringify({ ...base, whatIfs: Array.from({ length: 10_000 }, (_, i) => `bad:${i}`) }));
    const r = await cliInProcess(['run', f]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe(`${f}: /whatIfs/0: "bad:0" is not a what-if; expected one of ko:<cargo>, ki:<cargo>, dose:<cargo>=<x>, deplete:<population>@<time>[=<fraction>], block-secretion@<time>=<fraction>, block:<effect>@<time>=<fraction>`);
    expect(lines[20]).toBe(`${f}: … and 9980 more problems (the first 20 are shown)`);
    expect(r.stderr.length).toBeLessThan(8 * 1024);
  });

  it('echoes at most ~200 characters of a value: an unknown cargo id of 4,000 characters', async () => {
    const id = `mir-${'9'.repeat(3996)}`;
    const f = file('echo.json', JSON.stringify({ ...base, cargo: [id] }));
    const r = await cliInProcess(['run', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${f}: /cargo/0: unknown cargo id "${clip(id)}"\n`);
    expect(clip(id).length).toBeLessThanOrEqual(200);
    expect(clip(id)).toMatch(/^mir-9+…\(3824 more\)…9+$/);
  });

  it('does not echo a deeply nested value at depth 3,000 either', async () => {
    const f = file('deep3000.json', `{"name":"x","cancerType":"breast","seed":${'['.repeat(3000)}1${']'.repeat(3000)}}`);
    const r = await cliInProcess(['run', f]);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(300);
    expect(r.stderr).toContain('nesting deeper than 32 levels');
  });

  it('accepts a UTF-8 byte-order mark: the same run as without it', async () => {
    const text = JSON.stringify(base);
    const plain = await cliInProcess(['run', file('plain.json', text), '--json']);
    const bom = await cliInProcess(['run', file('bom.json', `\uFEFF${text}`), '--json']);
    expect(bom.code).toBe(0);
    expect(JSON.parse(bom.stdout).stateHash).toBe(JSON.parse(plain.stdout).stateHash);
    expect(JSON.parse(bom.stdout).scenarioHash).toBe(JSON.parse(plain.stdout).scenarioHash);
  });

  it('refuses a directory, a pipe and an empty file as a scenario, naming them (exit 2, no stack)', async () => {
    const empty = file('empty.json', '');
    for (const [f, message] of [[tmp, 'the scenario is a directory, not a file'], ['/dev/zero', 'the scenario is not a regular file (a pipe, socket or device)'], [empty, 'not valid JSON at line 1, column 1: value expected']] as const) {
      const r = await cliInProcess(['run', f]);
      expect(r.code, f).toBe(2);
      expect(r.stderr, f).toBe(`${f}: (top level): ${message}\n`);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });
});
