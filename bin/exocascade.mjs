#!/usr/bin/env node
// The exocascade command: the command line built into dist/ by `npm run build:cli` (which
// `npm ci` runs). From the TypeScript sources without building: `npx tsx src/cli/cli.ts …`.
try {
  await import('../dist/cli.mjs');
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes('dist/cli.mjs')) throw err;
  process.stderr.write('exocascade: dist/cli.mjs is missing; build it with `npm run build:cli` (npm ci does this)\n');
  process.exitCode = 1;
}
