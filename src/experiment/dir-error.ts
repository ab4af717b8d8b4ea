/**
 * An experiment (or screen) directory that cannot be used as asked: it holds another
 * experiment's runs, a corrupt or edited line, or (for merge) misses runs. The message names the
 * directory or file (and line) and says what to do; the CLI prints it without a stack, exit 2.
 */
export class ExperimentDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExperimentDirError';
  }
}
