/**
 * An experiment directory that cannot be used as asked: it holds another experiment's runs, a
 * corrupt line, or (for merge) misses runs. The message names the directory or file and says
 * what to do; the CLI prints it without a stack and exits with code 2.
 */
export class ExperimentDirError extends Error {}
