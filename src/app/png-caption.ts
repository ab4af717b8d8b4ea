import { KILLER_COLOURS } from './killers';
import { kindStyle, nicheColour, stateColour } from './render/palette';

/** One legend entry of a captioned image: a colour and what it means. */
export interface CaptionKey {
  colour: number;
  label: string;
  /** Drawn as a ring rather than a dot. */
  ring?: boolean;
}

/** The legend every map image carries: tumour cells by stage, CTCs, cloaks, kills, exosomes, immune cells, niche. */
export function mapLegend(): CaptionKey[] {
  return [
    { colour: stateColour('tumour', 'primary'), label: 'tumour cell' },
    { colour: stateColour('tumour', 'invading'), label: 'invading' },
    { colour: stateColour('tumour', 'circulating'), label: 'circulating (CTC)' },
    { colour: 0xffe066, label: 'platelet cloak', ring: true },
    { colour: stateColour('tumour', 'arrested'), label: 'arrested' },
    { colour: stateColour('tumour', 'colonising'), label: 'colony' },
    { colour: KILLER_COLOURS.nk, label: 'killed by NK', ring: true },
    { colour: KILLER_COLOURS.t, label: 'by T cell', ring: true },
    { colour: KILLER_COLOURS.shear, label: 'by shear', ring: true },
    { colour: kindStyle('exosome').base, label: 'exosome' },
    { colour: stateColour('immune', 'nk active'), label: 'NK cell' },
    { colour: stateColour('immune', 'cd8 active'), label: 'CD8 T cell' },
    { colour: nicheColour(1), label: 'primed organ (niche)' },
  ];
}

const hex = (c: number) => `#${c.toString(16).padStart(6, '0')}`;

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the map image could not be read'));
    img.src = url;
  });
}

/**
 * The map image with a caption strip below it: a title line (scenario, seed, day and tick),
 * a line of details (what-ifs, state hash) and the colour legend, so the picture says what it
 * shows wherever it is pasted. Returns a PNG data URL.
 */
export async function captionedPng(mapUrl: string, title: string, details: string, keys: readonly CaptionKey[]): Promise<string> {
  const img = await loadImage(mapUrl);
  const scale = Math.max(1, img.width / 1400);
  const pad = 14 * scale;
  const line = 22 * scale;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return mapUrl;
  // Legend rows: measure with the font first, wrapping to the image width.
  ctx.font = `${13 * scale}px system-ui, sans-serif`;
  const rows: Array<Array<{ key: CaptionKey; x: number }>> = [[]];
  let x = pad;
  for (const key of keys) {
    const w = 22 * scale + ctx.measureText(key.label).width + 16 * scale;
    if (x + w > img.width - pad && rows[rows.length - 1].length) {
      rows.push([]);
      x = pad;
    }
    rows[rows.length - 1].push({ key, x });
    x += w;
  }
  const strip = pad * 2 + line * 2 + rows.length * line;
  canvas.width = img.width;
  canvas.height = img.height + strip;
  ctx.fillStyle = '#0b1020';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0);
  let y = img.height + pad + line * 0.8;
  ctx.fillStyle = '#f1f4fa';
  ctx.font = `600 ${17 * scale}px system-ui, sans-serif`;
  ctx.fillText(title, pad, y);
  y += line;
  ctx.fillStyle = '#b8c2d6';
  ctx.font = `${13 * scale}px system-ui, sans-serif`;
  ctx.fillText(details, pad, y);
  for (const row of rows) {
    y += line;
    for (const { key, x: kx } of row) {
      const cx = kx + 7 * scale;
      const cy = y - 5 * scale;
      ctx.beginPath();
      ctx.arc(cx, cy, 6 * scale, 0, Math.PI * 2);
      if (key.ring) {
        ctx.strokeStyle = hex(key.colour);
        ctx.lineWidth = 3 * scale;
        ctx.stroke();
      } else {
        ctx.fillStyle = hex(key.colour);
        ctx.fill();
      }
      ctx.fillStyle = '#dfe6f3';
      ctx.fillText(key.label, kx + 18 * scale, y);
    }
  }
  return canvas.toDataURL('image/png');
}
