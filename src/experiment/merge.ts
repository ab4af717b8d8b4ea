import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { prepareOutputDir } from '../node/output-path';
import { writeOutputs, orderedRecords, type OutputsWritten } from './outputs';
import { specIdentity, specOf, versionConflict, type ExperimentSpec, type Manifest, type RunRecord } from './spec';
import { withChecksum } from './record-check';
import { ExperimentDirError, MANIFEST_FILE, RUNS_FILE, indexRecords, readManifest, readRunsFile, writeFileAtomic } from './store';

// `exocascade merge`: combines the directories of a sharded experiment (or of any partial runs
// of one experiment) into one complete directory with the same outputs an unsharded run writes.
// Needs no scenario file and runs no engine: the manifests carry the spec.

/** What a merge found and wrote. */
export interface MergeResult {
  spec: ExperimentSpec;
  inputs: number;
  runs: number;
  /** Inputs whose runs.jsonl ended in a partial line (ignored). */
  partial: string[];
  outputs: OutputsWritten;
}

/** Checks that the shards declared by the manifests are all present, once each. */
function checkShards(manifests: { dir: string; m: Manifest }[]): void {
  const sharded = manifests.filter((x) => x.m.shard);
  if (!sharded.length) return;
  const counts = new Set(sharded.map((x) => x.m.shard!.count));
  if (counts.size > 1) throw new ExperimentDirError(`shards were cut ${[...counts].join(' and ')} ways: ${sharded.map((x) => `${x.dir} is ${x.m.shard!.index}/${x.m.shard!.count}`).join(', ')}`);
  const count = [...counts][0];
  const seen = new Map<number, string>();
  for (const x of sharded) {
    const prev = seen.get(x.m.shard!.index);
    if (prev) throw new ExperimentDirError(`${prev} and ${x.dir} are both shard ${x.m.shard!.index}/${count}`);
    seen.set(x.m.shard!.index, x.dir);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((i) => !seen.has(i));
  if (missing.length && sharded.length === manifests.length) {
    throw new ExperimentDirError(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing from the merge`);
  }
}

/**
 * Merges experiment directories into `out`: checks they are slices of one experiment, that
 * every run of the grid is present, and that a run found twice has one state hash; then writes
 * runs.jsonl (canonical order), experiment.json and the outputs.
 */
export function mergeExperimentDirs(dirs: readonly string[], out: string): MergeResult {
  if (!dirs.length) throw new ExperimentDirError('merge needs at least one experiment directory');
  const manifests = dirs.map((dir) => {
    if (!existsSync(dir)) throw new ExperimentDirError(`${dir}: no such directory`);
    const m = readManifest(dir);
    if (!m) throw new ExperimentDirError(`${dir}: no ${MANIFEST_FILE}; is this an experiment --out directory?`);
    const why = versionConflict(m);
    if (why) throw new ExperimentDirError(`${dir} cannot be merged here: ${why}. Merge it with the exocascade that ran it.`);
    return { dir, m };
  });
  const spec = specOf(manifests[0].m);
  const identity = specIdentity(spec);
  for (const { dir, m } of manifests.slice(1)) {
    if (specIdentity(m) !== identity) {
      throw new ExperimentDirError(`${dir} belongs to a different experiment than ${manifests[0].dir} (scenario, ticks, arms, seeds, versions or metrics differ)`);
    }
  }
  checkShards(manifests);
  const all: RunRecord[] = [];
  const partial: string[] = [];
  for (const { dir } of manifests) {
    const file = readRunsFile(join(dir, RUNS_FILE));
    if (file.partialLine) partial.push(dir);
    all.push(...file.records);
  }
  const byKey = indexRecords(all, spec, `merge of ${dirs.join(' ')}`);
  const records = orderedRecords(spec, byKey, `merge of ${dirs.join(' ')}`);
  const existing = existsSync(out) && !dirs.includes(out) ? readManifest(out) : null;
  if (existing && specIdentity(specOf(existing)) !== identity) {
    throw new ExperimentDirError(`${out} already holds a different experiment; choose another --out`);
  }
  prepareOutputDir(out, '--out');
  writeFileAtomic(join(out, RUNS_FILE), records.map((r) => `${JSON.stringify(withChecksum(r))}\n`).join(''));
  writeFileAtomic(join(out, MANIFEST_FILE), `${JSON.stringify({ ...spec, shard: null } satisfies Manifest, null, 1)}\n`);
  const outputs = writeOutputs(out, spec, records);
  return { spec, inputs: dirs.length, runs: records.length, partial, outputs };
}
