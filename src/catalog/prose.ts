/**
 * Cargo named in the review's prose (outside Tables 1 and 2), one mention per cargo per passage,
 * each with the citation exactly as the review gives it. Facts only from the review; wording ours.
 *
 * A mention of cargo that Table 2 also lists adds evidence to that entry; a mention of cargo that
 * no table row names carries `cargo` (name and class) and creates a prose-only entry.
 * Cell names the prose gives nothing for are written 'not specified'.
 */
import type { CancerTypeId } from './cancer-types';
import type { CargoClass, Evidence } from './types';

/** One passage of the prose naming one cargo. */
export interface ProseMention {
  /** Catalog id of the cargo (cargoSlug of its name). */
  cargoId: string;
  /** Name and class, for cargo no Table 2 row names (prose-only entries). */
  cargo?: { name: string; class: CargoClass; note?: string };
  /** Cancer types the passage ties the cargo to (empty when it names none). */
  cancerTypes: CancerTypeId[];
  evidence: Evidence;
}

const NS = 'not specified';

type Cells = Omit<Evidence, 'source' | 'row'>;

function mention(
  cargoId: string,
  cancerTypes: CancerTypeId[],
  cells: Cells,
  cargo?: ProseMention['cargo'],
): ProseMention {
  return { cargoId, cancerTypes, evidence: { source: 'prose', ...cells }, ...(cargo ? { cargo } : {}) };
}

// Shared passages (same cells and citation for every cargo they list).
const EMT_DRIVERS: Cells = {
  cancerType: NS,
  targetCells: 'Tumour cells',
  regulation: 'EMT drivers carried by TDEs',
  step: 'Step 1: EMT',
  reference: 'Aga et al., 2014; Kucharzewska et al., 2013; Luga et al., 2012; Ramteke et al., 2015',
};
const EMT_NCRNA: Cells = {
  cancerType: NS,
  targetCells: 'Tumour cells',
  regulation: 'non-coding RNA that up-regulates EMT',
  step: 'Step 1: EMT',
  reference: 'Huang C.-S. et al., 2020; Liu et al., 2019; Wang J. et al., 2018',
};
const ANGIO_NCRNA: Cells = {
  cancerType: NS,
  targetCells: 'Endothelial cells',
  regulation: 'lncRNA/circRNA acting as miRNA sponges',
  step: 'Step 2: angiogenesis (direct)',
  reference:
    'Castellano et al., 2020; Huang X.-Y. et al., 2020; Lang, Hu, & Chen et al., 2017; Lang, Hu, &; Zhang Z. et al., 2017; Qiu J.-J. et al., 2018',
};
const ANGIO_PROTEINS: Cells = {
  cancerType: NS,
  targetCells: 'Endothelial cells',
  regulation: 'ligand/receptor signalling',
  step: 'Step 2: angiogenesis (direct)',
  reference: 'Ludwig and Whiteside, 2018',
};
const PLATELET_MEDIATORS: Cells = {
  cancerType: NS,
  targetCells: 'Platelets',
  regulation: 'TLR4 ligation; local platelet activation and thrombus around CTCs',
  step: 'Step 3: platelet activation',
  reference: 'Aitokallio-Tallberg et al., 1985; Nieswandt et al., 1999; Yu et al., 2014; Zucchella et al., 1989',
};
const INTEGRIN_ORGANOTROPISM = 'Hoshino et al., 2015';

/** Every prose mention, in the order the review's sections run. */
export const PROSE_MENTIONS: readonly ProseMention[] = [
  // --- Step 1: EMT drivers carried by TDEs ---
  mention('tgf-b', [], EMT_DRIVERS),
  mention('tnf-a', [], EMT_DRIVERS),
  mention('hif1a', [], EMT_DRIVERS),
  mention('akt', [], EMT_DRIVERS),
  mention('caveolin-1', [], EMT_DRIVERS),
  mention('pdgfs', [], EMT_DRIVERS),
  mention('b-catenin', [], { ...EMT_DRIVERS, regulation: 'Wnt pathway modulator; EMT driver carried by TDEs' }),
  // --- Step 1: non-coding RNA that up-regulates EMT ---
  mention('mir-128-3p', [], EMT_NCRNA, { name: 'miR-128-3p', class: 'miRNA' }),
  mention('mir-27', [], EMT_NCRNA, {
    name: 'miR-27',
    class: 'miRNA',
    note: 'The prose names the miR-27 family member only as "miR-27"; kept apart from miR-27a.',
  }),
  mention('linc00960', [], EMT_NCRNA),
  mention('linc02470', [], EMT_NCRNA),
  mention('circ-pvt1', [], EMT_NCRNA),
  mention('circ-cpa4', [], EMT_NCRNA, { name: 'circ-CPA4', class: 'circRNA' }),
  // --- Step 1: ECM degradation ---
  mention('matrix-metalloproteinases', [], {
    cancerType: NS,
    targetCells: 'Extracellular matrix',
    regulation: 'localised ECM proteolysis during migration',
    step: 'Step 1: ECM degradation',
    reference: 'Ginestra et al., 1997; Atay et al., 2014',
  }),
  mention(
    'mir-301',
    ['breast'],
    {
      cancerType: 'Breast cancer',
      targetCells: 'Extracellular matrix',
      regulation: 'matrix modulation',
      step: 'Step 1: ECM degradation',
      reference: 'Morad et al., 2020',
    },
    { name: 'miR-301', class: 'miRNA' },
  ),
  mention('mir-27a', ['gastric'], {
    cancerType: 'Gastric cancer',
    targetCells: 'Adjacent stroma (ECM)',
    regulation: 'CSRP2 down, α-SMA up',
    step: 'Step 1: ECM degradation',
    reference: 'Wang et al., 2018',
  }),
  // --- Step 2: angiogenesis via macrophages ---
  mention('mir-103', ['lung'], {
    cancerType: 'Lung cancer',
    targetCells: 'M2 macrophages',
    regulation: 'VEGF-A and angiopoietin-1 up',
    step: 'Step 2: angiogenesis via macrophages',
    reference: 'Hsu et al., 2018; Wu et al., 2019',
  }),
  // --- Step 2: direct angiogenesis ---
  mention('mir-25-3p', [], {
    cancerType: NS,
    targetCells: 'Endothelial cells',
    regulation: 'KLF2 and KLF4 → VEGFR2, ZO-1, occludin, claudin5; vascular permeability',
    step: 'Step 2: angiogenesis (direct)',
    reference: 'Felcht et al., 2012; Wu et al., 2019',
  }),
  mention('mir-130a', [], {
    cancerType: NS,
    targetCells: 'Vascular cells',
    regulation: 'c-MYB',
    step: 'Step 2: angiogenesis (direct)',
    reference: 'Yang et al., 2018',
  }),
  mention('mir-155-5p', [], {
    cancerType: NS,
    targetCells: 'Endothelial cells',
    regulation: 'SOCS1/JAK2/STAT3',
    step: 'Step 2: angiogenesis (direct)',
    reference: 'Zhou X. et al., 2018',
  }),
  mention('mir-135b', [], {
    cancerType: NS,
    targetCells: 'Endothelial cells',
    regulation: 'FOXO1',
    step: 'Step 2: angiogenesis (direct)',
    reference: 'no citation given in the review',
  }),
  mention('mir-23a', [], {
    cancerType: NS,
    targetCells: 'Endothelial cells',
    regulation: 'TSGA10, prolyl hydroxylase, ZO-1, SIRT1',
    step: 'Step 2: angiogenesis (direct)',
    reference: 'Sruthi et al., 2018; Bai et al., 2019',
  }),
  mention('mir-1229', [], {
    cancerType: NS,
    targetCells: 'Endothelial cells',
    regulation: 'HIPK2',
    step: 'Step 2: angiogenesis (direct)',
    reference: 'no citation given in the review',
  }),
  mention('mir-21', [], {
    cancerType: NS,
    targetCells: 'Endothelial cells',
    regulation: 'STAT3',
    step: 'Step 2: angiogenesis (direct)',
    reference: 'Liu and Cao et al., 2016',
  }),
  mention('lncrna-ccat2', [], ANGIO_NCRNA),
  mention('lncrna-malat1', [], ANGIO_NCRNA),
  mention('lncrna-p21', [], ANGIO_NCRNA),
  mention('lncrna-pou3f3', [], ANGIO_NCRNA),
  mention('circrna-100338', [], ANGIO_NCRNA),
  mention('vegf', [], ANGIO_PROTEINS, { name: 'VEGF', class: 'protein' }),
  mention('igfbp3', [], ANGIO_PROTEINS, { name: 'IGFBP3', class: 'protein' }),
  mention('mmp2', [], ANGIO_PROTEINS, { name: 'MMP2', class: 'protein' }),
  mention('icam-1', [], ANGIO_PROTEINS, { name: 'ICAM-1', class: 'protein' }),
  mention('il-8', [], ANGIO_PROTEINS),
  // --- Step 3: immune suppression ---
  mention('pd-l1', ['melanoma'], {
    cancerType: 'Metastatic melanoma',
    targetCells: 'CD8+ T cells',
    regulation: 'PD-1 binding inactivates T cells',
    step: 'Step 3: immunosuppressive',
    reference: 'Chen et al., 2018',
  }),
  mention(
    'prolyl-hydroxylase',
    [],
    {
      cancerType: NS,
      targetCells: 'CD4+ and CD8+ T cells',
      regulation: 'oxygen sensing',
      step: 'Step 3: immunosuppressive',
      reference: 'Clever et al., 2016',
    },
    { name: 'Prolyl hydroxylase', class: 'protein' },
  ),
  mention('tgf-b', [], {
    cancerType: NS,
    targetCells: 'NK cells',
    regulation: 'TGFβ/TGFβRI/II pathway (and adenosine pathway)',
    step: 'Step 3: immunosuppressive',
    reference: 'Hong et al., 2017',
  }),
  mention(
    'hmgb1',
    [],
    {
      cancerType: NS,
      targetCells: 'TIM-1+ B cells',
      regulation: 'proliferation of TIM-1+ B cells; immune evasion',
      step: 'Step 3: immunosuppressive',
      reference: 'Ye et al., 2018',
    },
    {
      name: 'HMGB1',
      class: 'protein',
      note: 'Also the reading of Table 2 HCC row printed "TIM11 B cells" (same reference, Ye et al. 2018).',
    },
  ),
  // --- Step 3: platelet activation by CTC-released mediators ---
  mention('hmgb1', [], PLATELET_MEDIATORS),
  mention('adp', [], PLATELET_MEDIATORS, {
    name: 'ADP',
    class: 'other',
    note: 'Adenosine diphosphate: named as a soluble mediator CTCs release, not stated to be exosomal.',
  }),
  mention('thromboxane-a2', [], PLATELET_MEDIATORS, {
    name: 'Thromboxane A2',
    class: 'other',
    note: 'TXA2: named as a soluble mediator CTCs release, not stated to be exosomal.',
  }),
  // --- Step 4: exosomal integrins choose the organ (tumour types not named in the review) ---
  mention(
    'itga6b4',
    [],
    {
      cancerType: NS,
      targetCells: 'Organ-resident cells (lung)',
      regulation: 'Src phosphorylation and pro-inflammatory S100 expression',
      step: 'Step 4: organotropism (lung)',
      reference: INTEGRIN_ORGANOTROPISM,
    },
    { name: 'α6β4', class: 'integrin', note: 'Exosomal integrin α6β4.' },
  ),
  mention(
    'itga6b1',
    [],
    {
      cancerType: NS,
      targetCells: 'Organ-resident cells (lung)',
      regulation: 'Src phosphorylation and pro-inflammatory S100 expression',
      step: 'Step 4: organotropism (lung)',
      reference: INTEGRIN_ORGANOTROPISM,
    },
    { name: 'α6β1', class: 'integrin', note: 'Exosomal integrin α6β1.' },
  ),
  mention(
    'itgavb5',
    [],
    {
      cancerType: NS,
      targetCells: 'Organ-resident cells (liver)',
      regulation: 'Src phosphorylation and pro-inflammatory S100 expression',
      step: 'Step 4: organotropism (liver)',
      reference: INTEGRIN_ORGANOTROPISM,
    },
    { name: 'αvβ5', class: 'integrin', note: 'Exosomal integrin αvβ5.' },
  ),
  // --- Step 5: pre-metastatic niche ---
  mention(
    'emmprin',
    [],
    {
      cancerType: NS,
      targetCells: 'Bone marrow-derived cells (recruited to liver and lungs)',
      regulation: 'SDF and VEGF secretion',
      step: 'Step 5: pre-metastatic niche',
      reference: 'Y. Chen et al., 2015; Minciacchi et al., 2015',
    },
    {
      name: 'EMMPRIN',
      class: 'protein',
      note: 'Extracellular matrix metalloproteinase inducer; the review places it in cancer cells, not explicitly in exosomes.',
    },
  ),
  mention(
    'mir-105',
    ['breast'],
    {
      cancerType: 'Metastatic breast cancer',
      targetCells: 'Endothelial cells',
      regulation: 'tight junctions between endothelial cells reduced; systemic vascular leakage',
      step: 'Step 5: pre-metastatic niche (vascular change)',
      reference: 'Kong et al., 2019',
    },
    { name: 'miR-105', class: 'miRNA' },
  ),
  mention('mir-122', ['breast'], {
    cancerType: 'Breast cancer',
    targetCells: 'Niche cells',
    regulation: 'pyruvate kinase; lower glucose consumption',
    step: 'Step 5: pre-metastatic niche (metabolic)',
    reference: 'Fong et al., 2015',
  }),
  mention('mif', ['pancreatic'], {
    cancerType: 'Pancreatic cancer',
    targetCells: 'Liver macrophages (Kupffer cells)',
    regulation: 'macrophage recruitment; liver pre-metastatic niche',
    step: 'Step 5: pre-metastatic niche (liver)',
    reference: 'Costa-Silva et al., 2015',
  }),
];
