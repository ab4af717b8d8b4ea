// Fallback bootstrap of the experiment worker when no bundle can be built (see
// src/experiment/worker-bundle.ts): Node 20 cannot load .ts in worker_threads directly, so
// register tsx, then import the entry (which installs the test-suite Math.random guard first). // det-ok: comment
import { register } from 'tsx/esm/api';

register();
await import('./experiment-entry.ts');
