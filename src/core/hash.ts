import type { AnyColumn } from './pool';

/**
 * Streaming 64-bit hash (two independent 32-bit murmur3-style lanes) over the bytes of typed
 * arrays, numbers and strings. Used for state hashes and config hashes; identical in Node and
 * browsers because it uses only Math.imul, shifts and xors on little-endian words.
 */
export class Hasher {
  private h1 = 0x9747b28c;
  private h2 = 0x2d358dcc;
  private length = 0;
  private scratch = new Float64Array(1);
  private scratchWords = new Uint32Array(this.scratch.buffer);

  /** Mixes one 32-bit word. */
  word(k: number): this {
    let a = Math.imul(k, 0xcc9e2d51);
    a = (a << 15) | (a >>> 17);
    a = Math.imul(a, 0x1b873593);
    this.h1 ^= a;
    this.h1 = (this.h1 << 13) | (this.h1 >>> 19);
    this.h1 = (Math.imul(this.h1, 5) + 0xe6546b64) | 0;
    let b = Math.imul(k ^ 0x5bd1e995, 0x85ebca6b);
    b = (b << 17) | (b >>> 15);
    b = Math.imul(b, 0xc2b2ae35);
    this.h2 ^= b;
    this.h2 = (this.h2 << 11) | (this.h2 >>> 21);
    this.h2 = (Math.imul(this.h2, 9) + 0x52dce729) | 0;
    this.length++;
    return this;
  }

  /** Mixes a float64's exact bit pattern. */
  number(v: number): this {
    this.scratch[0] = v;
    return this.word(this.scratchWords[0]).word(this.scratchWords[1]);
  }

  /** Mixes a string's UTF-16 code units (and its length, so "ab","c" ≠ "a","bc"). */
  string(s: string): this {
    this.word(s.length);
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
    return this;
  }

  /** Mixes the first `count` elements of a typed array, by their bytes. */
  array(a: AnyColumn, count = a.length): this {
    const bytes = count * a.BYTES_PER_ELEMENT;
    this.word(count);
    const whole = bytes >>> 2;
    if (a.byteOffset % 4 === 0) {
      const words = new Uint32Array(a.buffer, a.byteOffset, whole);
      for (let i = 0; i < whole; i++) this.word(words[i]);
    } else {
      const view = new DataView(a.buffer, a.byteOffset, bytes);
      for (let i = 0; i < whole; i++) this.word(view.getUint32(i * 4, true));
    }
    const view = new Uint8Array(a.buffer, a.byteOffset, bytes);
    for (let i = whole * 4; i < bytes; i++) this.word(view[i]);
    return this;
  }

  /** Final 64-bit digest as 16 hex digits. */
  digest(): string {
    let a = this.h1 ^ this.length;
    let b = this.h2 ^ this.length;
    a ^= a >>> 16; a = Math.imul(a, 0x85ebca6b); a ^= a >>> 13; a = Math.imul(a, 0xc2b2ae35); a ^= a >>> 16;
    b ^= b >>> 16; b = Math.imul(b, 0x7feb352d); b ^= b >>> 15; b = Math.imul(b, 0x846ca68b); b ^= b >>> 16;
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  }
}

/** Hash of a JSON-serialisable value with object keys sorted (stable across key order). */
export function hashJson(value: unknown): string {
  return new Hasher().string(stableStringify(value)).digest();
}

/** JSON.stringify with object keys sorted recursively, so equal values give equal text. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}
