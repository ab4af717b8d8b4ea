/** One problem in a scenario: where (JSON pointer inside the file) and what was expected. */
export interface ScenarioIssue {
  /** JSON pointer, e.g. '/modules/exosome-transport/halfLifeHours' ('' for the whole file). */
  path: string;
  message: string;
}

/** Issues a ScenarioError's message lists at most; the rest are counted. */
export const MAX_ISSUES_SHOWN = 20;
/** Characters of a value an error message echoes at most. */
export const MAX_ECHO_CHARS = 200;

/**
 * `text` cut to at most `max` characters (the middle replaced by "…(n more)…"), so an error
 * never echoes a megabyte of someone's input.
 */
export function clip(text: string, max = MAX_ECHO_CHARS): string {
  if (text.length <= max) return text;
  const keep = Math.max(8, max - 24);
  const head = Math.ceil(keep * 0.75);
  const tail = keep - head;
  return `${text.slice(0, head)}…(${text.length - keep} more)…${tail ? text.slice(text.length - tail) : ''}`;
}

/**
 * A scenario that cannot be run. The message names the file and, for each issue, the path
 * inside it (the first MAX_ISSUES_SHOWN, then a count); nothing starts when one is thrown.
 */
export class ScenarioError extends Error {
  /** The file (or source label, e.g. 'editor') the scenario came from. */
  readonly file: string;
  readonly issues: readonly ScenarioIssue[];

  constructor(file: string, issues: ScenarioIssue[]) {
    const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((i) => `${clip(file)}: ${clip(i.path, MAX_ECHO_CHARS) || '(top level)'}: ${clip(i.message, 2 * MAX_ECHO_CHARS)}`);
    const more = issues.length - shown.length;
    if (more > 0) shown.push(`${clip(file)}: … and ${more} more problem${more === 1 ? '' : 's'} (the first ${MAX_ISSUES_SHOWN} are shown)`);
    super(shown.join('\n'));
    this.name = 'ScenarioError';
    this.file = file;
    this.issues = issues;
  }
}
