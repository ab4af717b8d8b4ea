import { editDistance } from '../core/edit-distance';

/**
 * Up to `max` candidates closest to `word` by edit distance (within a third of the word's
 * length, at least 2; a candidate that extends the word, or that it extends, ranks as half an
 * edit away), for "did you mean" messages.
 */
export function closest(word: string, candidates: readonly string[], max = 3): string[] {
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.floor(w.length / 3));
  return candidates
    .map((c) => ({ c, d: isPrefixPair(w, c.toLowerCase()) ? 0.5 + Math.abs(c.length - w.length) / 1000 : editDistance(w, c) }))
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : 1))
    .slice(0, max)
    .map((x) => x.c);
}

/** " (did you mean "a" or "b"?)" or "" when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const s = closest(word, candidates);
  if (s.length === 0) return '';
  return ` (did you mean ${s.map((x) => `"${x}"`).join(' or ')}?)`;
}

function isPrefixPair(a: string, b: string): boolean {
  return Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a));
}
