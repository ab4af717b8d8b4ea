// Builds what Node runs into dist/ with esbuild: the command line (dist/cli.mjs, started by
// bin/exocascade.mjs) and the two worker_threads scripts (dist/experiment-worker.mjs for the
// experiment pool, dist/engine-worker.mjs for the engine behind the worker protocol), and the
// experiment report's page script (dist/report-page.js, inlined into every report.html by the
// CLI and by the app's ensemble alike).
// `npm ci` runs it (the package's `prepare` script), and so does every test run (the vitest
// global setup), so nothing runs stale code. `node scripts/build-cli.mjs --watch` rebuilds on
// every change while you work.
//
// Packages are bundled (one file loads faster than Node resolving mathjs's and ajv's hundreds
// of modules), except comlink: the test suite's Math.random guard lets comlink's message ids
// through by recognising its path in the stack.
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = `${ROOT}dist`;

/** esbuild options shared by the Node programs. */
const nodeBase = {
  absWorkingDir: ROOT,
  outdir: DIST,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  // ES module builds first: jsonc-parser's `main` is a UMD build whose require() calls esbuild
  // cannot follow.
  mainFields: ['module', 'main'],
  target: 'node20',
  external: ['comlink', 'comlink/*'],
  sourcemap: 'linked',
  logLevel: 'warning',
};

/**
 * The command line. Commands reached through import() (run, experiment, validate…) become
 * chunks loaded on demand; chunks sit beside the entry, so workers/dist-url.ts finds dist/
 * from any bundled file.
 */
const cliOptions = { ...nodeBase, entryPoints: { cli: 'src/cli/cli.ts' }, splitting: true, chunkNames: '[name]-[hash]' };

/**
 * Each worker is one file of its own holding only what it runs: chunks shared with the command
 * line would make every thread load what only the main thread needs (mathjs's units, ajv).
 */
const workerOptions = [
  { ...nodeBase, entryPoints: { 'experiment-worker': 'workers/experiment-entry.ts' } },
  { ...nodeBase, entryPoints: { 'engine-worker': 'workers/node-entry.ts' } },
];

/** The report's page script: one minified browser script for a <script> element. */
const reportOptions = {
  absWorkingDir: ROOT,
  entryPoints: { 'report-page': 'src/experiment/report-page.ts' },
  outdir: DIST,
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2020',
  minify: true,
  logLevel: 'warning',
};

const ALL = [cliOptions, ...workerOptions, reportOptions];

/** Builds dist/ once (clearing it first), or keeps rebuilding it with `watch`. */
export async function buildCli({ watch = false } = {}) {
  rmSync(DIST, { recursive: true, force: true });
  if (!watch) {
    await Promise.all(ALL.map((options) => esbuild.build(options)));
    return;
  }
  const contexts = await Promise.all(ALL.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((c) => c.watch()));
  process.stderr.write('build:cli: watching; dist/ is rebuilt on every change (Ctrl-C to stop)\n');
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli({ watch: process.argv.includes('--watch') });
