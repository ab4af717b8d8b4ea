import { FIELD_NAMES } from '../world/world-params';
import type { World } from './world';
import { exosomeStyle, immuneStyle, plateletStyle, stromaStyle, tumourStyle } from './frame-styles';

/** First header word of every frame (sanity check for readers). */
export const FRAME_MAGIC = 0x45584f46; // 'EXOF'
/** Header length in 32-bit words. */
const HEADER_WORDS = 16;
/** Agent kinds drawn as points, in frame order. */
export const FRAME_POINT_KINDS = ['tumour', 'exosome', 'immune', 'platelet', 'stroma'] as const;

/**
 * Views over one frame buffer. A frame is one ArrayBuffer: a header, then per point kind its
 * xy positions (Float32, µm), then endothelial segments (ax, ay, bx, by), then one style byte
 * per point and per segment, then every region's fields (Float32). The buffer is transferred to
 * the renderer: whoever receives it owns it, and the sender must not touch or resend it.
 */
export interface FrameView {
  tick: number;
  /** Point count per kind, in FRAME_POINT_KINDS order. */
  counts: number[];
  /** xy per point kind. */
  positions: Float32Array[];
  /** Style byte per point kind (codes and their words: frame-styles.ts). */
  styles: Uint8Array[];
  /** Endothelial segments: 4 floats each. */
  segments: Float32Array;
  /** Per segment: permeability quantised to 0..254, 255 = tip cell. */
  segmentStyles: Uint8Array;
  /** Field values per region (index = region id) then per FIELD_NAMES entry. */
  fields: Float32Array[][];
}

function fieldLength(world: World): number {
  let n = 0;
  for (const r of world.regions) for (const f of FIELD_NAMES) n += r.fields[f].values.length;
  return n;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Bytes a frame of the world's current state needs. */
export function frameBytes(world: World): number {
  const p = world.pools;
  const points = p.tumour.count + p.exosome.count + p.immune.count + p.platelet.count + p.stroma.count;
  const segs = p.endothelium.count;
  return HEADER_WORDS * 4 + points * 8 + segs * 16 + align4(points + segs) + fieldLength(world) * 4;
}

/**
 * Writes a frame of the current state into `buffer` when it is large enough (a recycled buffer),
 * else into a new one; returns the buffer used.
 */
export function writeFrame(world: World, tick: number, buffer?: ArrayBuffer): ArrayBuffer {
  const bytes = frameBytes(world);
  const buf = buffer && buffer.byteLength >= bytes ? buffer : new ArrayBuffer(Math.ceil(bytes * 1.25));
  const header = new Int32Array(buf, 0, HEADER_WORDS);
  const p = world.pools;
  const pools = [p.tumour, p.exosome, p.immune, p.platelet, p.stroma];
  header[0] = FRAME_MAGIC;
  header[1] = tick;
  pools.forEach((pool, k) => (header[2 + k] = pool.count));
  header[7] = p.endothelium.count;
  let off = HEADER_WORDS * 4;
  for (const pool of pools) {
    const xy = new Float32Array(buf, off, pool.count * 2);
    const { x, y } = pool.cols as unknown as { x: Float64Array; y: Float64Array };
    for (let i = 0; i < pool.count; i++) {
      xy[2 * i] = x[i];
      xy[2 * i + 1] = y[i];
    }
    off += pool.count * 8;
  }
  const e = p.endothelium;
  const seg = new Float32Array(buf, off, e.count * 4);
  for (let i = 0; i < e.count; i++) {
    seg[4 * i] = e.cols.ax[i];
    seg[4 * i + 1] = e.cols.ay[i];
    seg[4 * i + 2] = e.cols.bx[i];
    seg[4 * i + 3] = e.cols.by[i];
  }
  off += e.count * 16;
  const styleStart = off;
  const style = new Uint8Array(buf, off);
  let s = 0;
  // One loop per kind with its own style function: each call site stays monomorphic and inlined.
  const cols = (k: number) => pools[k].cols as unknown as Record<string, ArrayLike<number>>;
  const tc = cols(0);
  for (let i = 0; i < p.tumour.count; i++) style[s++] = tumourStyle(tc, i);
  const xc = cols(1);
  for (let i = 0; i < p.exosome.count; i++) style[s++] = exosomeStyle(xc, i);
  const ic = cols(2);
  for (let i = 0; i < p.immune.count; i++) style[s++] = immuneStyle(ic, i);
  const pc = cols(3);
  for (let i = 0; i < p.platelet.count; i++) style[s++] = plateletStyle(pc, i);
  const sc = cols(4);
  for (let i = 0; i < p.stroma.count; i++) style[s++] = stromaStyle(sc, i);
  for (let i = 0; i < e.count; i++) style[s++] = e.cols.tip[i] ? 255 : Math.min(254, Math.round(e.cols.permeability[i] * 254));
  off = styleStart + align4(s);
  const f = new Float32Array(buf, off, fieldLength(world));
  let k = 0;
  for (const r of world.regions) for (const name of FIELD_NAMES) {
    f.set(r.fields[name].values, k);
    k += r.fields[name].values.length;
  }
  return buf;
}

/** Reads a frame written by writeFrame; `fieldSizes[region][field]` gives each field's cell count. */
export function readFrame(buf: ArrayBuffer, fieldSizes: number[][]): FrameView {
  const header = new Int32Array(buf, 0, HEADER_WORDS);
  if (header[0] !== FRAME_MAGIC) throw new Error('not an exocascade frame');
  const counts = [header[2], header[3], header[4], header[5], header[6]];
  const nSeg = header[7];
  let off = HEADER_WORDS * 4;
  const positions = counts.map((n) => {
    const a = new Float32Array(buf, off, n * 2);
    off += n * 8;
    return a;
  });
  const segments = new Float32Array(buf, off, nSeg * 4);
  off += nSeg * 16;
  const styleStart = off;
  const styles = counts.map((n) => {
    const a = new Uint8Array(buf, off, n);
    off += n;
    return a;
  });
  const segmentStyles = new Uint8Array(buf, off, nSeg);
  off += nSeg;
  off = styleStart + align4(off - styleStart);
  const fields = fieldSizes.map((sizes) => sizes.map((n) => {
    const a = new Float32Array(buf, off, n);
    off += n * 4;
    return a;
  }));
  return { tick: header[1], counts, positions, styles, segments, segmentStyles, fields };
}
