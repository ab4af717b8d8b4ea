import { MODULES } from '../engine/schedule';
import { POPULATION_PARAMS, WORLD_PARAMS } from '../world/world-params';
import { closest } from './suggest';

// Where a key belongs: every parameter's full path in a scenario file, so a key written at the
// wrong level (a module parameter at the top level, a world parameter under a module, a
// parameter under the wrong module) is answered with the path it belongs at.

let paths: Map<string, string[]> | null = null;

/** Every known key (top-level, section, module and parameter names) and the JSON pointers it lives at. */
function keyPaths(): Map<string, string[]> {
  if (paths) return paths;
  const map = new Map<string, string[]>();
  const add = (key: string, path: string) => map.set(key, [...(map.get(key) ?? []), path]);
  for (const key of ['name', 'description', 'cancerType', 'drainage', 'seed', 'tickHours', 'ticks', 'duration', 'cargo', 'extraCargo', 'doses', 'assumedEffects', 'world', 'populations', 'modules', 'whatIfs']) add(key, `/${key}`);
  for (const key of Object.keys(WORLD_PARAMS)) add(key, `/world/${key}`);
  for (const key of Object.keys(POPULATION_PARAMS)) add(key, `/populations/${key}`);
  for (const m of MODULES) {
    add(m.id, `/modules/${m.id}`);
    for (const key of Object.keys(m.params)) add(key, `/modules/${m.id}/${key}`);
  }
  paths = map;
  return map;
}

/**
 * " (did you mean /modules/exosome-release/packetsPerCellPerHour?)" for a key that is unknown
 * at `parent` (a JSON pointer) but known, or nearly so, elsewhere in a scenario; "" otherwise.
 */
export function misplacedKeyHint(key: string, parent: string): string {
  const map = keyPaths();
  const elsewhere = (k: string) => (map.get(k) ?? []).filter((p) => p !== `${parent}/${k}`);
  let found = elsewhere(key);
  if (!found.length) {
    for (const near of closest(key, [...map.keys()], 2)) found = [...found, ...elsewhere(near)];
  }
  if (!found.length) return '';
  const shown = found.slice(0, 3);
  return ` (did you mean ${shown.join(' or ')}?)`;
}
