import { forbidMathRandom } from '../src/core/random-guard';

// seedrandom's package index (loaded by mathjs, whose units the scenario resolver uses) mixes one Math.random()
// value into a pool when it loads; no simulation state comes from it. Load it before the guard.
await import('seedrandom');

// Any unseeded draw while the engine runs in a test is a determinism bug: Math.random throws
// here, and in the Node engine workers the tests start (through this environment variable).
process.env.EXOCASCADE_FORBID_MATH_RANDOM = '1';
forbidMathRandom();
