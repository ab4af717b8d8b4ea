import { describe, expect, it } from 'vitest';
import {
  CANCER_TYPES,
  CANCER_TYPE_IDS,
  CATALOG,
  CATALOG_VERSION,
  EFFECTS,
  EFFECT_IDS,
  ORGAN_IDS,
  PROSE_MENTIONS,
  TABLE1_ROWS,
  TABLE2_ROWS,
  cancerTypeIdForLabel,
  cargoForCancerType,
  cargoIds,
  cargoSlug,
  getCargo,
  isEffectId,
  isOrganId,
  organsForCancerType,
  searchCatalog,
  suggestCargo,
  type CargoEntry,
  type EffectId,
} from '../src/catalog';

/** Rows per cancer type in Bai et al. 2022 Table 2, counted by hand from the review's text. */
const EXPECTED_TABLE2_ROWS: Record<string, number> = {
  AML: 3,
  'Breast cancer': 19,
  'Bladder Cancer': 1,
  CML: 1,
  'Colon cancer': 12,
  'Cervical cancer': 4,
  GIST: 1,
  'Gastric cancer': 3,
  Glioblastoma: 7, // 5 + 2 after the first page break
  HCC: 22,
  HNC: 3,
  'Lung Cancer': 4,
  Melanoma: 11,
  'Multiple myeloma (BM-MSC)': 3,
  Mesothelioma: 1,
  NPC: 5, // 4 + 1 after the second page break
  'Ovarian cancer': 11,
  'Pancreatic cancer': 9,
  'Prostate cancer': 7,
};

/** Lines per cancer type in Table 1, counted by hand from the review's text. */
const EXPECTED_TABLE1_ROWS: Record<string, number> = {
  'Acute myeloid leukemia': 1,
  'Breast cancer': 5,
  'Bladder cancer': 6,
  'Colon cancer': 4,
  'Cervical cancer': 5,
  'Gastrointestinal stromal tumor': 5,
  'Gastric cancer': 5,
  Glioblastoma: 4,
  'Hepatocellular carcinoma': 5,
  'Head and neck cancer': 5,
  'Lung cancer': 4,
  Melanoma: 5,
  'Multiple myeloma (BM-MSC)': 1,
  Mesothelioma: 4,
  'Ovarian cancer': 5, // 2 + 3 after the page break
  'Pancreatic cancer': 5,
  'Prostate cancer': 5,
};

const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);

function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of items) out[key(it)] = (out[key(it)] ?? 0) + 1;
  return out;
}

function cargo(id: string): CargoEntry {
  const c = getCargo(id);
  if (!c) throw new Error(`missing cargo ${id}`);
  return c;
}

function effect(id: string, eff: EffectId) {
  return cargo(id).effects.find((x) => x.effect === eff);
}

describe('Table 2 transcription', () => {
  it('has the hand-counted number of rows for each of its 19 cancer types, 127 in all', () => {
    expect(countBy(TABLE2_ROWS, (r) => r.cancerType)).toEqual(EXPECTED_TABLE2_ROWS);
    expect(Object.keys(EXPECTED_TABLE2_ROWS)).toHaveLength(19);
    expect(TABLE2_ROWS).toHaveLength(sum(EXPECTED_TABLE2_ROWS));
    expect(sum(EXPECTED_TABLE2_ROWS)).toBe(127);
  });

  it('keeps the table order: rows numbered 1..N and each cancer type in one contiguous block', () => {
    expect(TABLE2_ROWS.map((r) => r.row)).toEqual(TABLE2_ROWS.map((_, i) => i + 1));
    const blocks = TABLE2_ROWS.map((r) => r.cancerType).filter((t, i, a) => i === 0 || a[i - 1] !== t);
    expect(blocks).toEqual(Object.keys(EXPECTED_TABLE2_ROWS));
  });

  it('puts the rows after the page breaks under the right cancer type', () => {
    const byComponent = (c: string) => TABLE2_ROWS.filter((r) => r.component === c).map((r) => r.cancerType);
    expect(byComponent('LncRNA CCAT2')).toEqual(['Glioblastoma']);
    expect(byComponent('LncRNA POU3F3')).toEqual(['Glioblastoma']);
    expect(byComponent('LMP1')).toEqual(['NPC']);
    expect(TABLE2_ROWS[0]).toMatchObject({ cancerType: 'AML', component: 'TGF-β', reference: 'Szczepanski et al. (2011)' });
    expect(TABLE2_ROWS[126]).toMatchObject({ cancerType: 'Prostate cancer', reference: 'Ramteke et al. (2015)' });
  });

  it('re-joins wrapped and two-line cells', () => {
    const row = (component: string, cancerType: string) =>
      TABLE2_ROWS.find((r) => r.component === component && r.cancerType === cancerType);
    expect(row('SMAD3', 'HCC')?.step).toBe('Step 4: attach; Step 5: tumor growth');
    expect(row('miR-320a', 'HCC')?.step).toBe('Step 1: EMT; Step 5: TASCs');
    expect(row('MMP13', 'NPC')?.step).toBe('Step 1; Step 2: angiogenesis');
    expect(row('miR-25-3p', 'Colon cancer')?.regulation).toBe('VEGFR, ZO-1, occludin, and claudin5');
    expect(row('matrix metalloproteinases, IL-8, PDGFs, and caveolin 1', 'Glioblastoma')?.reference).toBe(
      'Kucharzewska et al. (2013)',
    );
  });

  it('has a step number that is the first "Step N" of the step cell, null only for the two unstaged labels', () => {
    for (const r of TABLE2_ROWS) {
      const m = /Step ([1-5])/.exec(r.step);
      expect(r.stepNumber, `row ${r.row}`).toBe(m ? Number(m[1]) : null);
      if (r.stepNumber === null) expect(['Enhance metastases', 'Decrease metastases']).toContain(r.step);
    }
    expect(TABLE2_ROWS.filter((r) => r.step === 'Enhance metastases')).toHaveLength(16); // 16 occurrences in the source text
    expect(TABLE2_ROWS.filter((r) => r.step === 'Decrease metastases')).toHaveLength(2);
  });

  it('maps every cancer-type label to a cancer type id', () => {
    for (const r of TABLE2_ROWS) expect(cancerTypeIdForLabel(r.cancerType), r.cancerType).toBeDefined();
  });
});

describe('Table 1 transcription', () => {
  it('has the hand-counted number of sites for each of its 17 cancer types, 74 in all', () => {
    expect(countBy(TABLE1_ROWS, (r) => r.cancerType)).toEqual(EXPECTED_TABLE1_ROWS);
    expect(TABLE1_ROWS).toHaveLength(sum(EXPECTED_TABLE1_ROWS));
    expect(sum(EXPECTED_TABLE1_ROWS)).toBe(74);
  });

  it('maps every cancer type to an id with at least one model organ', () => {
    for (const label of Object.keys(EXPECTED_TABLE1_ROWS)) {
      const id = cancerTypeIdForLabel(label);
      expect(id, label).toBeDefined();
      if (id) expect(organsForCancerType(id).length, label).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives breast cancer all five organs', () => {
    expect([...organsForCancerType('breast')].sort()).toEqual(['bone', 'brain', 'liver', 'lung', 'lymph-node']);
  });

  it('keeps sites outside the model as null organs and drops them from organsForCancerType', () => {
    const nulls = TABLE1_ROWS.filter((r) => r.organId === null).map((r) => r.organ);
    expect(nulls).toEqual(['Mediastinum', 'Adrenal gland', 'Stomach and colon']);
    expect(organsForCancerType('bladder')).toEqual(['bone', 'lymph-node', 'lung', 'liver']);
    expect(organsForCancerType('aml')).toEqual(['liver']);
    expect(organsForCancerType('npc')).toEqual([]); // NPC appears in Table 2 only
  });
});

describe('cancer types', () => {
  it('has unique ids, including the ones the engine relies on', () => {
    expect(new Set(CANCER_TYPE_IDS).size).toBe(CANCER_TYPE_IDS.length);
    expect(CANCER_TYPES.map((c) => c.id)).toEqual([...CANCER_TYPE_IDS]);
    for (const id of ['breast', 'pancreatic', 'melanoma', 'colorectal', 'hcc', 'lung', 'gastric', 'prostate'] as const) {
      expect(CANCER_TYPE_IDS).toContain(id);
    }
  });

  it('assigns every table label to exactly one cancer type', () => {
    const labels = CANCER_TYPES.flatMap((c) => [...c.table1Labels.map((l) => `1:${l}`), ...c.table2Labels.map((l) => `2:${l}`)]);
    expect(new Set(labels).size).toBe(labels.length);
    expect(cancerTypeIdForLabel('Colon cancer')).toBe('colorectal');
    expect(cancerTypeIdForLabel('HCC')).toBe('hcc');
    expect(cancerTypeIdForLabel('Hepatocellular carcinoma')).toBe('hcc');
    expect(cancerTypeIdForLabel('Lung Cancer')).toBe('lung');
  });
});

describe('effect vocabulary', () => {
  it('is the closed list of 26 ids, each with its step and a meaning', () => {
    const bySteps: Record<number, string[]> = {
      1: ['emt.induce', 'ecm.degrade', 'invasion.boost', 'invasion.suppress', 'caf.activate'],
      2: ['angio.sprout', 'vessel.permeability', 'macrophage.m2', 'lymphangiogenesis'],
      3: ['tcell.suppress', 'tcell.apoptosis', 'tcell.checkpoint', 'nk.suppress', 'bcell.regulatory', 'mdsc.expand', 'platelet.activate'],
      4: ['homing', 'adhesion.endothelium'],
      5: ['niche.prime', 'bmdc.recruit', 'niche.kupffer', 'niche.metabolic', 'met.transition', 'tasc.convert', 'growth.proliferate', 'growth.suppress'],
    };
    expect(EFFECT_IDS).toHaveLength(26);
    for (const [step, ids] of Object.entries(bySteps)) {
      for (const id of ids) {
        expect(isEffectId(id), id).toBe(true);
        expect(EFFECTS[id as EffectId].step, id).toBe(Number(step));
        expect(EFFECTS[id as EffectId].meaning.length, id).toBeGreaterThan(20);
      }
    }
    expect(isEffectId('emt')).toBe(false);
  });
});

describe('cargo slugs', () => {
  it('follows the documented rule', () => {
    expect(cargoSlug('PD-L1')).toBe('pd-l1');
    expect(cargoSlug('miR-25-3p')).toBe('mir-25-3p');
    expect(cargoSlug('TGF-β')).toBe('tgf-b');
    expect(cargoSlug('miRNA-503')).toBe('mir-503');
    expect(cargoSlug('hsa-miR-940')).toBe('mir-940');
    expect(cargoSlug('miR92a-3p')).toBe('mir-92a-3p');
    expect(cargoSlug('miR-let-7c')).toBe('let-7c');
    expect(cargoSlug('α6β4')).toBe('itga6b4');
    expect(cargoSlug('Integrin α6β1')).toBe('itga6b1');
    expect(cargoSlug('αvβ5')).toBe('itgavb5');
    expect(cargoSlug('αvβ6 Integrin')).toBe('itgavb6');
    expect(cargoSlug('NF-κB')).toBe('nf-kb');
    expect(cargoSlug('PTEN/PI3Kγ')).toBe('pten-pi3kg');
    expect(cargoSlug('circ_MMP2')).toBe('circ-mmp2');
    expect(cargoSlug('HIF1α')).toBe('hif1a');
  });
});

describe('catalog integrity', () => {
  it('has unique ids, each the slug of its name', () => {
    expect(new Set(CATALOG.map((c) => c.id)).size).toBe(CATALOG.length);
    for (const c of CATALOG) expect(cargoSlug(c.name), c.name).toBe(c.id);
    expect(cargoIds()).toEqual(CATALOG.map((c) => c.id));
  });

  it('gives every entry evidence and valid, non-zero effects within [-1, 1]', () => {
    for (const c of CATALOG) {
      expect(c.evidence.length, c.id).toBeGreaterThanOrEqual(1);
      expect(c.effects.length, c.id).toBeGreaterThanOrEqual(1);
      expect(new Set(c.effects.map((x) => x.effect)).size, `${c.id} repeats an effect`).toBe(c.effects.length);
      for (const x of c.effects) {
        expect(isEffectId(x.effect), `${c.id}: ${x.effect}`).toBe(true);
        expect(x.strength, c.id).not.toBe(0);
        expect(Math.abs(x.strength), c.id).toBeLessThanOrEqual(1);
      }
    }
  });

  it('uses organ weights only on homing, niche and BMDC-recruiting effects, always on homing, each in (0, 1]', () => {
    for (const c of CATALOG) {
      for (const x of c.effects) {
        if (x.effect === 'homing') expect(x.organs, `${c.id} homing without organs`).toBeDefined();
        if (!x.organs) continue;
        expect(x.effect === 'homing' || x.effect === 'bmdc.recruit' || x.effect.startsWith('niche.'), `${c.id}: ${x.effect}`).toBe(true);
        for (const [organ, w] of Object.entries(x.organs)) {
          expect(isOrganId(organ), organ).toBe(true);
          expect(w).toBeGreaterThan(0);
          expect(w).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('resolves every Table 2 row to entries that cite that row, and cites no row that does not list the entry', () => {
    for (const r of TABLE2_ROWS) {
      expect(r.cargoIds.length, `row ${r.row}`).toBeGreaterThanOrEqual(1);
      for (const id of r.cargoIds) {
        const c = getCargo(id);
        expect(c, `row ${r.row}: ${id}`).toBeDefined();
        expect(c?.evidence.some((ev) => ev.source === 'table2' && ev.row === r.row), `row ${r.row}: ${id}`).toBe(true);
      }
    }
    for (const c of CATALOG) {
      for (const ev of c.evidence.filter((x) => x.source === 'table2')) {
        const r = TABLE2_ROWS[(ev.row ?? 0) - 1];
        expect(r?.cargoIds, `${c.id} row ${ev.row}`).toContain(c.id);
        expect(ev).toMatchObject({ cancerType: r?.cancerType, targetCells: r?.targetCells, reference: r?.reference });
      }
    }
  });

  it('splits multi-component cells and merges repeated components', () => {
    expect(cargo('mir-200c').evidence[0]?.row).toBe(cargo('mir-141').evidence[0]?.row);
    expect(cargo('mir-23a').evidence.filter((e) => e.source === 'table2')).toHaveLength(3); // HNC, lung, NPC
    expect(cargo('mir-23a').cancerTypes).toEqual(['hnc', 'lung', 'npc']);
    expect(cargo('mir-92a-3p').evidence.filter((e) => e.source === 'table2')).toHaveLength(4);
    expect(cargo('mir-940').evidence.map((e) => e.cancerType)).toEqual(['Breast cancer', 'Prostate cancer']);
    expect(cargo('lncrna-fal1').cancerTypes).toEqual(['hcc', 'ovarian']);
    expect(cargo('caveolin-1').cancerTypes).toEqual(['breast', 'glioblastoma']);
  });

  it('gives every prose mention a citation and ties each entry to the cancer types of its evidence', () => {
    for (const m of PROSE_MENTIONS) {
      expect(m.evidence.source).toBe('prose');
      expect(m.evidence.reference.length, m.cargoId).toBeGreaterThan(0);
      expect(getCargo(m.cargoId), m.cargoId).toBeDefined();
    }
    for (const c of CATALOG) {
      const fromRows = c.evidence.filter((e) => e.source === 'table2').map((e) => cancerTypeIdForLabel(e.cancerType));
      const fromProse = PROSE_MENTIONS.filter((m) => m.cargoId === c.id).flatMap((m) => m.cancerTypes);
      expect(new Set(c.cancerTypes), c.id).toEqual(new Set([...fromRows, ...fromProse]));
    }
  });
});

describe('biology the engine depends on', () => {
  const homing = (id: string) => effect(id, 'homing')?.organs ?? {};

  it('sends α6β4 and α6β1 exosomes to the lung and αvβ5 to the liver (Hoshino et al. 2015)', () => {
    expect(homing('itga6b4').lung ?? 0).toBeGreaterThan(homing('itga6b4').liver ?? 0);
    expect(homing('itga6b1').lung ?? 0).toBeGreaterThan(homing('itga6b1').liver ?? 0);
    expect(homing('itgavb5').liver ?? 0).toBeGreaterThan(homing('itgavb5').lung ?? 0);
    for (const id of ['itga6b4', 'itga6b1', 'itgavb5']) {
      expect(cargo(id).class).toBe('integrin');
      expect(cargo(id).evidence.map((e) => e.reference)).toContain('Hoshino et al., 2015');
    }
    expect(homing('cd151')).toEqual({ lung: 1, 'lymph-node': 1 });
  });

  it('gives MIF a liver Kupffer niche effect, from pancreatic cancer (Costa-Silva et al. 2015)', () => {
    expect(effect('mif', 'niche.kupffer')?.organs?.liver).toBeGreaterThan(0);
    expect(cargo('mif').cancerTypes).toEqual(['pancreatic']);
    expect(cargo('mif').evidence.every((e) => e.reference.startsWith('Costa-Silva et al.'))).toBe(true);
  });

  it('gives PD-L1 T-cell suppression, from metastatic melanoma (Chen et al. 2018)', () => {
    expect(effect('pd-l1', 'tcell.suppress')?.strength).toBeGreaterThan(0);
    expect(cargo('pd-l1').cancerTypes).toEqual(['melanoma']);
  });

  it('expresses every "decrease" row as a suppressing effect, and only those rows', () => {
    const suppressing = (c: CargoEntry) =>
      c.effects.some((x) => ((x.effect === 'invasion.suppress' || x.effect === 'growth.suppress') && x.strength > 0) || x.strength < 0);
    const decreaseRows = TABLE2_ROWS.filter((r) => /decrease/i.test(r.step));
    expect(decreaseRows.flatMap((r) => r.cargoIds)).toEqual(['mir-770', 'mir-193a', 'mir-7']);
    for (const r of decreaseRows) for (const id of r.cargoIds) expect(suppressing(cargo(id)), id).toBe(true);
    expect(CATALOG.filter(suppressing).map((c) => c.id).sort()).toEqual(['mir-193a', 'mir-7', 'mir-770']);
  });

  it('carries the prose cargo of each step with its citation', () => {
    expect(effect('mir-105', 'vessel.permeability')).toBeDefined();
    expect(cargo('mir-105').evidence[0]?.reference).toBe('Kong et al., 2019');
    expect(effect('mir-122', 'niche.metabolic')?.organs?.lung).toBe(1);
    expect(effect('hmgb1', 'bcell.regulatory')).toBeDefined();
    // The prose has CTCs (not their exosomes) release HMGB1 to activate platelets.
    expect(effect('hmgb1', 'platelet.activate')).toBeUndefined();
    expect(effect('tf', 'platelet.activate')).toBeDefined();
    expect(effect('fasl', 'tcell.apoptosis')).toBeDefined();
    // Only a checkpoint ligand on the cell itself shields it on contact (PD-L1 → PD-1).
    expect(CATALOG.filter((c) => c.effects.some((x) => x.effect === 'tcell.checkpoint')).map((c) => c.id)).toEqual(['pd-l1']);
    expect(effect('hsp70', 'nk.suppress')).toBeDefined();
    expect(effect('tgf-b', 'nk.suppress')).toBeDefined();
    expect(effect('mir-103', 'macrophage.m2')).toBeDefined();
    expect(effect('mir-25-3p', 'vessel.permeability')).toBeDefined();
    expect(effect('mir-221-3p', 'lymphangiogenesis')).toBeDefined();
    expect(effect('vegf', 'angio.sprout')).toBeDefined();
  });

  it('covers every effect of the vocabulary with at least one cargo', () => {
    const used = new Set(CATALOG.flatMap((c) => c.effects.map((x) => x.effect)));
    expect([...EFFECT_IDS].filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('look-ups', () => {
  it('finds cargo by id and suggests close ids for unknown ones', () => {
    expect(getCargo('pd-l1')?.name).toBe('PD-L1');
    expect(getCargo('no-such-cargo')).toBeUndefined();
    expect(suggestCargo('mir-25-3')).toContain('mir-25-3p');
    expect(suggestCargo('mir-25-3')[0]).toBe('mir-25-3p');
    expect(suggestCargo('miR-25-3P')[0]).toBe('mir-25-3p');
    expect(suggestCargo('completely-unrelated-name-xyz')).toEqual([]);
  });

  it('searches ids, names, targets, regulation and references case-insensitively', () => {
    expect(searchCatalog('Kupffer').map((c) => c.id)).toContain('mif');
    expect(searchCatalog('kupfer').map((c) => c.id)).toContain('mif');
    expect(searchCatalog('HOSHINO').map((c) => c.id).sort()).toEqual(['itga6b1', 'itga6b4', 'itgavb5']);
    expect(searchCatalog('VE-cadherin').map((c) => c.id).sort()).toEqual(['mir-103', 'mir-939']);
    expect(searchCatalog('')).toHaveLength(CATALOG.length);
  });

  it('lists cargo per cancer type from Table 2 rows plus prose ties', () => {
    const pancreatic = cargoForCancerType('pancreatic').map((c) => c.id);
    const rowIds = new Set(TABLE2_ROWS.filter((r) => r.cancerType === 'Pancreatic cancer').flatMap((r) => r.cargoIds));
    expect(new Set(pancreatic)).toEqual(rowIds);
    expect(rowIds.size).toBe(10); // 9 rows, 'CD151, Tspan8' names two
    const breast = cargoForCancerType('breast').map((c) => c.id);
    expect(breast).toContain('mir-105'); // prose only
    expect(breast).toContain('mir-301'); // prose only
    for (const id of CANCER_TYPE_IDS) {
      if (id === 'npc' || id === 'cml') continue;
      expect(organsForCancerType(id).length, id).toBeGreaterThan(0);
    }
    for (const id of CANCER_TYPE_IDS) expect(cargoForCancerType(id).length, id).toBeGreaterThan(0);
  });

  it('uses only model organs and has a version', () => {
    expect(ORGAN_IDS).toEqual(['lung', 'liver', 'bone', 'brain', 'lymph-node']);
    expect(CATALOG_VERSION).toBe('2022-bai-1');
  });
});

describe('evidence weights and assumptions', () => {
  it('shares a row among the components it names: one finding naming seven weighs 1/7 each', () => {
    for (const id of ['tgf-b2', 'il6', 'tsg101', 'ilk']) expect(cargo(id).evidenceWeight).toBeCloseTo(1 / 7, 12);
    // miR-23a has three rows of its own: capped at 1.
    expect(cargo('mir-23a').evidenceWeight).toBe(1);
    // α6β4 and α6β1 share one prose passage (Hoshino et al. 2015).
    expect(cargo('itga6b4').evidenceWeight).toBeCloseTo(0.5, 12);
    for (const c of CATALOG) {
      expect(c.evidenceWeight, c.id).toBeGreaterThan(0);
      expect(c.evidenceWeight, c.id).toBeLessThanOrEqual(1);
    }
  });

  it('marks as assumptions exactly the effects no evidence states, each with its reason', () => {
    const assumed = CATALOG.flatMap((c) => c.effects.filter((x) => x.assumption).map((x) => `${c.id} ${x.effect}`)).sort();
    expect(assumed).toEqual([
      'cemip homing',
      'circ-iars vessel.permeability',
      'immunomodulatory-proangiogenic-factors tcell.suppress',
      'mir-503 niche.prime',
    ]);
    for (const c of CATALOG) for (const x of c.effects) if (x.assumption) expect(x.assumption.length, c.id).toBeGreaterThan(20);
    // Effects the review does not give at all are gone rather than assumed.
    expect(effect('mir-4443', 'homing')).toBeUndefined();
  });
});
