/** A map view: the world point at the centre (µm) and the zoom relative to the whole body fitted. */
export interface CameraView {
  x: number;
  y: number;
  zoom: number;
}

/**
 * What a shared link holds: the scenario (a preset id, or the edited text compressed), the seed
 * and the what-ifs — opening the link loads exactly that, so the run replays identically — and
 * optionally a moment: a tick (`t`) to run to and pause at, and the camera (`cam=x,y,zoom`).
 *
 * Edited text is deflate-raw compressed (the browser's CompressionStream) and base64url encoded.
 */
export interface ShareState {
  /** Preset id, when the scenario is an unedited preset. */
  preset: string | null;
  /** Scenario text, when it was edited or loaded from a file. */
  source: string | null;
  /** Seed override (null = the scenario's own). */
  seed: number | null;
  /** What-if strings, in order. */
  whatIfs: string[];
  /** Lesson mode on. */
  lesson: boolean;
  /** Tick to run to and pause at when the link opens (null: start at tick 0, paused). */
  tick?: number | null;
  /** Camera when the link opens (null: the whole body). */
  camera?: CameraView | null;
  /** Projector mode (large type, high contrast). */
  projector?: boolean;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Compresses scenario text for a URL (deflate-raw, base64url). */
export async function encodeSource(text: string): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

/** Reverses encodeSource; throws on a corrupted parameter. */
export async function decodeSource(param: string): Promise<string> {
  return new TextDecoder().decode(await pipe(fromBase64Url(param), new DecompressionStream('deflate-raw')));
}

/** The query string (with '?') for a state. */
export async function stateToQuery(state: ShareState): Promise<string> {
  const q = new URLSearchParams();
  if (state.source !== null) q.set('src', await encodeSource(state.source));
  else if (state.preset) q.set('scenario', state.preset);
  if (state.seed !== null) q.set('seed', String(state.seed));
  for (const w of state.whatIfs) q.append('wi', w);
  if (state.lesson) q.set('lesson', '1');
  if (state.tick !== undefined && state.tick !== null) q.set('t', String(state.tick));
  if (state.camera) q.set('cam', [state.camera.x, state.camera.y].map((v) => Math.round(v)).concat([Math.round(state.camera.zoom * 100) / 100]).join(','));
  if (state.projector) q.set('projector', '1');
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Reads a state from a query string; a bad seed is ignored, a corrupted `src` throws. */
export async function stateFromQuery(search: string): Promise<ShareState> {
  const q = new URLSearchParams(search);
  const src = q.get('src');
  const seedText = q.get('seed');
  const seed = seedText !== null && /^\d+$/.test(seedText) ? Number(seedText) : null;
  const tickText = q.get('t');
  return {
    preset: src ? null : q.get('scenario'),
    source: src ? await decodeSource(src) : null,
    seed,
    whatIfs: q.getAll('wi').filter((w) => w.trim() !== ''),
    lesson: q.get('lesson') === '1',
    tick: tickText !== null && /^\d+$/.test(tickText) ? Number(tickText) : null,
    camera: cameraOf(q.get('cam')),
    projector: q.get('projector') === '1',
  };
}

/** A `cam=x,y,zoom` value, or null when it is not three finite numbers with a positive zoom. */
function cameraOf(text: string | null): CameraView | null {
  if (!text) return null;
  const v = text.split(',').map(Number);
  if (v.length !== 3 || !v.every(Number.isFinite) || !(v[2] > 0)) return null;
  return { x: v[0], y: v[1], zoom: v[2] };
}
