#!/usr/bin/env node
// The CLI runs the TypeScript sources with no build step: from a cached esbuild bundle of
// src/cli/main.ts (bin/bundle-cache.mjs; rebuilt whenever a source changes), or through tsx
// if no bundle can be had (esbuild missing, read-only install) or EXOCASCADE_BUNDLE=0.
import { bundlingEnabled, cachedBundle } from './bundle-cache.mjs';

async function loadMain() {
  if (bundlingEnabled()) {
    const url = await cachedBundle('src/cli/main.ts', 'cli').catch(() => null);
    if (url) return (await import(url.href)).main;
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli/main.ts')).main;
}

// `exocascade catalog | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
