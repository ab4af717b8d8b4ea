import { defineConfig } from 'vitest/config';

// One config for the web app (vite) and the test suite (vitest).
export default defineConfig({
  root: '.',
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  // Pre-bundle every dependency the page and the engine worker import (CommonJS ones included),
  // so the first page load never triggers a dependency re-optimisation and a full reload.
  optimizeDeps: {
    entries: ['index.html', 'workers/engine.worker.ts', 'workers/ensemble.worker.ts'],
    include: ['pixi.js', 'comlink', 'uplot', 'ajv', 'seedrandom/lib/xor128.js', 'mathjs', 'jsonc-parser', 'csv-stringify/browser/esm/sync'],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
