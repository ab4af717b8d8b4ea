/**
 * Data types of the cargo catalog (transcribed from Bai et al. 2022, Tables 1 and 2 and prose).
 */
import type { CancerTypeId } from './cancer-types';
import type { EffectId } from './effects';
import type { OrganId } from './organs';

/** Molecular class of an exosome component. */
export type CargoClass = 'miRNA' | 'lncRNA' | 'circRNA' | 'protein' | 'integrin' | 'other';

/** One row of the review's Table 2, as printed (wrapped cells re-joined). */
export interface Table2Row {
  /** 1-based order of the row in the table. */
  row: number;
  /** The table's cancer-type label, verbatim (e.g. 'Breast cancer', 'HCC'). */
  cancerType: string;
  /** The 'Exosome component' cell, verbatim. */
  component: string;
  /** The 'Target cells' cell, verbatim. */
  targetCells: string;
  /** The 'Potential regulation' cell, verbatim ('-' where printed '-', '' where the cell is empty). */
  regulation: string;
  /** The 'Roles in metastasis steps' cell, verbatim; a cell listing two steps joins them with '; '. */
  step: string;
  /** The first step number the step cell names, or null ('Enhance/Decrease metastases'). */
  stepNumber: 1 | 2 | 3 | 4 | 5 | null;
  /** The 'References' cell, verbatim. */
  reference: string;
  /** Catalog ids of the cargo this row is evidence for (a cell listing several gives several). */
  cargoIds: string[];
}

/** One piece of evidence for a catalog entry: a Table 2 row or a prose passage of the review. */
export interface Evidence {
  source: 'table2' | 'prose';
  /** Table 2 row number (source 'table2' only). */
  row?: number;
  /** Cancer type as the source states it ('not specified' when the prose names none). */
  cancerType: string;
  targetCells: string;
  regulation: string;
  step: string;
  /** Citation as the review gives it. */
  reference: string;
}

/** One effect of a cargo on the simulation. */
export interface CargoEffect {
  effect: EffectId;
  /** Signed, in [-1, 1], non-zero; see the strength convention in effects.ts. */
  strength: number;
  /** Per-organ weight 0..1: only for 'homing' and organ-specific niche effects. */
  organs?: Partial<Record<OrganId, number>>;
  /**
   * Set when the effect is the model's reading rather than the evidence's words: why it is
   * assumed. Assumed effects are shown as such and a scenario can switch them off.
   */
  assumption?: string;
}

/** One exosome component of the catalog, with its evidence and effects. */
export interface CargoEntry {
  /** Stable id: cargoSlug(name). */
  id: string;
  /** Display name (the table's spelling unless a note says otherwise). */
  name: string;
  class: CargoClass;
  /** Cancer types with evidence for this cargo (Table 2 rows and prose), in first-seen order. */
  cancerTypes: CancerTypeId[];
  evidence: Evidence[];
  /**
   * Weight of the evidence, in (0, 1]: each Table 2 row or prose passage naming the entry adds
   * 1 / (number of components it names), capped at 1 — a row naming seven components is one
   * finding shared by seven, not seven findings.
   */
  evidenceWeight: number;
  effects: CargoEffect[];
  note?: string;
}

/** One cancer type, with the labels the two tables use for it. */
export interface CancerType {
  id: CancerTypeId;
  label: string;
  table2Labels: string[];
  table1Labels: string[];
}

/** One (cancer type, organ) line of the review's Table 1. */
export interface Table1Row {
  /** The table's cancer-type label, verbatim. */
  cancerType: string;
  /** The 'Organotropic metastasis' cell, verbatim (e.g. 'Liver metastasis', 'Mediastinum'). */
  organ: string;
  /** The model organ, or null when the table's site is not one of the five. */
  organId: OrganId | null;
  /** The 'References' cell, verbatim ('' where the line has none). */
  references: string;
}
