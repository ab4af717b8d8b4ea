// Node 20 cannot load .ts in worker_threads directly: register tsx, then import the entry.
import { register } from 'tsx/esm/api';

register();
if (process.env.EXOCASCADE_FORBID_MATH_RANDOM === '1') {
  const { forbidMathRandom } = await import('../src/core/random-guard.ts');
  forbidMathRandom();
}
await import('./experiment-entry.ts');
