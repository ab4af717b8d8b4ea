/** Engine version: bump when a change alters trajectories on purpose (golden hashes change with it). */
export const ENGINE_VERSION = '0.2.0';
/** Snapshot file format version. */
export const SNAPSHOT_FORMAT = 1;
