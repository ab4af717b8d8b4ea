// Types for seedrandom's xor128 generator module. We import it directly rather than the
// package's index, because the index seeds its default generator with Math.random at import. // det-ok: comment
declare module 'seedrandom/lib/xor128.js' {
  import type seedrandom from 'seedrandom';
  const xor128: {
    (seed: string, options: { state: true | seedrandom.State.Xor128 }): seedrandom.StatefulPRNG<seedrandom.State.Xor128>;
  };
  export default xor128;
}
