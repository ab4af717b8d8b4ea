/** One problem in a scenario: where (JSON pointer inside the file) and what was expected. */
export interface ScenarioIssue {
  /** JSON pointer, e.g. '/modules/exosome-transport/halfLifeHours' ('' for the whole file). */
  path: string;
  message: string;
}

/**
 * A scenario that cannot be run. The message names the file and, for each issue, the path
 * inside it; nothing starts when one is thrown.
 */
export class ScenarioError extends Error {
  /** The file (or source label, e.g. 'editor') the scenario came from. */
  readonly file: string;
  readonly issues: readonly ScenarioIssue[];

  constructor(file: string, issues: ScenarioIssue[]) {
    super(issues.map((i) => `${file}: ${i.path || '(top level)'}: ${i.message}`).join('\n'));
    this.name = 'ScenarioError';
    this.file = file;
    this.issues = issues;
  }
}
