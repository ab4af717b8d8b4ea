/**
 * The scenario presets: every `scenarios/*.json` (except the schema), imported as text by vite
 * at build time, so a new preset file appears in the picker without touching this code.
 */
const RAW = import.meta.glob<string>(['/scenarios/*.json', '!/scenarios/*.schema.json'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** One preset scenario: id (file name without .json), its path, display name and raw text. */
export interface Preset {
  id: string;
  file: string;
  name: string;
  description: string;
  text: string;
}

/** Preset opened when the URL names none. */
export const DEFAULT_PRESET_ID = 'breast';

function toPreset(path: string, text: string): Preset {
  const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
  let name = id;
  let description = '';
  try {
    const data = JSON.parse(text) as { name?: unknown; description?: unknown };
    if (typeof data.name === 'string') name = data.name;
    if (typeof data.description === 'string') description = data.description;
  } catch {
    // A broken preset still appears; loading it shows its JSON error in the editor.
  }
  return { id, file: path.replace(/^\//, ''), name, description, text };
}

/** All presets, the default first, then by name. */
export const PRESETS: readonly Preset[] = Object.entries(RAW)
  .map(([path, text]) => toPreset(path, text))
  .sort((a, b) => (a.id === DEFAULT_PRESET_ID ? -1 : b.id === DEFAULT_PRESET_ID ? 1 : a.name.localeCompare(b.name)));

/** The preset with this id, or undefined. */
export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
