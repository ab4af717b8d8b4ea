/**
 * Public surface of the cargo catalog: the data (Tables 1 and 2 of Bai et al. 2022 and the cargo
 * its prose names) and the look-ups the engine, scenarios and UI use.
 */
import { editDistance } from '../core/edit-distance';
import { cancerTypeIdForLabel, type CancerTypeId } from './cancer-types';
import { CATALOG } from './build-catalog';
import { cargoSlug } from './cargo-slug';
import type { OrganId } from './organs';
import { TABLE1_ROWS } from './table1';
import type { CargoEntry } from './types';

export * from './types';
export * from './effects';
export * from './organs';
export * from './cancer-types';
export { TABLE1_ROWS } from './table1';
export { TABLE2_ROWS, TABLE2_ROW_COUNTS } from './table2';
export { PROSE_MENTIONS, type ProseMention } from './prose';
export { CATALOG, buildCatalog } from './build-catalog';
export { CARGO_EFFECTS, type EffectSpec } from './cargo-effects';
export { cargoSlug } from './cargo-slug';

/** Version of the catalog data: source review + revision of the transcription. */
export const CATALOG_VERSION = '2022-bai-1';

const BY_ID: ReadonlyMap<string, CargoEntry> = new Map(CATALOG.map((c) => [c.id, c]));

/** The entry with this id, or undefined. */
export function getCargo(id: string): CargoEntry | undefined {
  return BY_ID.get(id);
}

/** Every cargo id, in catalog order. */
export function cargoIds(): string[] {
  return CATALOG.map((c) => c.id);
}

/** Entries with Table 2 evidence for this cancer type, plus prose entries the prose ties to it. */
export function cargoForCancerType(id: CancerTypeId): CargoEntry[] {
  return CATALOG.filter((c) => c.cancerTypes.includes(id));
}

/**
 * Entries whose id, name, note, or any evidence's target cells, regulation or reference contain
 * `text` (case-insensitive). A blank query matches every entry.
 */
export function searchCatalog(text: string): CargoEntry[] {
  const q = text.trim().toLowerCase();
  if (q === '') return [...CATALOG];
  return CATALOG.filter((c) => {
    const fields = [c.id, c.name, c.note ?? '', ...c.evidence.flatMap((ev) => [ev.targetCells, ev.regulation, ev.reference])];
    return fields.some((f) => f.toLowerCase().includes(q));
  });
}

/**
 * "Did you mean": up to `limit` catalog ids closest to `unknownId` by edit distance (after
 * cargoSlug, so 'miR-25-3' and 'mir-25-3' are the same query), nearest first, ties by id; only ids
 * within max(2, a third of the query length) edits.
 */
export function suggestCargo(unknownId: string, limit = 5): string[] {
  const q = cargoSlug(unknownId);
  const maxDistance = Math.max(2, Math.floor(q.length / 3));
  return CATALOG.map((c) => ({ id: c.id, d: editDistance(q, c.id) }))
    .filter((x) => x.d <= maxDistance)
    .sort((x, y) => x.d - y.d || x.id.localeCompare(y.id))
    .slice(0, limit)
    .map((x) => x.id);
}

/** Organs Table 1 lists as metastatic sites for this cancer type (model organs only, table order). */
export function organsForCancerType(id: CancerTypeId): OrganId[] {
  const organs: OrganId[] = [];
  for (const r of TABLE1_ROWS) {
    if (r.organId !== null && cancerTypeIdForLabel(r.cancerType) === id && !organs.includes(r.organId)) {
      organs.push(r.organId);
    }
  }
  return organs;
}
