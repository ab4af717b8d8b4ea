import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_FORMAT } from '../../src/engine/version';
import { recordChecksum } from '../../src/experiment/record-check';
import { snapshotContentHash } from '../../src/node/snapshot-file';
import { STACK_LINE, cliInProcess } from './cli-harness';

// Item 5 of issue 15: tamper-evident snapshots and records. A snapshot carries its format, engine
// version, state hash and content hash; restoring refuses any edit. runs.jsonl records carry a
// checksum, checked on resume and merge; merge validates every file it reads.

const tmp = mkdtempSync(join(tmpdir(), 'exocascade-tamper-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SNAP = join(tmp, 'snap.json');
const RUN = ['run', 'scenarios/breast.json', '--seed', '3', '--ticks', '12'];
let whole: { stateHash: string };
let snap: Record<string, unknown>;

beforeAll(async () => {
  const full = await cliInProcess([...RUN, '--json']);
  whole = JSON.parse(full.stdout);
  const first = await cliInProcess([...RUN, '--snapshot-at', '6', '--snapshot-out', SNAP, '--json']);
  expect(first.code).toBe(0);
  snap = JSON.parse(readFileSync(SNAP, 'utf8'));
});

/** Writes a copy of the snapshot with `edit` applied (the content hash left as it was, unless `rehash`). */
function edited(name: string, edit: (s: Record<string, any>) => void, rehash = false): string {
  const s = structuredClone(snap) as Record<string, any>;
  edit(s);
  if (rehash) s.contentHash = snapshotContentHash(s as never);
  const f = join(tmp, `${name}.json`);
  writeFileSync(f, JSON.stringify(s));
  return f;
}

describe('snapshots', () => {
  it('carry format, engine version, state hash and content hash, and an unedited one continues to the uninterrupted hash', async () => {
    expect(snap.format).toBe(SNAPSHOT_FORMAT);
    expect(snap.stateHash).toMatch(/^[0-9a-f]{16}$/);
    expect(snap.contentHash).toBe(snapshotContentHash(snap as never));
    const r = await cliInProcess([...RUN, '--restore', SNAP, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stateHash).toBe(whole.stateHash);
  });

  const edits: Array<[string, (s: Record<string, any>) => void]> = [
    ['pool value', (s) => { s.pools.tumour.columns.x[0] += 1; }],
    ['pool count', (s) => { s.pools.exosome.count += 1; }],
    ['counter', (s) => { s.counters[0] += 1; }],
    ['RNG word', (s) => { const id = Object.keys(s.rng)[0]; s.rng[id].x ^= 1; }],
    ['tick', (s) => { s.tick = -5; }],
    ['field value "NaN"', (s) => { s.fields[0].vegf[0] = 'NaN'; }],
    ['config.seed', (s) => { s.config.seed = 2; }],
    ['series value', (s) => { s.series[3][5] += 1; }],
    ['no pools', (s) => { delete s.pools; }],
    ['content hash removed', (s) => { delete s.contentHash; }],
  ];
  for (const [what, edit] of edits) {
    it(`refuses an edited ${what} (exit 2, naming the file)`, async () => {
      const f = edited(what.replace(/\W+/g, '-'), edit);
      const r = await cliInProcess([...RUN, '--restore', f, '--json']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^exocascade run: ${f}: (has been edited or damaged: its content does not match its content hash|has no content hash or state hash)`));
    });
  }

  it('refuses a value that is not a finite number even when the content hash was recomputed, naming its path', async () => {
    const f = edited('nan-rehashed', (s) => { s.fields[2].tgfb[7] = 'NaN'; }, true);
    const r = await cliInProcess([...RUN, '--restore', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`exocascade run: ${f}: is malformed: /fields/2/tgfb/7 is "NaN", not a finite number\n`);
  });

  it('refuses an edited state whose content hash was recomputed: it no longer restores to its state hash', async () => {
    const f = edited('rng-rehashed', (s) => { const id = Object.keys(s.rng)[1]; s.rng[id].y ^= 4; }, true);
    const r = await cliInProcess([...RUN, '--restore', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^exocascade run: ${f}: restores to state [0-9a-f]{16}, not the ${snap.stateHash} it was saved with; the snapshot is inconsistent\\n$`));
  });

  it('refuses truncated, empty, null, array, directory and other-format snapshots, without a stack', async () => {
    const text = readFileSync(SNAP, 'utf8');
    const cases: Array<[string, string]> = [
      [join(tmp, 'truncated.json'), 'the snapshot is not valid JSON at line 1, column'],
      [join(tmp, 'empty.json'), 'the snapshot is not valid JSON at line 1, column 1: value expected (the file is empty)'],
      [join(tmp, 'null.json'), 'not a snapshot: expected a JSON object, got null'],
      [join(tmp, 'array.json'), 'not a snapshot: expected a JSON object, got an array'],
      [tmp, 'the snapshot is a directory, not a file'],
      [join(tmp, 'format1.json'), `snapshot format 1; this exocascade reads format ${SNAPSHOT_FORMAT}`],
      [join(tmp, 'catalog.json'), 'was saved with catalog 0.0.0; this is catalog'],
    ];
    writeFileSync(cases[0][0], text.slice(0, Math.floor(text.length / 2)));
    writeFileSync(cases[1][0], '');
    writeFileSync(cases[2][0], 'null');
    writeFileSync(cases[3][0], '[]');
    writeFileSync(cases[5][0], JSON.stringify({ ...snap, format: 1 }));
    writeFileSync(cases[6][0], JSON.stringify({ ...snap, catalogVersion: '0.0.0' }));
    for (const [f, message] of cases) {
      const r = await cliInProcess([...RUN, '--restore', f]);
      expect(r.code, f).toBe(2);
      expect(r.stderr, f).toContain(`exocascade run: ${f}: ${message}`);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });
});

describe('run records and manifests', () => {
  const ref = join(tmp, 'ref');
  const ARGS = ['experiment', 'scenarios/breast.json', '--arm', 'nk=deplete:nk@0', '--seeds', '1..2', '--ticks', '6', '--workers', '0', '--quiet'];
  const lines = () => readFileSync(join(ref, 'runs.jsonl'), 'utf8').trimEnd().split('\n');
  /** A copy of the reference directory with its runs.jsonl lines passed through `edit`. */
  const copy = (name: string, edit: (lines: string[]) => string[]) => {
    const dir = join(tmp, name);
    cpSync(ref, dir, { recursive: true });
    writeFileSync(join(dir, 'runs.jsonl'), `${edit(lines()).join('\n')}\n`);
    return dir;
  };

  beforeAll(async () => {
    expect((await cliInProcess([...ARGS, '--out', ref])).code).toBe(0);
  });

  it('carry a checksum of their content', () => {
    for (const line of lines()) {
      const rec = JSON.parse(line);
      expect(rec.checksum).toMatch(/^[0-9a-f]{16}$/);
      expect(recordChecksum(rec)).toBe(rec.checksum);
    }
  });

  it('refuse an edited metric on resume and on merge, naming the file and line; summary.json is not rewritten', async () => {
    const dir = copy('edited-metric', (ls) => ls.map((l, i) => (i === 2 ? l.replace(/"metastases.total":(\d+)/, (_m, v) => `"metastases.total":${Number(v) + 1}`) : l)));
    expect(lines()[2]).toMatch(/"metastases.total":\d+/);
    const summary = readFileSync(join(dir, 'summary.json'), 'utf8');
    const resume = await cliInProcess([...ARGS, '--out', dir]);
    expect(resume.code).toBe(2);
    expect(resume.stderr).toBe(`exocascade experiment: ${join(dir, 'runs.jsonl')}:3: run (baseline, seed 2) does not match its checksum: the line was edited or damaged; remove it to redo that run\n`);
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe(summary);
    const merge = await cliInProcess(['merge', dir, '--out', join(tmp, 'merged-edited')]);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain(`${join(dir, 'runs.jsonl')}:3: run (baseline, seed 2) does not match its checksum`);
  });

  it('refuse a record with "metrics": null, one without a trajectory and one without a checksum (exit 2, file and line)', async () => {
    const set = (i: number, f: (r: Record<string, unknown>) => void) => (ls: string[]) => ls.map((l, k) => { if (k !== i) return l; const r = JSON.parse(l); f(r); return JSON.stringify(r); });
    for (const [name, edit, message] of [
      ['null-metrics', set(1, (r) => { r.metrics = null; }), ':2: not a run record: "metrics" is null; remove the line to redo that run'],
      ['no-trajectory', set(0, (r) => { delete r.trajectory; }), ':1: not a run record: "trajectory" is missing or malformed (expected ticks and values); remove the line to redo that run'],
      ['no-checksum', set(3, (r) => { delete r.checksum; }), ':4: run (nk, seed 2) has no checksum (written by an older exocascade, or edited); rerun into a fresh --out'],
    ] as const) {
      const dir = copy(name, edit);
      const r = await cliInProcess(['merge', dir, '--out', join(tmp, `merged-${name}`)]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toBe(`exocascade merge: ${join(dir, 'runs.jsonl')}${message}\n`);
    }
  });

  it('merge refuses an experiment.json of {}, [] or another format, naming the file', async () => {
    for (const [name, text, message] of [
      ['empty-object', '{}', 'no format; this exocascade reads format 2 (records with checksums). Rerun into a fresh --out, or use the exocascade that wrote it'],
      ['array', '[]', 'not an experiment manifest: expected a JSON object, got an array'],
      ['no-arms', null, 'not an experiment manifest: "arms" must be a non-empty list of {name, whatIfs, scenarioHash}'],
      ['bad-json', '{"format": 2,', 'unreadable manifest (the manifest is not valid JSON at line 1, column 14: property name expected)'],
    ] as const) {
      const dir = copy(`manifest-${name}`, (ls) => ls);
      const m = JSON.parse(readFileSync(join(ref, 'experiment.json'), 'utf8'));
      writeFileSync(join(dir, 'experiment.json'), text ?? JSON.stringify({ ...m, arms: [] }));
      const r = await cliInProcess(['merge', dir, '--out', join(tmp, `merged-m-${name}`)]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toBe(`exocascade merge: ${join(dir, 'experiment.json')}: ${message}\n`);
    }
  });

  it('merge of an unedited directory reproduces its outputs byte for byte', async () => {
    const out = join(tmp, 'merged-clean');
    const r = await cliInProcess(['merge', ref, '--out', out]);
    expect(r.code).toBe(0);
    for (const f of ['results.csv', 'summary.json', 'report.html']) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(ref, f), 'utf8'));
  });
});
