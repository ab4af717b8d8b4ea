import { forbidMathRandom } from '../core/random-guard';

// Imported first by the Node worker entries (workers/experiment-entry.ts, node-entry.ts), so
// that under the test suite (which sets EXOCASCADE_FORBID_MATH_RANDOM=1) Math.random throws // det-ok: comment
// before any engine module is evaluated.
if (process.env.EXOCASCADE_FORBID_MATH_RANDOM === '1') forbidMathRandom();

