import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { clip } from '../scenario/errors';
import { stripBom, textLimitIssues, type JsonLimits } from '../scenario/input-limits';
import { jsonSyntaxError } from '../scenario/json-text';

// Reading the files a command is given (snapshots, targets, calibrated points, experiment
// manifests): a missing file, a directory, a pipe, a file over its size limit or text that is
// not JSON is an InputFileError naming the file and what is wrong (exit 2), never a stack.

/** An input file that cannot be used: the message names the file and why (exit 2). */
export class InputFileError extends Error {
  /** What is wrong, without the file name. */
  readonly reason: string;

  constructor(readonly file: string, reason: string) {
    super(`${clip(file)}: ${reason}`);
    this.name = 'InputFileError';
    this.reason = reason;
  }
}

const WHY: Record<string, string> = {
  ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'is a directory', ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links', ENAMETOOLONG: 'the name is too long', EMFILE: 'too many open files',
};

/**
 * The text of `file` as UTF-8 without a byte-order mark. Refuses (InputFileError, naming `what`
 * and the file) anything but a readable regular file of at most `maxBytes` bytes, before reading
 * it, so a pipe never blocks and a huge file is never loaded.
 */
export function readInputText(file: string, what: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new InputFileError(file, `cannot read the ${what}: ${WHY[code] ?? (code || clip((err as Error).message))}`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputFileError(file, `the ${what} is a directory, not a file`);
    if (!st.isFile()) throw new InputFileError(file, `the ${what} is not a regular file (a pipe, socket or device)`);
    if (st.size > maxBytes) throw new InputFileError(file, `the ${what} is ${st.size} bytes; the limit is ${maxBytes}`);
    // Read what is there now (a file in /proc reports size 0 but has content), up to the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(Math.max(65536, Math.min(maxBytes + 1 - total, st.size + 1)));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new InputFileError(file, `the ${what} is more than ${maxBytes} bytes, the limit`);
    }
    return stripBom(Buffer.concat(chunks, total).toString('utf8'));
  } catch (err) {
    if (err instanceof InputFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new InputFileError(file, `cannot read the ${what}: ${WHY[code] ?? (code || clip((err as Error).message))}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Parses JSON text of an input file within `limits` (its size and nesting are checked first, in
 * one pass); a syntax error names its line and column.
 */
export function parseInputJson(text: string, file: string, what: string, limits: JsonLimits): unknown {
  const tooBig = textLimitIssues(text, limits);
  if (tooBig.length) throw new InputFileError(file, `the ${what}: ${tooBig[0].message}`);
  try {
    return JSON.parse(text);
  } catch (err) {
    const at = text.length <= 16 * 1024 * 1024 ? jsonSyntaxError(text) : null;
    const where = at ? `at line ${at.line}, column ${at.column}: ${at.message}` : clip((err as Error).message);
    throw new InputFileError(file, `the ${what} is not valid JSON ${where}${text.trim() === '' ? ' (the file is empty)' : ''}`);
  }
}

/** readInputText then parseInputJson. */
export function readInputJson(file: string, what: string, limits: JsonLimits): unknown {
  return parseInputJson(readInputText(file, what, limits.maxChars), file, what, limits);
}
