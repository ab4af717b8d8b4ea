/** Engine version: bump when a change alters trajectories on purpose (golden hashes change with it). */
export const ENGINE_VERSION = '0.8.0';
/** Snapshot file format version (2: files carry a state hash and a content hash; see src/node/snapshot-file.ts). */
export const SNAPSHOT_FORMAT = 2;
