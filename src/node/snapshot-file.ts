import { createHash } from 'node:crypto';
import { stableStringify } from '../core/hash';
import { CATALOG_VERSION } from '../catalog/index';
import { Engine, type Snapshot } from '../engine/engine';
import { POOL_ORDER } from '../engine/kinds';
import { ENGINE_VERSION, SNAPSHOT_FORMAT } from '../engine/version';
import { FIELD_NAMES } from '../world/world-params';
import { REGIONS } from '../world/regions';
import { InputFileError, readInputJson } from './input-file';
import { writeFileAtomic } from './output-path';

// Snapshot files (`run --snapshot-out`, `--restore`), tamper-evident: a file carries its format,
// engine and catalog versions, the state hash of the run it froze and a SHA-256 content hash over
// everything else. Restoring verifies all of them, that every number is finite and that the
// restored state hashes as saved, so an edited, truncated or foreign snapshot is refused (exit 2)
// instead of continuing a run no one made.

/** A snapshot as written to a file: the engine's snapshot, its state hash and a content hash over both. */
export type SnapshotFile = Snapshot & { stateHash: string; contentHash: string };

/** Largest snapshot file read, characters (JSON text of V8's longest string is ~512 MiB). */
export const MAX_SNAPSHOT_CHARS = 400 * 1024 * 1024;
const SNAPSHOT_LIMITS = { maxChars: MAX_SNAPSHOT_CHARS, maxDepth: 16, maxString: 1 << 20, maxItems: 1 << 28 };

/** SHA-256 (hex) of a snapshot's content, everything but the content hash itself. */
export function snapshotContentHash(snap: Omit<SnapshotFile, 'contentHash'> & { contentHash?: unknown }): string {
  const { contentHash: _hash, ...content } = snap;
  return createHash('sha256').update(stableStringify(content)).digest('hex');
}

/** The snapshot file of an engine, as text. */
export function snapshotFileText(engine: Engine): string {
  const body = { ...engine.snapshot(), stateHash: engine.stateHash() };
  return JSON.stringify({ ...body, contentHash: snapshotContentHash(body) } satisfies SnapshotFile);
}

/** Writes an engine's snapshot file atomically. */
export function writeSnapshotFile(file: string, engine: Engine): void {
  writeFileAtomic(file, snapshotFileText(engine));
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first place (a path in the file) where a value that must be a list of finite numbers is not; null when all are. */
function notFinite(v: unknown, path: string, length?: number): string | null {
  if (!Array.isArray(v)) return `${path} is not a list of numbers`;
  if (length !== undefined && v.length !== length) return `${path} has ${v.length} values, expected ${length}`;
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== 'number' || !Number.isFinite(v[i])) return `${path}/${i} is ${JSON.stringify(v[i])?.slice(0, 40)}, not a finite number`;
  }
  return null;
}

/** Why a parsed snapshot's state is malformed (null when every part has its shape and finite numbers). */
function shapeProblem(s: Record<string, unknown>): string | null {
  if (!isObj(s.config)) return '/config is missing';
  if (!(typeof s.tick === 'number' && Number.isSafeInteger(s.tick) && s.tick >= 0)) return '/tick is not a whole number ≥ 0';
  if (!isObj(s.rng)) return '/rng is missing';
  for (const [id, st] of Object.entries(s.rng)) {
    if (!isObj(st) || !['x', 'y', 'z', 'w'].every((k) => Number.isInteger(st[k]))) return `/rng/${id.slice(0, 40)} is not a generator state`;
  }
  if (!isObj(s.pools)) return '/pools is missing';
  for (const name of POOL_ORDER) {
    const p = s.pools[name];
    if (!isObj(p) || !Number.isSafeInteger(p.count) || (p.count as number) < 0 || !isObj(p.columns) || !Number.isSafeInteger(p.slotsUsed)) return `/pools/${name} is missing or malformed`;
    const count = p.count as number;
    for (const [key, col] of Object.entries(p.columns)) {
      const bad = notFinite(col, `/pools/${name}/columns/${key.slice(0, 40)}`, count);
      if (bad) return bad;
    }
    for (const key of ['id', 'slotGen', 'freeSlots']) {
      const bad = notFinite(p[key], `/pools/${name}/${key}`, key === 'id' ? count : undefined);
      if (bad) return bad;
    }
  }
  if (!Array.isArray(s.fields) || s.fields.length !== REGIONS.length) return `/fields is not a list of ${REGIONS.length} regions`;
  for (let r = 0; r < s.fields.length; r++) {
    const region = s.fields[r] as unknown;
    if (!isObj(region)) return `/fields/${r} is not an object of fields`;
    for (const f of FIELD_NAMES) {
      const bad = notFinite(region[f], `/fields/${r}/${f}`);
      if (bad) return bad;
    }
  }
  for (const key of ['counters', 'depletion', 'effectScale']) {
    const bad = notFinite(s[key], `/${key}`);
    if (bad) return bad;
  }
  if (typeof s.secretionScale !== 'number' || !Number.isFinite(s.secretionScale)) return '/secretionScale is not a finite number';
  const blood = s.blood;
  if (!isObj(blood) || !Number.isFinite(blood.plateletTgfb) || !Number.isFinite(blood.plateletVesicles)) return '/blood is missing or malformed';
  const badBlood = notFinite(blood.packetHours, '/blood/packetHours');
  if (badBlood) return badBlood;
  if (!Array.isArray(s.series) || s.series.length !== s.tick + 1) return `/series must hold ${s.tick + 1} rows (one per tick and the start)`;
  for (let t = 0; t < s.series.length; t++) {
    const bad = notFinite(s.series[t], `/series/${t}`);
    if (bad) return bad;
  }
  if (!Array.isArray(s.events)) return '/events is not a list';
  return null;
}

/**
 * Reads and verifies a snapshot file and restores its engine: refuses (InputFileError naming the
 * file) another format, engine or catalog version, a missing or wrong content hash, a malformed
 * or non-finite part, and a restored state whose hash differs from the one saved.
 */
export function readSnapshotFile(file: string): Engine {
  const data = readInputJson(file, 'snapshot', SNAPSHOT_LIMITS);
  if (!isObj(data)) throw new InputFileError(file, `not a snapshot: expected a JSON object, got ${Array.isArray(data) ? 'an array' : JSON.stringify(data)?.slice(0, 40)}`);
  if (data.format !== SNAPSHOT_FORMAT) {
    throw new InputFileError(file, `${data.format === undefined ? 'no snapshot format' : `snapshot format ${JSON.stringify(data.format)?.slice(0, 20)}`}; this exocascade reads format ${SNAPSHOT_FORMAT} (snapshots with a content hash)`);
  }
  if (data.engineVersion !== ENGINE_VERSION) {
    throw new InputFileError(file, `was saved by engine ${String(data.engineVersion).slice(0, 40)}; this is engine ${ENGINE_VERSION}, which would not continue it the same way. Rerun from the scenario, or restore it with the exocascade of engine ${String(data.engineVersion).slice(0, 40)}`);
  }
  if (data.catalogVersion !== CATALOG_VERSION) throw new InputFileError(file, `was saved with catalog ${String(data.catalogVersion).slice(0, 40)}; this is catalog ${CATALOG_VERSION}`);
  if (typeof data.contentHash !== 'string' || typeof data.stateHash !== 'string') throw new InputFileError(file, 'has no content hash or state hash: not a snapshot written by exocascade run --snapshot-out');
  if (snapshotContentHash(data as unknown as SnapshotFile) !== data.contentHash) {
    throw new InputFileError(file, 'has been edited or damaged: its content does not match its content hash; restore an unedited snapshot or rerun from the scenario');
  }
  const bad = shapeProblem(data);
  if (bad) throw new InputFileError(file, `is malformed: ${bad}`);
  let engine: Engine;
  try {
    engine = Engine.restore(data as unknown as Snapshot);
  } catch (err) {
    throw new InputFileError(file, `cannot be restored: ${(err as Error).message.slice(0, 200)}`);
  }
  if (engine.stateHash() !== data.stateHash) {
    throw new InputFileError(file, `restores to state ${engine.stateHash()}, not the ${String(data.stateHash).slice(0, 40)} it was saved with; the snapshot is inconsistent`);
  }
  return engine;
}
