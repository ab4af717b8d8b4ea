import { createHash } from 'node:crypto';
import { stableStringify } from '../core/hash';
import { ExperimentDirError } from './dir-error';
import { SPEC_FORMAT, type Manifest, type RunRecord } from './spec';

// What an experiment directory's files must hold before anything is resumed or merged from
// them: every runs.jsonl record has its fields, finite numbers and a checksum over its content
// (so an edited metric is refused, not averaged into summary.json), and experiment.json is a
// whole manifest. Errors name the file and line (Node only: the checksum is SHA-256).

/** The checksum a record carries: SHA-256 (first 16 hex digits) of its content without the checksum. */
export function recordChecksum(rec: RunRecord): string {
  const { checksum: _checksum, ...content } = rec;
  return createHash('sha256').update(stableStringify(content)).digest('hex').slice(0, 16);
}

/** The record with its checksum set (a new object). */
export function withChecksum(rec: RunRecord): RunRecord {
  const { checksum: _checksum, ...content } = rec;
  return { ...content, checksum: recordChecksum(rec) };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isFiniteNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Why a parsed line is not a whole run record (null when it is), checksum aside. */
function recordProblem(rec: unknown): string | null {
  if (!isObj(rec)) return 'not a JSON object';
  if (typeof rec.arm !== 'string' || !isInt(rec.seed) || rec.seed < 0) return 'arm and seed missing or malformed';
  if (!isInt(rec.ticks) || rec.ticks < 0) return '"ticks" is not a whole number';
  if (!isStrings(rec.whatIfs)) return '"whatIfs" is not a list of strings';
  for (const k of ['scenarioHash', 'engineVersion', 'catalogVersion', 'stateHash'] as const) if (typeof rec[k] !== 'string') return `"${k}" is missing`;
  if (!isObj(rec.metrics)) return `"metrics" is ${rec.metrics === null ? 'null' : 'not an object of numbers'}`;
  for (const [k, v] of Object.entries(rec.metrics)) if (!isFiniteNum(v)) return `metric "${k.slice(0, 80)}" is ${JSON.stringify(v)?.slice(0, 40)}, not a finite number`;
  const t = rec.trajectory;
  if (!isObj(t) || !Array.isArray(t.ticks) || !t.ticks.every(isInt) || !isObj(t.values)) return '"trajectory" is missing or malformed (expected ticks and values)';
  for (const [k, v] of Object.entries(t.values)) {
    if (!Array.isArray(v) || v.length !== t.ticks.length || !v.every(isFiniteNum)) return `trajectory of "${k.slice(0, 80)}" is not ${t.ticks.length} finite numbers`;
  }
  if (typeof rec.wallMs !== 'number') return '"wallMs" is missing';
  return null;
}

/**
 * Checks one parsed runs.jsonl line: a whole record whose checksum matches its content. Throws
 * ExperimentDirError naming `where` (file:line) otherwise.
 */
export function verifyRecord(rec: unknown, where: string): RunRecord {
  const problem = recordProblem(rec);
  if (problem) throw new ExperimentDirError(`${where}: not a run record: ${problem}; remove the line to redo that run`);
  const r = rec as RunRecord;
  if (typeof r.checksum !== 'string') {
    throw new ExperimentDirError(`${where}: run (${r.arm}, seed ${r.seed}) has no checksum (written by an older exocascade, or edited); rerun into a fresh --out`);
  }
  if (recordChecksum(r) !== r.checksum) {
    throw new ExperimentDirError(`${where}: run (${r.arm}, seed ${r.seed}) does not match its checksum: the line was edited or damaged; remove it to redo that run`);
  }
  return r;
}

/** Checks a parsed experiment.json: every field of a manifest, of this format. Throws ExperimentDirError naming `path`. */
export function verifyManifest(m: unknown, path: string): Manifest {
  const bad = (what: string) => new ExperimentDirError(`${path}: not an experiment manifest: ${what}`);
  if (!isObj(m)) throw bad(`expected a JSON object, got ${Array.isArray(m) ? 'an array' : JSON.stringify(m)?.slice(0, 40)}`);
  if (m.format !== SPEC_FORMAT) {
    throw new ExperimentDirError(`${path}: ${m.format === undefined ? 'no format' : `format ${JSON.stringify(m.format)?.slice(0, 20)}`}; this exocascade reads format ${SPEC_FORMAT} (records with checksums). Rerun into a fresh --out, or use the exocascade that wrote it`);
  }
  const s = m.scenario;
  if (!isObj(s) || typeof s.file !== 'string' || typeof s.name !== 'string' || typeof s.hash !== 'string') throw bad('"scenario" must have file, name and hash');
  if (!isInt(m.ticks) || m.ticks < 0) throw bad('"ticks" must be a whole number');
  if (!isFiniteNum(m.tickHours) || m.tickHours <= 0) throw bad('"tickHours" must be a positive number');
  if (!isInt(m.trajectoryEvery) || m.trajectoryEvery < 1) throw bad('"trajectoryEvery" must be a whole number ≥ 1');
  if (!Array.isArray(m.arms) || !m.arms.length || !m.arms.every((a) => isObj(a) && typeof a.name === 'string' && isStrings(a.whatIfs) && typeof a.scenarioHash === 'string')) {
    throw bad('"arms" must be a non-empty list of {name, whatIfs, scenarioHash}');
  }
  if (!Array.isArray(m.seeds) || !m.seeds.length || !m.seeds.every((x) => isInt(x) && x >= 0)) throw bad('"seeds" must be a non-empty list of whole numbers');
  if (typeof m.engineVersion !== 'string' || typeof m.catalogVersion !== 'string') throw bad('"engineVersion" and "catalogVersion" must be strings');
  if (!isStrings(m.metricNames) || !m.metricNames.length) throw bad('"metricNames" must be a non-empty list of names');
  const sh = m.shard;
  if (sh !== null && !(isObj(sh) && isInt(sh.index) && isInt(sh.count) && sh.count >= 1 && sh.index >= 1 && sh.index <= sh.count)) throw bad('"shard" must be null or {index, count} with 1 ≤ index ≤ count');
  return m as unknown as Manifest;
}
