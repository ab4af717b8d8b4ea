import { GridSyntaxError } from '../experiment/grid';
import { ExperimentDirError } from '../experiment/store';
import { ParamSelectionError } from '../calibrate/param-space';
import { QuantityError } from '../scenario/quantity';
import { WhatIfSyntaxError } from '../scenario/whatif';
import { ScenarioError, clip } from '../scenario/errors';
import { InputFileError } from '../node/input-file';
import { OutputPathError } from '../node/output-path';
import { InputError, UsageError } from './usage';

// What a failed command prints: its message, one line per problem (at most MAX_LINES), exit 2
// when the input was at fault (a file, a path inside it, a flag) and 1 for anything else. A
// stack trace only with --debug. Loaded by main only when a command has failed.

/** Lines of one failure printed at most (a file with thousands of problems shows the first ones and a count). */
export const MAX_LINES = 20;
/** Characters of one printed line at most. */
export const MAX_LINE_CHARS = 400;

/** How a failure ends the command. */
export interface Failure {
  code: 1 | 2;
  lines: string[];
}

const BAD_INPUT = [UsageError, InputError, ScenarioError, ExperimentDirError, GridSyntaxError, ParamSelectionError, QuantityError, WhatIfSyntaxError, InputFileError, OutputPathError];
/** Error names that are bad input even when the class is lost (an error that crossed from a worker thread). */
const BAD_INPUT_NAMES = new Set(['BudgetError']);

/** Whether `err` is the user's input at fault (exit 2) rather than the program or the system (exit 1). */
export function isBadInput(err: unknown): boolean {
  if (BAD_INPUT.some((c) => err instanceof c)) return true;
  const e = err as { name?: unknown; code?: unknown } | null;
  if (typeof e?.name === 'string' && BAD_INPUT_NAMES.has(e.name)) return true;
  return typeof e?.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS');
}

/** The lines a failure prints (without the stack), capped and clipped. */
export function describeFailure(err: unknown, command: string): Failure {
  const bad = isBadInput(err);
  const raw = err instanceof Error ? err.message : String(err);
  // Node's own argument errors are one problem told in several lines: keep them on one.
  const oneProblem = typeof (err as { code?: unknown } | null)?.code === 'string' && String((err as { code: string }).code).startsWith('ERR_PARSE_ARGS');
  let lines = oneProblem ? [raw.replace(/\s*\n\s*/g, ' ')] : raw.split('\n').filter((l) => l.trim() !== '');
  if (!lines.length) lines = [err instanceof Error ? err.name : 'unknown error'];
  // A message may end in its own count line ("… and 37 more problems"): keep it.
  const more = lines.length - (MAX_LINES + 1);
  lines = lines.slice(0, more > 0 ? MAX_LINES : MAX_LINES + 1).map((l) => clip(l, MAX_LINE_CHARS));
  if (more > 0) lines.push(`… and ${more + 1} more problems`);
  const prefix = `exocascade${command ? ` ${command}` : ''}: `;
  if (!bad) {
    const code = (err as { code?: unknown } | null)?.code;
    lines[0] = `${typeof code === 'string' ? `${code}: ` : ''}${lines[0]}`;
    lines[lines.length - 1] += ' (an internal error, not your input; rerun with --debug for the stack)';
  }
  if (err instanceof UsageError || (err as { code?: unknown } | null)?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') lines[lines.length - 1] += '; see exocascade help';
  // A ScenarioError's lines start with the file already; others get the command's name.
  return { code: bad ? 2 : 1, lines: lines.map((l) => (err instanceof ScenarioError ? l : `${prefix}${l}`)) };
}
