import { buildCli } from '../scripts/build-cli.mjs';

// Before any test file runs: build dist/ from the current sources, so the command line the
// tests spawn (bin/exocascade.mjs) and the worker threads they start never run stale code,
// however the suite is started (npm test, or npx vitest run tests/x.test.ts).
export default async function setup(): Promise<void> {
  await buildCli();
}
