import { main } from './main';

// The command line as a program: what bin/exocascade.mjs starts (built into dist/cli.mjs by
// `npm run build:cli`), and what `npx tsx src/cli/cli.ts …` runs from the sources.

// `exocascade catalog | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await main(process.argv.slice(2));
