import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { hashJson } from '../core/hash';

// The append-only evaluation log of a calibration (evaluations.jsonl): one line per evaluated
// candidate, written with a single write and carrying a checksum of its content. A process
// killed mid-write leaves at most a partial last line, which reopening cuts off; a complete
// line whose checksum does not match (a damaged file) is skipped and reported — that candidate
// is simply evaluated again, with the same result, since evaluations are deterministic.

/** One evaluated candidate. */
export interface Evaluation {
  /** Generation, or -1 for the final check of the chosen point. */
  t: number;
  /** Proposal index within the generation. */
  k: number;
  /** Position in the unit cube. */
  u: number[];
  /** Weighted total distance. */
  d: number;
  /** Distance of each target (targets-file order). */
  targets: number[];
}

/** Key of an evaluation in maps. */
export function evaluationKey(t: number, k: number): string {
  return `${t}/${k}`;
}

/** Checksum of an evaluation's content. */
function checksum(e: Evaluation): string {
  return hashJson([e.t, e.k, e.u, e.d, e.targets]);
}

/** What was read from a log. */
export interface EvalLogRead {
  byKey: Map<string, Evaluation>;
  /** Complete lines skipped for a bad checksum or unparseable JSON (1-based line numbers). */
  damaged: number[];
  /** Whether a partial last line was cut off. */
  repaired: boolean;
}

/** An evaluation log opened for appending. */
export class EvalLog {
  private fd: number;

  private constructor(fd: number, readonly read: EvalLogRead) {
    this.fd = fd;
  }

  /** Opens (creating) the log, cutting off a partial last line, and indexes its evaluations. */
  static open(path: string): EvalLog {
    const read: EvalLogRead = { byKey: new Map(), damaged: [], repaired: false };
    let complete = 0;
    if (existsSync(path)) {
      const bytes = readFileSync(path);
      complete = bytes.lastIndexOf(0x0a) + 1;
      read.repaired = complete < bytes.length;
      bytes.subarray(0, complete).toString('utf8').split('\n').forEach((line, i) => {
        if (line.trim() === '') return;
        try {
          const { c, ...e } = JSON.parse(line) as Evaluation & { c: string };
          if (c !== checksum(e)) throw new Error('checksum');
          if (!read.byKey.has(evaluationKey(e.t, e.k))) read.byKey.set(evaluationKey(e.t, e.k), e);
        } catch {
          read.damaged.push(i + 1);
        }
      });
    }
    const fd = openSync(path, 'a');
    if (read.repaired) ftruncateSync(fd, complete);
    return new EvalLog(fd, read);
  }

  /** Appends one evaluation as one line (one write). */
  append(e: Evaluation): void {
    const line = JSON.stringify({ t: e.t, k: e.k, u: e.u, d: e.d, targets: e.targets, c: checksum(e) });
    writeSync(this.fd, `${line}\n`);
    this.read.byKey.set(evaluationKey(e.t, e.k), e);
  }

  /** Closes the file. */
  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
