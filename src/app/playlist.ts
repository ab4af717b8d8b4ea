// Lecture playlists (issue 14, teaching feature 5): an ordered list of annotated links to
// moments — scenario, seed, what-ifs, tick and camera, as a share link holds them — that a
// lecturer steps through. Plain data, saved as JSON, shared compressed in a link (`pl=`).

/** One stop of a lecture: a title, the lecturer's note, and the link's query string ('?…'). */
export interface PlaylistItem {
  title: string;
  note: string;
  query: string;
}

/** A lecture: its title and stops in order. */
export interface Playlist {
  format: 1;
  title: string;
  items: PlaylistItem[];
}

/** Why a playlist file could not be read. */
export class PlaylistError extends Error {}

/** An empty lecture. */
export function emptyPlaylist(): Playlist {
  return { format: 1, title: 'My lecture', items: [] };
}

/** Reads a playlist from JSON text; throws PlaylistError naming the path of the first problem. */
export function parsePlaylist(text: string): Playlist {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new PlaylistError(`not JSON: ${(err as Error).message}`);
  }
  if (!data || typeof data !== 'object') throw new PlaylistError('expected an object with "title" and "items"');
  const d = data as Record<string, unknown>;
  if (d.format !== 1) throw new PlaylistError(`/format: expected 1, got ${JSON.stringify(d.format)}`);
  if (typeof d.title !== 'string') throw new PlaylistError('/title: expected a string');
  if (!Array.isArray(d.items)) throw new PlaylistError('/items: expected an array');
  const items = d.items.map((it, i): PlaylistItem => {
    const x = it as Record<string, unknown>;
    for (const key of ['title', 'note', 'query'] as const) {
      if (typeof x?.[key] !== 'string') throw new PlaylistError(`/items/${i}/${key}: expected a string`);
    }
    const query = x.query as string;
    if (!query.startsWith('?')) throw new PlaylistError(`/items/${i}/query: expected a query string starting with "?"`);
    return { title: x.title as string, note: x.note as string, query };
  });
  return { format: 1, title: d.title, items };
}

/** The playlist as JSON text (two-space indented). */
export function playlistJson(p: Playlist): string {
  return `${JSON.stringify(p, null, 2)}\n`;
}

/** A copy with item `i` moved by `by` places (clamped to the list). */
export function moveItem(p: Playlist, i: number, by: number): Playlist {
  const items = [...p.items];
  const j = Math.max(0, Math.min(items.length - 1, i + by));
  const [it] = items.splice(i, 1);
  items.splice(j, 0, it);
  return { ...p, items };
}
