import { forbidMathRandom } from '../core/random-guard';

// Imported first by workers/experiment-entry.ts, so that under the test suite (which sets
// EXOCASCADE_FORBID_MATH_RANDOM=1) Math.random throws before any engine module is evaluated — // det-ok: comment
// in the tsx-loaded worker and in the bundled one alike.
if (process.env.EXOCASCADE_FORBID_MATH_RANDOM === '1') forbidMathRandom();

