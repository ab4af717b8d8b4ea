import { main } from './main';

// The command line as a program: what bin/exocascade.mjs starts (built into dist/cli.mjs by
// `npm run build:cli`), and what `npx tsx src/cli/cli.ts …` runs from the sources.

const debug = process.argv.includes('--debug') || process.env.EXOCASCADE_DEBUG === '1';

/** Whatever escapes a command's own boundary (a stray async error): one line, exit 1; the stack only with --debug. */
function last(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`exocascade: ${message.split('\n')[0].slice(0, 400)} (an internal error; rerun with --debug for the stack)\n`);
  if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
}
process.on('uncaughtException', last);
process.on('unhandledRejection', last);

// `exocascade catalog | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  last(err);
});

process.exitCode = await main(process.argv.slice(2));
