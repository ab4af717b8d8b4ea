import { defineConfig } from 'vitest/config';

// One config for the web app (vite) and the test suite (vitest).
export default defineConfig({
  root: '.',
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
