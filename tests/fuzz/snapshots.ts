import fc from 'fast-check';
import { hostileJson } from './values';

// Edited snapshots for the fuzz suite: one place of a valid snapshot (any key or array item, at
// any depth) set to a hostile value, removed, or the text truncated, given a BOM or trailing
// garbage. The content hash is never recomputed, so any change of content must be refused.

/** An edit of a snapshot, resolved against its paths at run time. */
export interface SnapshotEdit {
  op: 'set' | 'delete' | 'truncate' | 'bom' | 'garbage' | 'nudge';
  /** Which path (a fraction of the list of all paths). */
  at: number;
  value: unknown;
}

/** Snapshot edits. */
export const snapshotEdit: fc.Arbitrary<SnapshotEdit> = fc.record({
  op: fc.oneof({ weight: 6, arbitrary: fc.constantFrom<SnapshotEdit['op']>('set', 'nudge', 'delete') }, { weight: 1, arbitrary: fc.constantFrom<SnapshotEdit['op']>('truncate', 'bom', 'garbage') }),
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  value: hostileJson,
});

/** Every path (list of keys) in a JSON value, containers and leaves, depth first. */
export function allPaths(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (prefix.length) out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...prefix, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) allPaths(x, [...prefix, k], out);
  return out;
}

/** The text of `snap` after `edit` (paths from allPaths(snap)). */
export function applySnapshotEdit(snap: Record<string, unknown>, paths: readonly (string | number)[][], edit: SnapshotEdit): string {
  const text = JSON.stringify(snap);
  if (edit.op === 'truncate') return text.slice(0, Math.floor(edit.at * text.length));
  if (edit.op === 'bom') return `\uFEFF${text}`;
  if (edit.op === 'garbage') return `${text}${String(edit.value).slice(0, 20)}`;
  const copy = structuredClone(snap) as Record<string, unknown>;
  const path = paths[Math.floor(edit.at * paths.length)];
  let parent: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (edit.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (edit.op === 'nudge' && typeof parent[last] === 'number') {
    parent[last] = (parent[last] as number) + 1;
  } else {
    parent[last] = edit.value;
  }
  return JSON.stringify(copy);
}
