import { readFileSync, writeFileSync } from 'node:fs';

// tests/golden/hashes.json: the state hashes of every shipped scenario, keyed by the engine
// version that produced them. A version's hashes are recorded once and never change: a change
// of trajectories is a new engine version (src/engine/version.ts) with an entry of its own.

/** The hashes one engine version gives: every preset run `ticks` ticks from `seed`. */
export interface GoldenEntry {
  ticks: number;
  seed: number;
  hashes: Record<string, string>;
}

/** The whole file: engine version → its entry. */
export type GoldenFile = Record<string, GoldenEntry>;

/** Reads the golden file. */
export function readGolden(path: string): GoldenFile {
  return JSON.parse(readFileSync(path, 'utf8')) as GoldenFile;
}

/**
 * Adds `version`'s entry to the file at `path`, keeping every other version's entry. Refuses
 * (throws) when the version has one already: recorded hashes are never overwritten.
 */
export function addGoldenEntry(path: string, version: string, entry: GoldenEntry): void {
  const file = readGolden(path);
  if (file[version]) {
    throw new Error(`${path} already holds the hashes of engine ${version}; they never change. If trajectories changed on purpose, bump ENGINE_VERSION in src/engine/version.ts and record the new version with UPDATE_GOLDEN=1`);
  }
  file[version] = entry;
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
}
