import { forbidMathRandom } from '../src/core/random-guard';

// Any unseeded draw while the engine runs in a test is a determinism bug: Math.random throws
// here, and in the Node engine workers the tests start (through this environment variable).
process.env.EXOCASCADE_FORBID_MATH_RANDOM = '1';
forbidMathRandom();
