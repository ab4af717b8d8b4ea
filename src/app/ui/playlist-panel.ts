import { download, h, replaceChildren, setText } from '../dom';
import { emptyPlaylist, moveItem, parsePlaylist, playlistJson, PlaylistError, type Playlist, type PlaylistItem } from '../playlist';
import { encodeSource } from '../url-state';

const STORE_KEY = 'exocascade.playlist';

/** What the lecture panel asks of the page. */
export interface PlaylistHost {
  /** The current moment as a link query and a default title for it. */
  moment(): Promise<{ query: string; title: string }>;
  /** Opens a moment's query (loads its run, runs to its tick, sets its camera). */
  open(query: string): Promise<void>;
  notify(text: string, kind?: 'info' | 'error', ...extra: HTMLElement[]): void;
}

function load(): Playlist {
  try {
    const text = localStorage.getItem(STORE_KEY);
    return text ? parsePlaylist(text) : emptyPlaylist();
  } catch {
    return emptyPlaylist();
  }
}

/**
 * The "Lecture" tab: a playlist of annotated moments to step through in front of a class. Add
 * the moment on screen, write a note, reorder, then Present: a bar over the map shows the stop's
 * title and note with Back and Next (also PageUp/PageDown). Saved in the browser, as a JSON file
 * or as a link.
 */
export class PlaylistPanel {
  readonly el = h('div', { class: 'playlist-panel' });
  /** The presenter bar (over the map while presenting). */
  readonly bar = h('div', { class: 'presenter-bar', hidden: true, role: 'toolbar', 'aria-label': 'Lecture: PageDown next, PageUp back, Esc stops', tabindex: -1, 'data-testid': 'presenter-bar' });
  playlist: Playlist = load();
  /** Stop shown while presenting, -1 when not presenting. */
  current = -1;
  private readonly titleInput = h('input', { type: 'text', class: 'playlist-title', 'aria-label': 'Lecture title' });
  private readonly list = h('ol', { class: 'playlist-items' });
  private readonly barText = h('div', { class: 'presenter-text' });
  private readonly barCount = h('span', { class: 'presenter-count' });

  constructor(private readonly host: PlaylistHost) {
    this.titleInput.addEventListener('change', () => this.set({ ...this.playlist, title: this.titleInput.value }));
    const file = h('input', { type: 'file', accept: '.json,application/json', hidden: true });
    file.addEventListener('change', async () => {
      const f = file.files?.[0];
      file.value = '';
      if (f) this.loadText(await f.text(), f.name);
    });
    this.el.append(
      h('p', { class: 'muted small' }, 'A lecture is a list of moments — scenario, seed, what-ifs, day and view — to step through in class. Get to a moment, add it, write what to say.'),
      h('label', { class: 'row' }, 'Title ', this.titleInput),
      h('div', { class: 'row' },
        h('button', { class: 'primary', onclick: () => void this.add() }, '+ Add this moment'),
        h('button', { onclick: () => void this.present(0), 'data-focus-key': 'present' }, '▶ Present')),
      this.list,
      h('div', { class: 'row' },
        h('button', { class: 'small', onclick: () => download(`${this.stem()}.json`, playlistJson(this.playlist), 'application/json') }, 'Save as file'),
        h('button', { class: 'small', onclick: () => file.click() }, 'Open a file…'), file,
        h('button', { class: 'small', onclick: () => void this.share() }, 'Share as a link')));
    this.bar.append(
      h('button', { class: 'small', 'aria-label': 'Previous moment', onclick: () => void this.present(this.current - 1) }, '‹'),
      this.barCount, this.barText,
      h('button', { class: 'small', 'aria-label': 'Next moment', onclick: () => void this.present(this.current + 1) }, '›'),
      h('button', { class: 'close', 'aria-label': 'Stop presenting', onclick: () => this.stop() }, '×'));
    this.bar.addEventListener('keydown', (e) => {
      if (e.key === 'PageDown' || e.key === 'ArrowRight') void this.present(this.current + 1);
      else if (e.key === 'PageUp' || e.key === 'ArrowLeft') void this.present(this.current - 1);
      else if (e.key === 'Escape') this.stop();
      else return;
      e.preventDefault();
    });
    this.render();
  }

  /** Replaces the playlist with one read from JSON text (a file or a link). */
  loadText(text: string, from: string): boolean {
    try {
      this.set(parsePlaylist(text));
      return true;
    } catch (err) {
      if (!(err instanceof PlaylistError)) throw err;
      this.host.notify(`${from} is not a lecture playlist: ${err.message}`, 'error');
      return false;
    }
  }

  /** Shows stop `i` (loads its moment) and the presenter bar. */
  async present(i: number): Promise<void> {
    const items = this.playlist.items;
    if (items.length === 0) {
      this.host.notify('The lecture has no moments yet: add one first.', 'error');
      return;
    }
    const k = Math.max(0, Math.min(items.length - 1, i));
    this.current = k;
    const it = items[k];
    setText(this.barCount, `${k + 1} / ${items.length}`);
    replaceChildren(this.barText, h('strong', {}, it.title), it.note ? h('span', {}, ` — ${it.note}`) : null);
    this.bar.hidden = false;
    this.render();
    await this.host.open(it.query);
    this.bar.focus();
  }

  /** Hides the presenter bar. */
  stop(): void {
    this.current = -1;
    this.bar.hidden = true;
    this.render();
  }

  private async add(): Promise<void> {
    const m = await this.host.moment();
    this.set({ ...this.playlist, items: [...this.playlist.items, { title: m.title, note: '', query: m.query }] });
  }

  private async share(): Promise<void> {
    const url = `${location.origin}${location.pathname}?pl=${await encodeSource(playlistJson(this.playlist))}`;
    const field = h('input', { class: 'share-url', value: url, readonly: true, onclick: (e: Event) => (e.target as HTMLInputElement).select() });
    this.host.notify('Link to this lecture (it opens at the first moment):', 'info', field);
  }

  private set(p: Playlist): void {
    this.playlist = p;
    try {
      localStorage.setItem(STORE_KEY, playlistJson(p));
    } catch {
      // Storage can be full or disabled; the lecture still works for this visit.
    }
    this.render();
  }

  private edit(i: number, change: Partial<PlaylistItem>): void {
    const items = this.playlist.items.map((it, k) => (k === i ? { ...it, ...change } : it));
    this.set({ ...this.playlist, items });
  }

  private stem(): string {
    return this.playlist.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'lecture';
  }

  private render(): void {
    this.titleInput.value = this.playlist.title;
    const items = this.playlist.items;
    if (items.length === 0) {
      replaceChildren(this.list, h('li', { class: 'muted small' }, 'No moments yet.'));
      return;
    }
    replaceChildren(this.list, ...items.map((it, i) => {
      const title = h('input', { type: 'text', value: it.title, 'aria-label': `Title of moment ${i + 1}` });
      title.addEventListener('change', () => this.edit(i, { title: title.value }));
      const note = h('textarea', { rows: 2, 'aria-label': `Note for moment ${i + 1}`, placeholder: 'What to point out…' });
      note.value = it.note;
      note.addEventListener('change', () => this.edit(i, { note: note.value }));
      return h('li', { class: `playlist-item${i === this.current ? ' current' : ''}`, 'data-index': i },
        h('div', { class: 'row' }, title,
          h('button', { class: 'small', onclick: () => void this.present(i) }, 'Go'),
          h('button', { class: 'small', 'aria-label': `Move moment ${i + 1} up`, disabled: i === 0, onclick: () => this.set(moveItem(this.playlist, i, -1)) }, '↑'),
          h('button', { class: 'small', 'aria-label': `Move moment ${i + 1} down`, disabled: i === items.length - 1, onclick: () => this.set(moveItem(this.playlist, i, 1)) }, '↓'),
          h('button', { class: 'small', 'aria-label': `Remove moment ${i + 1}`, onclick: () => this.set({ ...this.playlist, items: items.filter((_, k) => k !== i) }) }, '✕')),
        note, h('code', { class: 'small muted' }, it.query));
    }));
  }
}
