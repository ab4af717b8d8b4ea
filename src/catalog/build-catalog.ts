/**
 * Builds the cargo catalog: one entry per distinct exosome component named in Table 2 or the
 * prose, carrying every row/passage that names it as evidence and its effects from the explicit
 * per-entry table (cargo-effects.ts).
 */
import { cancerTypeIdForLabel, type CancerTypeId } from './cancer-types';
import { CARGO_EFFECTS } from './cargo-effects';
import { TABLE2_CARGO, type CargoInfo } from './cargo-names';
import { isEffectId } from './effects';
import { PROSE_MENTIONS } from './prose';
import { TABLE2_ROWS } from './table2';
import type { CargoEntry, Evidence } from './types';

/** Builds the catalog from Table 2 rows, prose mentions and the effect table (throws if they disagree). */
export function buildCatalog(): CargoEntry[] {
  const proseInfo = new Map<string, CargoInfo>();
  for (const m of PROSE_MENTIONS) {
    if (!m.cargo) continue;
    if (TABLE2_CARGO[m.cargoId]) throw new Error(`prose mention redefines table cargo '${m.cargoId}'`);
    proseInfo.set(m.cargoId, m.cargo);
  }

  const entries = new Map<string, CargoEntry>();
  const entryFor = (id: string): CargoEntry => {
    const existing = entries.get(id);
    if (existing) return existing;
    const info = TABLE2_CARGO[id] ?? proseInfo.get(id);
    if (!info) throw new Error(`no name/class for cargo '${id}'`);
    const spec = CARGO_EFFECTS[id];
    if (!spec) throw new Error(`no effects for cargo '${id}'`);
    const entry: CargoEntry = {
      id,
      name: info.name,
      class: info.class,
      cancerTypes: [],
      evidence: [],
      effects: spec.effects.map((x) => ({ ...x, ...(x.organs ? { organs: { ...x.organs } } : {}) })),
      ...(info.note ? { note: info.note } : {}),
    };
    entries.set(id, entry);
    return entry;
  };
  const addType = (entry: CargoEntry, t: CancerTypeId): void => {
    if (!entry.cancerTypes.includes(t)) entry.cancerTypes.push(t);
  };

  for (const row of TABLE2_ROWS) {
    const type = cancerTypeIdForLabel(row.cancerType);
    if (!type) throw new Error(`Table 2 row ${row.row}: unknown cancer type '${row.cancerType}'`);
    const evidence: Evidence = {
      source: 'table2',
      row: row.row,
      cancerType: row.cancerType,
      targetCells: row.targetCells,
      regulation: row.regulation,
      step: row.step,
      reference: row.reference,
    };
    for (const id of row.cargoIds) {
      const entry = entryFor(id);
      entry.evidence.push({ ...evidence });
      addType(entry, type);
    }
  }
  for (const m of PROSE_MENTIONS) {
    const entry = entryFor(m.cargoId);
    entry.evidence.push({ ...m.evidence });
    for (const t of m.cancerTypes) addType(entry, t);
  }

  const unused = [...Object.keys(TABLE2_CARGO), ...Object.keys(CARGO_EFFECTS)].filter((id) => !entries.has(id));
  if (unused.length > 0) throw new Error(`catalog data for ids no row or mention uses: ${unused.join(', ')}`);
  for (const entry of entries.values()) {
    for (const x of entry.effects) {
      if (!isEffectId(x.effect)) throw new Error(`${entry.id}: unknown effect '${x.effect}'`);
    }
  }
  return [...entries.values()];
}

/** The catalog: every distinct component of Table 2 and the prose, in first-seen order. */
export const CATALOG: readonly CargoEntry[] = buildCatalog();
