import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gridJobs, runKey } from '../experiment/grid';
import { specOf, type Manifest, type RunRecord } from '../experiment/spec';
import { ExperimentDirError, MANIFEST_FILE, RUNS_FILE, indexRecords, readManifest, readRunsFile, writeFileAtomic } from '../experiment/store';
import { DESIGN_FILE, designIdentity, designRecords, readDesign, type SensitivityDesign } from './sensitivity';
import { writeSensitivityOutputs, type SensitivityOutputs } from './sensitivity-outputs';

// `exocascade merge` for sensitivity screens run as shards (--shard i/n): the directories must
// hold one design; their runs are pooled (a run found twice must have one state hash) and the
// merged directory gets the outputs an unsharded screen writes, byte for byte.

/** What a merge found and wrote. */
export interface SensitivityMerge {
  design: SensitivityDesign;
  inputs: number;
  runs: number;
  outputs: SensitivityOutputs;
}

/** Merges sensitivity directories into `out`. */
export function mergeSensitivityDirs(dirs: readonly string[], out: string): SensitivityMerge {
  const inputs = dirs.map((dir) => {
    const design = readDesign(dir);
    const manifest = readManifest(dir);
    if (!design || !manifest) throw new ExperimentDirError(`${dir}: no ${DESIGN_FILE} or ${MANIFEST_FILE}; is this a sensitivity --out directory?`);
    return { dir, design, manifest };
  });
  const first = inputs[0];
  const identity = designIdentity(first.design);
  for (const x of inputs.slice(1)) {
    if (designIdentity(x.design) !== identity) throw new ExperimentDirError(`${x.dir} holds another design than ${first.dir}; only shards of one screen merge`);
  }
  const spec = specOf(first.manifest);
  const all: RunRecord[] = [];
  for (const { dir } of inputs) all.push(...readRunsFile(join(dir, RUNS_FILE)).records);
  const byKey = indexRecords(all, spec, `merge of ${dirs.join(' ')}`);
  const records = designRecords(first.design, byKey, `merge of ${dirs.join(' ')}`);
  const existing = existsSync(out) && !dirs.includes(out) ? readDesign(out) : null;
  if (existing && designIdentity(existing) !== identity) throw new ExperimentDirError(`${out} already holds another screen; choose another --out`);
  mkdirSync(out, { recursive: true });
  const ordered = gridJobs(spec.arms.map((a) => a.name), spec.seeds).map((j) => byKey.get(runKey(j.arm, j.seed))!);
  writeFileAtomic(join(out, RUNS_FILE), ordered.map((r) => `${JSON.stringify(r)}\n`).join(''));
  writeFileAtomic(join(out, MANIFEST_FILE), `${JSON.stringify({ ...spec, shard: null } satisfies Manifest, null, 1)}\n`);
  writeFileAtomic(join(out, DESIGN_FILE), `${JSON.stringify(first.design)}\n`);
  const outputs = writeSensitivityOutputs(out, first.design, records);
  return { design: first.design, inputs: dirs.length, runs: ordered.length, outputs };
}
