#!/usr/bin/env node
// The exocascade command: the command line built into dist/ by `npm run build:cli` (which
// `npm ci` runs). From the TypeScript sources without building: `npx tsx src/cli/cli.ts …`.
try {
  await import('../dist/cli.mjs');
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli.mjs')) {
    process.stderr.write('exocascade: dist/cli.mjs is missing; build it with `npm run build:cli` (npm ci does this)\n');
  } else {
    // A broken build: one line, the stack only with --debug (as every other failure).
    process.stderr.write(`exocascade: cannot load dist/cli.mjs: ${String(err?.message ?? err).split('\n')[0]} (rebuild with \`npm run build:cli\`)\n`);
    if (process.argv.includes('--debug') || process.env.EXOCASCADE_DEBUG === '1') process.stderr.write(`${err?.stack ?? ''}\n`);
  }
  process.exitCode = 1;
}
