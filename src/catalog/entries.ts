/**
 * Builds the cargo catalog: one entry per distinct exosome component named in Table 2 or the
 * prose, carrying every row/passage that names it as evidence and its effects from the explicit
 * per-entry table below (no keyword guessing).
 */
import { cancerTypeIdForLabel, type CancerTypeId } from './cancer-types';
import { isEffectId, type EffectId } from './effects';
import type { OrganId } from './organs';
import { PROSE_MENTIONS } from './prose';
import { TABLE2_ROWS } from './table2';
import type { CargoClass, CargoEffect, CargoEntry, Evidence } from './types';

/**
 * The stable id of a component name ("slug rule"):
 * 1. an integrin written αXβY (optionally with the word 'integrin' before or after) becomes
 *    'itg' + 'a' + X + 'b' + Y, lower-case: 'α6β4' → 'itga6b4', 'αvβ6 Integrin' → 'itgavb6';
 * 2. Greek letters are spelled with one Latin letter: α→a, β→b, γ→g, δ→d, κ→k;
 * 3. lower-case; a species prefix 'hsa-'/'mmu-' is dropped; 'mirna-'/'microrna-' and a 'mir'
 *    glued to a number become 'mir-' ('miRNA-503' → 'mir-503', 'miR92a-3p' → 'mir-92a-3p');
 *    'mir-let-' becomes 'let-' ('miR-let-7c' → 'let-7c');
 * 4. every run of other characters (spaces, '/', '_', ',', ';', brackets) becomes one '-',
 *    and leading/trailing '-' are dropped ('TGF-β' → 'tgf-b', 'circ_MMP2' → 'circ-mmp2').
 */
export function cargoSlug(component: string): string {
  const trimmed = component.trim();
  const integrin = /^(?:integrin\s*)?α([0-9a-z]+)β([0-9]+)(?:\s*integrin)?$/i.exec(trimmed);
  if (integrin) return `itga${integrin[1]}b${integrin[2]}`.toLowerCase();
  const greek: Readonly<Record<string, string>> = { α: 'a', β: 'b', γ: 'g', δ: 'd', κ: 'k' };
  return trimmed
    .replace(/[αβγδκ]/g, (ch) => greek[ch] ?? ch)
    .toLowerCase()
    .replace(/^(?:hsa|mmu)-/, '')
    .replace(/^(?:microrna|mirna)-?/, 'mir-')
    .replace(/^mir(?=\d)/, 'mir-')
    .replace(/^mir-let-/, 'let-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Name, class and optional note of a component that Table 2 names. */
interface CargoInfo {
  name: string;
  class: CargoClass;
  note?: string;
}

const mi = (name: string, note?: string): CargoInfo => ({ name, class: 'miRNA', ...(note ? { note } : {}) });
const lnc = (name: string): CargoInfo => ({ name, class: 'lncRNA' });
const circ = (name: string, note?: string): CargoInfo => ({ name, class: 'circRNA', ...(note ? { note } : {}) });
const prot = (name: string, note?: string): CargoInfo => ({ name, class: 'protein', ...(note ? { note } : {}) });

/** Name and class of every component id that Table 2 rows point to (prose-only ones are in prose.ts). */
const TABLE2_CARGO: Readonly<Record<string, CargoInfo>> = {
  'tgf-b': prot('TGF-β', "Table 2 also prints 'TGFβ/TGFβRI/II' (AML, Hong et al. 2017) for this component."),
  dpp4: prot('DPP4'),
  'mir-10b': mi('miR-10b'),
  'mir-122': mi('miR-122'),
  rn7sl1: { name: 'RN7SL1', class: 'other' },
  'mir-200c': mi('miR-200c'),
  'mir-141': mi('miR-141'),
  'mir-503': mi('miR-503', "Printed 'miRNA-503' in Table 2."),
  'caveolin-1': prot('Caveolin-1', "Printed 'caveolin 1' in the glioblastoma row."),
  'mir-193b': mi('miR-193b'),
  cemip: prot('CEMIP'),
  'mir-940': mi('miR-940', "Printed 'hsa-miR-940' in the breast cancer row."),
  'mir-126a': mi('miR-126a'),
  'mir-222': mi('miR-222'),
  'mir-130a-3p': mi('miR-130a-3p'),
  'mir-939': mi('miR-939'),
  'mir-770': mi('miR-770'),
  'mir-4443': mi('miR-4443'),
  'mir-210': mi('miR-210'),
  'mir-1910-3p': mi('miR-1910-3p'),
  'mir-146a': mi('miR-146a'),
  linc02470: lnc('LINC02470'),
  linc00960: lnc('LINC00960'),
  'mir-92a': mi('miR-92a'),
  hsp70: prot('HSP70', "Printed 'hsp 70' in the colon cancer row."),
  'kras-mutation': prot('KRAS mutation', 'Mutant KRAS.'),
  tf: prot('TF', 'Tissue factor.'),
  'mir-193a': mi('miR-193a'),
  'mir-92a-3p': mi('miR-92a-3p', "Printed 'miR92a-3p' in the pancreatic cancer row."),
  'lncrna-h19': lnc('lncRNA H19'),
  'mir-21-5p': mi('miR-21-5p'),
  'mir-155-5p': mi('miR-155-5p'),
  'mir-182-3p': mi('miR-182-3p'),
  gdf15: prot('GDF15'),
  'mcp-1': prot('MCP-1'),
  tnf: prot('TNF'),
  'mir-25-3p': mi('miR-25-3p'),
  'mir-1229': mi('miR-1229'),
  survivin: prot('Survivin'),
  'circ-pvt1': circ('circ-PVT1', "Printed 'Cicr-PVT1' in Table 2; the prose spells it circ-PVT1."),
  'mir-221-3p': mi('miR-221-3p'),
  'mir-663b': mi('miR-663b'),
  kit: prot('KIT'),
  'mir-27a': mi('miR-27a'),
  'mir-130a': mi('miR-130a'),
  'mir-135b': mi('miR-135b', "Table 2 prints the gastric row's regulation as 'FOX1'; the prose names FOXO1."),
  'egfr-viii': prot('EGFR vIII'),
  'matrix-metalloproteinases': prot('matrix metalloproteinases', 'MMPs as a group.'),
  'il-8': prot('IL-8'),
  pdgfs: prot('PDGFs'),
  l1cam: prot('L1CAM'),
  'mir-148a': mi('miR-148a'),
  'mda-9-syntenin': prot('MDA-9/Syntenin'),
  'lncrna-ccat2': lnc('LncRNA CCAT2'),
  'lncrna-pou3f3': lnc('LncRNA POU3F3'),
  'mir-584': mi('miR-584'),
  'mir-517c': mi('miR-517c', "Printed as '517c' in the cell 'miR-584, 517c, 378'."),
  'mir-378': mi('miR-378', "Printed as '378' in the cell 'miR-584, 517c, 378'."),
  'mir-1247-3p': mi('miR-1247-3p'),
  'mir-27b-3p': mi('miR-27b-3p'),
  'mir-103': mi('miR-103'),
  'mir-21': mi('miR-21'),
  smad3: prot('SMAD3'),
  loxl4: prot('LOXL4'),
  vps4a: prot('Vps4A'),
  'mir-320a': mi('miR-320a'),
  'lncrna-fal1': lnc('lncRNA FAL1'),
  'p120-catenin': prot('p120-catenin'),
  'mir-372-3p': mi('miR-372-3p'),
  'alpha-enolase': prot('Alpha-enolase'),
  'circ-mmp2': circ('circ_MMP2'),
  linc00161: lnc('Linc00161'),
  'mir-30a': mi('miR-30a'),
  s100a4: prot('S100A4'),
  'mir-1290': mi('miR-1290'),
  'circrna-100338': circ('circRNA-100338'),
  fasl: prot('FasL'),
  'mir-23a': mi('miR-23a'),
  'unspecified-exosomal-cargo-hnc': {
    name: 'Unspecified exosomal cargo (HNC)',
    class: 'other',
    note: "Table 2 prints '-' as the component of this HNC row (Ludwig et al. 2017).",
  },
  'lncrna-p21': lnc('LncRNA-p21'),
  met: prot('MET', "Printed 'MET' as a melanoma exosome component (Peinado et al. 2012); not the MET process."),
  'pd-l1': prot('PD-L1'),
  snrna: { name: 'snRNA', class: 'other' },
  cd151: prot('CD151'),
  fas: prot('Fas'),
  'mir-191': mi('miR-191'),
  'let-7a': mi('let-7a'),
  'immunomodulatory-proangiogenic-factors': { name: 'Immunomodulatory, proangiogenic factors', class: 'other' },
  upar: prot('uPAR'),
  'mir-106b-5p': mi('miR-106b-5p'),
  'mir-15a': mi('miR-15a'),
  'let-7c': mi('let-7c', "Printed 'miR-let-7c' in Table 2."),
  hif1a: prot('HIF1α', 'HIF-1α in the prose.'),
  mmp13: prot('MMP13'),
  circmyc: circ('circMYC'),
  lmp1: prot('LMP1'),
  atf2: prot('ATF2'),
  mta1: prot('MTA1'),
  'rock1-2': prot('ROCK1/2'),
  gna12: prot('GNA12'),
  epha2: prot('EPHA2'),
  coia1: prot('COIA1', 'Spelled as printed in Table 2.'),
  cd44: prot('CD44'),
  circwhsc1: circ('circWHSC1'),
  'mir-375': mi('miR-375'),
  'mir-7': mi('miR-7'),
  'mir-6780b-5p': mi('miR-6780b-5p'),
  circrna051239: circ('circRNA051239'),
  'lncrna-malat1': lnc('LncRNA MALAT1'),
  mif: prot('MIF', "Macrophage migration inhibitory factor; Table 2 spells its target 'Liver Kupfer cells'."),
  'mir-301a-3p': mi('miR-301a-3p'),
  'circ-iars': circ('circ-IARS'),
  lin28b: prot('Lin28B'),
  'mir-501-3p': mi('miR-501-3p'),
  'lncrna-sox2ot': lnc('lncRNA Sox2ot'),
  tspan8: prot('Tspan8'),
  'cd44v6-c1qbp': prot('CD44v6/C1QBP'),
  itgavb6: { name: 'αvβ6', class: 'integrin', note: "Printed 'αvβ6 Integrin' in Table 2." },
  'mir-1246': mi('miR-1246'),
  'mir-26a': mi('miR-26a'),
  pkm2: prot('PKM2'),
  psgr: prot('PSGR'),
  'tgf-b2': prot('TGF-β2'),
  'tnf-a': prot('TNF-α', "Printed 'TNF1α' in the prostate cancer row (Ramteke et al. 2015)."),
  il6: prot('IL6'),
  tsg101: prot('TSG101'),
  akt: prot('Akt'),
  ilk: prot('ILK'),
  'b-catenin': prot('β-catenin'),
};

/** The effects of one entry, with the reason when the mapping is not read straight off the row. */
export interface EffectSpec {
  effects: CargoEffect[];
  why?: string;
}

function e(effect: EffectId, strength = 1, organs?: Partial<Record<OrganId, number>>): CargoEffect {
  return organs ? { effect, strength, organs } : { effect, strength };
}

/**
 * Effects of every catalog entry, written per entry from its rows' target cells, regulation and
 * step. Reading rules (applied by hand, not in code):
 * - 'EMT' → emt.induce; 'enhance invasion ability' / bare 'Step 1' → invasion.boost;
 *   'matrix degradation' / 'relationship between tumor cells and cell matrix' → ecm.degrade;
 * - 'angiogenesis' on endothelial targets → angio.sprout; junction targets (ZO-1, VE-cadherin,
 *   tight junctions) → vessel.permeability; macrophage targets → macrophage.m2;
 *   'Lymphatic vessel formation' → lymphangiogenesis;
 * - step 3 → the suppression effect of the named immune cell (NK, T, B, MDSC), FasL → also
 *   tcell.apoptosis, 'platelet activation' → platelet.activate;
 * - step 4 → homing with organ weights where the source names organs, otherwise the
 *   organ-agnostic adhesion.endothelium;
 * - 'tumor growth' on tumour cells → growth.proliferate; 'MET' → met.transition;
 *   'TASCs' and step 5 on CAFs → tasc.convert; step 5 on organ-resident or stromal cells →
 *   niche.prime (with organs when the cells are organ-resident);
 * - 'Enhance metastases' → invasion.boost; 'Decrease metastases' → invasion.suppress and
 *   'decrease the growth' → growth.suppress, both with POSITIVE strength (see effects.ts).
 * Magnitudes are 1 unless a reason for less is given.
 */
export const CARGO_EFFECTS: Readonly<Record<string, EffectSpec>> = {
  // --- from Table 2 (and prose where noted) ---
  'tgf-b': {
    effects: [e('nk.suppress'), e('ecm.degrade'), e('emt.induce')],
    why: 'NK rows (AML); mesothelioma row on fibroblasts (cell–matrix relationship) → ecm.degrade; prose lists it as an EMT driver.',
  },
  dpp4: { effects: [e('niche.prime', 1, { bone: 1 })], why: 'Step 5 with target "Bone": bone niche.' },
  'mir-10b': { effects: [e('invasion.boost')] },
  'mir-122': {
    effects: [e('niche.metabolic', 1, { lung: 1, brain: 1 }), e('angio.sprout'), e('growth.proliferate')],
    why: 'Targets "Lung fibroblast neurons" with PKM; prose: niche cells cut glucose use (lung fibroblasts → lung, neurons → brain). Breast row says step 2 angiogenesis; HCC row tumour growth.',
  },
  rn7sl1: { effects: [e('growth.proliferate')], why: 'Bare step 5 on breast cancer cells.' },
  'mir-200c': { effects: [e('invasion.boost')] },
  'mir-141': { effects: [e('invasion.boost')] },
  'mir-503': {
    effects: [e('tcell.suppress'), e('niche.prime', 0.5, { brain: 1 })],
    why: 'Step 3 on microglia: the vocabulary models local immunosuppression as T-cell suppression; microglia are brain-resident, so a brain niche effect at half weight (the row is step 3, not a niche row).',
  },
  'caveolin-1': {
    effects: [e('emt.induce'), e('invasion.boost')],
    why: 'Glioblastoma row and prose: EMT; breast row: enhance metastases.',
  },
  'mir-193b': { effects: [e('invasion.boost')] },
  cemip: {
    effects: [e('angio.sprout'), e('niche.prime', 1, { brain: 1 })],
    why: 'Step 2 on brain endothelial and microglial cells: organ-resident brain targets → brain niche.',
  },
  'mir-940': {
    effects: [e('niche.prime', 1, { bone: 1 })],
    why: 'Both rows target osteoblastic cells (step 5 / enhance metastases): bone niche.',
  },
  'mir-126a': {
    effects: [e('angio.sprout'), e('niche.prime', 1, { lung: 1 })],
    why: 'Step 2 with target "Lung" (S100A8/A9): lung niche.',
  },
  'mir-222': { effects: [e('invasion.boost')] },
  'mir-130a-3p': { effects: [e('invasion.boost')] },
  'mir-939': {
    effects: [e('vessel.permeability')],
    why: 'Step 2 via VE-cadherin, an endothelial junction protein: permeability.',
  },
  'mir-770': { effects: [e('invasion.suppress')], why: 'Decrease metastases.' },
  'mir-4443': {
    effects: [e('invasion.boost'), e('homing', 1, { liver: 1 })],
    why: 'Step 4 row (TIMP2) gives no organ; the only organ Table 2 ties it to is liver (its step-1 row).',
  },
  'mir-210': { effects: [e('angio.sprout')] },
  'mir-1910-3p': { effects: [e('invasion.boost')] },
  'mir-146a': { effects: [e('tasc.convert')], why: 'Step 5 on CAFs: stromal reprogramming → TASC conversion.' },
  linc02470: { effects: [e('emt.induce')] },
  linc00960: { effects: [e('emt.induce')] },
  'mir-92a': { effects: [e('angio.sprout')] },
  hsp70: { effects: [e('mdsc.expand'), e('nk.suppress')], why: 'Colon row targets MDSC; melanoma row targets NK cells.' },
  'kras-mutation': { effects: [e('growth.proliferate')] },
  tf: { effects: [e('platelet.activate')] },
  'mir-193a': { effects: [e('growth.suppress')], why: 'Step 5: decrease the growth of cells.' },
  'mir-92a-3p': {
    effects: [e('emt.induce'), e('growth.proliferate')],
    why: 'Three EMT rows (colon, HCC, pancreatic) and one tumour-growth row (HCC).',
  },
  'lncrna-h19': { effects: [e('met.transition')] },
  'mir-21-5p': { effects: [e('growth.proliferate')], why: 'Bare step 5 on colon cancer cells.' },
  'mir-155-5p': {
    effects: [e('growth.proliferate'), e('angio.sprout')],
    why: 'Colon row: bare step 5 on cancer cells; melanoma row and prose: angiogenesis.',
  },
  'mir-182-3p': { effects: [e('emt.induce')] },
  gdf15: { effects: [e('angio.sprout')], why: 'Bare step 2 on HUVECs.' },
  'mcp-1': { effects: [e('macrophage.m2')] },
  tnf: { effects: [e('macrophage.m2')] },
  'mir-25-3p': {
    effects: [e('angio.sprout'), e('vessel.permeability')],
    why: 'Angiogenesis via VEGFR and loss of ZO-1/occludin/claudin5 (prose: permeability).',
  },
  'mir-1229': { effects: [e('angio.sprout')] },
  survivin: { effects: [e('growth.proliferate')] },
  'circ-pvt1': { effects: [e('emt.induce')] },
  'mir-221-3p': { effects: [e('lymphangiogenesis')] },
  'mir-663b': { effects: [e('emt.induce')] },
  kit: { effects: [e('ecm.degrade')], why: 'Tumour cell–matrix relationship via MMP1.' },
  'mir-27a': {
    effects: [e('emt.induce'), e('ecm.degrade')],
    why: 'Table 2: EMT via CAFs; prose: reshapes the ECM.',
  },
  'mir-130a': { effects: [e('angio.sprout')] },
  'mir-135b': { effects: [e('angio.sprout')] },
  'egfr-viii': { effects: [e('growth.proliferate')] },
  'matrix-metalloproteinases': {
    effects: [e('emt.induce'), e('ecm.degrade')],
    why: 'Glioblastoma EMT row; prose: ECM proteolysis.',
  },
  'il-8': { effects: [e('emt.induce'), e('angio.sprout')], why: 'Glioblastoma EMT row; prose: angiogenic protein.' },
  pdgfs: { effects: [e('emt.induce')] },
  l1cam: { effects: [e('invasion.boost')] },
  'mir-148a': { effects: [e('invasion.boost')] },
  'mda-9-syntenin': { effects: [e('invasion.boost')] },
  'lncrna-ccat2': { effects: [e('angio.sprout')] },
  'lncrna-pou3f3': { effects: [e('angio.sprout')] },
  'mir-584': { effects: [e('growth.proliferate')] },
  'mir-517c': { effects: [e('growth.proliferate')] },
  'mir-378': { effects: [e('growth.proliferate')] },
  'mir-1247-3p': { effects: [e('tasc.convert')] },
  'mir-27b-3p': { effects: [e('growth.proliferate')] },
  'mir-103': {
    effects: [e('vessel.permeability'), e('macrophage.m2'), e('angio.sprout')],
    why: 'HCC row: VE-cadherin on ECs; lung row and prose: M2 macrophages release VEGF-A.',
  },
  'mir-21': { effects: [e('invasion.boost'), e('angio.sprout')], why: 'HCC bare step 1; lung row and prose: angiogenesis.' },
  smad3: {
    effects: [e('adhesion.endothelium'), e('growth.proliferate')],
    why: 'Step 4: attach (no organ named) and step 5: tumor growth.',
  },
  loxl4: { effects: [e('angio.sprout')] },
  vps4a: { effects: [e('emt.induce')] },
  'mir-320a': { effects: [e('emt.induce'), e('tasc.convert')] },
  'lncrna-fal1': { effects: [e('invasion.boost')] },
  'p120-catenin': { effects: [e('invasion.boost')] },
  'mir-372-3p': { effects: [e('invasion.boost')] },
  'alpha-enolase': { effects: [e('invasion.boost')] },
  'circ-mmp2': {
    effects: [e('invasion.boost'), e('ecm.degrade')],
    why: 'Enhance metastases, and its regulation is MMP2, a matrix protease.',
  },
  linc00161: { effects: [e('angio.sprout')] },
  'mir-30a': { effects: [e('invasion.boost')] },
  s100a4: { effects: [e('invasion.boost')] },
  'mir-1290': { effects: [e('angio.sprout')] },
  'circrna-100338': { effects: [e('angio.sprout')] },
  fasl: {
    effects: [e('tcell.apoptosis'), e('tcell.suppress')],
    why: 'FasL on T cells: apoptosis (Jurkat row) and CD3-zeta loss (ovarian row).',
  },
  'mir-23a': {
    effects: [e('angio.sprout'), e('vessel.permeability')],
    why: 'Angiogenesis rows; lung row and prose target ZO-1.',
  },
  'unspecified-exosomal-cargo-hnc': { effects: [e('nk.suppress')] },
  'lncrna-p21': { effects: [e('angio.sprout')] },
  met: {
    effects: [e('niche.prime')],
    why: 'Step 5 on BM progenitor cells: bone-marrow-derived cells recruited to a niche, organ not named → every organ reached.',
  },
  'pd-l1': { effects: [e('tcell.suppress')] },
  snrna: {
    effects: [e('tasc.convert'), e('niche.prime', 1, { lung: 1 })],
    why: 'Step 5: TASCs on lung epithelial cells (organ-resident) → also lung niche.',
  },
  cd151: {
    effects: [e('homing', 1, { lung: 1, 'lymph-node': 1 }), e('ecm.degrade')],
    why: 'Melanoma step 4: location, targets lung and lymph node; pancreatic step 1: matrix degradation.',
  },
  fas: {
    effects: [e('tcell.suppress')],
    why: 'Step 3 on T cells; Fas is the receptor, not the ligand, so not modelled as T-cell killing.',
  },
  'mir-191': { effects: [e('emt.induce')] },
  'let-7a': { effects: [e('emt.induce')] },
  'immunomodulatory-proangiogenic-factors': {
    effects: [e('angio.sprout'), e('tcell.suppress', 0.5)],
    why: 'Steps 2 and 3 with no immune cell named: T-cell suppression stands for generic immunosuppression, at half strength because no ligand or target is characterised.',
  },
  upar: { effects: [e('angio.sprout')] },
  'mir-106b-5p': { effects: [e('met.transition')] },
  'mir-15a': { effects: [e('invasion.boost')] },
  'let-7c': {
    effects: [e('macrophage.m2'), e('angio.sprout')],
    why: 'Step text: angiogenesis by activating macrophages (target printed as ECs).',
  },
  hif1a: { effects: [e('emt.induce')], why: 'Bare step 1 (LMP1); prose lists HIF-1α as an EMT driver.' },
  mmp13: {
    effects: [e('ecm.degrade'), e('angio.sprout')],
    why: 'Bare step 1 for a matrix protease → ecm.degrade; step 2: angiogenesis.',
  },
  circmyc: { effects: [e('invasion.boost')] },
  lmp1: { effects: [e('emt.induce')] },
  atf2: { effects: [e('angio.sprout')] },
  mta1: { effects: [e('angio.sprout')] },
  'rock1-2': { effects: [e('angio.sprout')] },
  gna12: { effects: [e('niche.prime')], why: 'Bare step 5 on MSCs and ECs (stromal, organ not named).' },
  epha2: { effects: [e('niche.prime')], why: 'Bare step 5 on MSCs and ECs (stromal, organ not named).' },
  coia1: { effects: [e('niche.prime')], why: 'Bare step 5 on MSCs and ECs (stromal, organ not named).' },
  cd44: { effects: [e('invasion.boost')], why: 'Bare step 1 on peritoneal mesothelial cells (HPMCs).' },
  circwhsc1: { effects: [e('angio.sprout')], why: 'Bare step 2 (angiogenesis) on HPMCs.' },
  'mir-375': { effects: [e('invasion.boost')] },
  'mir-7': { effects: [e('invasion.suppress')], why: 'Decrease metastases.' },
  'mir-6780b-5p': { effects: [e('emt.induce')] },
  circrna051239: { effects: [e('growth.proliferate')], why: 'Bare step 5 on ovarian cancer cells.' },
  'lncrna-malat1': { effects: [e('angio.sprout')] },
  mif: {
    effects: [e('niche.kupffer', 1, { liver: 1 })],
    why: 'Liver Kupffer cells; prose: macrophage recruitment and liver pre-metastatic niche.',
  },
  'mir-301a-3p': { effects: [e('macrophage.m2')] },
  'circ-iars': {
    effects: [e('vessel.permeability')],
    why: 'Enhance metastases with an endothelial target (HUVECs) and no step: modelled as endothelial leak.',
  },
  lin28b: { effects: [e('tasc.convert')], why: 'Step 5 on CAFs.' },
  'mir-501-3p': { effects: [e('invasion.boost')] },
  'lncrna-sox2ot': { effects: [e('emt.induce')] },
  tspan8: { effects: [e('ecm.degrade')] },
  'cd44v6-c1qbp': { effects: [e('growth.proliferate')], why: 'Bare step 5 on PDAC cells.' },
  itgavb6: {
    effects: [e('adhesion.endothelium')],
    why: 'Step 4 integrin with no organ named in the review: organ-agnostic adhesion, not homing.',
  },
  'mir-1246': { effects: [e('emt.induce')] },
  'mir-26a': { effects: [e('emt.induce')] },
  pkm2: { effects: [e('niche.prime', 1, { bone: 1 })], why: 'Step 5 on BMSCs (bone marrow stromal cells): bone niche.' },
  psgr: { effects: [e('emt.induce')] },
  'tgf-b2': { effects: [e('ecm.degrade')] },
  'tnf-a': { effects: [e('ecm.degrade'), e('emt.induce')], why: 'Prostate matrix-degradation row; prose: EMT driver.' },
  il6: { effects: [e('ecm.degrade')] },
  tsg101: { effects: [e('ecm.degrade')] },
  akt: { effects: [e('ecm.degrade'), e('emt.induce')], why: 'Prostate matrix-degradation row; prose: EMT driver.' },
  ilk: { effects: [e('ecm.degrade')] },
  'b-catenin': { effects: [e('ecm.degrade'), e('emt.induce')], why: 'Prostate matrix-degradation row; prose: EMT driver.' },
  hmgb1: {
    effects: [e('bcell.regulatory'), e('platelet.activate')],
    why: 'TIM-1+ B cells (prose and HCC row); prose: CTC-released HMGB1 ligates TLR4 on platelets.',
  },
  // --- prose-only entries ---
  'mir-128-3p': { effects: [e('emt.induce')] },
  'mir-27': { effects: [e('emt.induce')] },
  'circ-cpa4': { effects: [e('emt.induce')] },
  'mir-301': { effects: [e('ecm.degrade')] },
  vegf: { effects: [e('angio.sprout')] },
  igfbp3: { effects: [e('angio.sprout')] },
  mmp2: { effects: [e('angio.sprout')] },
  'icam-1': { effects: [e('angio.sprout')] },
  'prolyl-hydroxylase': { effects: [e('tcell.suppress')] },
  adp: { effects: [e('platelet.activate')] },
  'thromboxane-a2': { effects: [e('platelet.activate')] },
  itga6b4: {
    effects: [e('homing', 1, { lung: 1 }), e('niche.prime', 1, { lung: 1 })],
    why: 'Directs metastasis to the lungs; exosomal integrins activate Src/S100 in resident cells to prime a niche.',
  },
  itga6b1: {
    effects: [e('homing', 1, { lung: 1 }), e('niche.prime', 1, { lung: 1 })],
    why: 'Directs metastasis to the lungs; exosomal integrins activate Src/S100 in resident cells to prime a niche.',
  },
  itgavb5: {
    effects: [e('homing', 1, { liver: 1 }), e('niche.prime', 1, { liver: 1 })],
    why: 'Induces liver metastasis; exosomal integrins activate Src/S100 in resident cells to prime a niche.',
  },
  emmprin: {
    effects: [e('niche.prime', 1, { liver: 1, lung: 1 })],
    why: 'Recruits bone marrow-derived cells to the liver and lungs (SDF, VEGF).',
  },
  'mir-105': {
    effects: [e('vessel.permeability')],
    why: 'Cuts endothelial tight junctions: systemic vascular leakage.',
  },
};

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
