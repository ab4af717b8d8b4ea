/**
 * Makes Math.random throw, so an unseeded draw cannot sneak into the engine. Used by the test // det-ok: doc
 * suite (and by Node engine workers when EXOCASCADE_FORBID_MATH_RANDOM=1). The one exception is
 * comlink, which draws message ids for its transport — those never touch simulation state.
 */
export function forbidMathRandom(): void {
  // eslint-disable-next-line no-restricted-properties -- the guard keeps the real one for comlink
  const real = Math.random; // det-ok: the guard itself
  // eslint-disable-next-line no-restricted-properties -- the guard replaces it
  Math.random = function guardedRandom(): number { // det-ok: the guard itself
    const stack = new Error().stack ?? '';
    if (/[\\/]comlink[\\/]/.test(stack)) return real(); // det-ok: transport message ids only
    throw new Error('Math.random called: all randomness must come from a seeded stream'); // det-ok: the guard's message
  };
}
