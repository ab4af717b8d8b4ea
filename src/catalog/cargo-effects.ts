/**
 * The effects of every catalog entry, read by hand from its Table 2 rows and prose passages
 * (no keyword guessing). Data only; the builder (build-catalog.ts) checks it against the rows.
 */
import type { EffectId } from './effects';
import type { OrganId } from './organs';
import type { CargoEffect } from './types';

/** The effects of one entry, with the reason when the mapping is not read straight off the row. */
export interface EffectSpec {
  effects: CargoEffect[];
  why?: string;
}

function e(effect: EffectId, strength = 1, organs?: Partial<Record<OrganId, number>>): CargoEffect {
  return organs ? { effect, strength, organs } : { effect, strength };
}

/** An effect the evidence does not state: the model's reading, with the reason (see CargoEffect.assumption). */
function assumed(why: string, effect: EffectId, strength = 1, organs?: Partial<Record<OrganId, number>>): CargoEffect {
  return { ...e(effect, strength, organs), assumption: why };
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
 *   tcell.apoptosis, a checkpoint ligand whose receptor is on T cells (PD-L1 → PD-1) → also
 *   tcell.checkpoint, 'platelet activation' → platelet.activate;
 * - step 4 → homing with organ weights where the source names organs, otherwise the
 *   organ-agnostic adhesion.endothelium;
 * - 'tumor growth' on tumour cells → growth.proliferate; 'MET' → met.transition;
 *   'TASCs' and step 5 on CAFs → tasc.convert; step 5 on organ-resident or stromal cells →
 *   niche.prime (with organs when the cells are organ-resident);
 * - 'Enhance metastases' → invasion.boost; 'Decrease metastases' → invasion.suppress and
 *   'decrease the growth' → growth.suppress, both with POSITIVE strength (see effects.ts);
 * - target cells 'CAFs' or fibroblasts of the primary → caf.activate; bone-marrow-derived cells
 *   recruited or educated → bmdc.recruit.
 * Magnitudes are 1 unless a reason for less is given. An effect that none of the entry's
 * evidence states is written with `assumed(why, …)`: shown as an assumption, and a scenario
 * can leave assumptions out (`assumedEffects: false`).
 */
export const CARGO_EFFECTS: Readonly<Record<string, EffectSpec>> = {
  // --- from Table 2 (and prose where noted) ---
  'tgf-b': {
    effects: [e('nk.suppress'), e('ecm.degrade'), e('emt.induce'), e('caf.activate')],
    why: 'NK rows (AML); mesothelioma row on fibroblasts (cell–matrix relationship) → ecm.degrade and fibroblast activation; prose lists it as an EMT driver.',
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
    effects: [e('tcell.suppress'), assumed('the row is step 3 on microglia; a brain niche is extrapolated from the cells being brain-resident', 'niche.prime', 0.5, { brain: 1 })],
    why: 'Step 3 on microglia: the vocabulary models local immunosuppression as T-cell suppression.',
  },
  'caveolin-1': {
    effects: [e('emt.induce'), e('invasion.boost')],
    why: 'Glioblastoma row and prose: EMT; breast row: enhance metastases.',
  },
  'mir-193b': { effects: [e('invasion.boost')] },
  cemip: {
    effects: [
      e('angio.sprout'), e('niche.prime', 1, { brain: 1 }),
      assumed('the row names brain endothelial and microglial cells as targets, which the exosomes must reach: uptake in the brain is implied, not stated', 'homing', 1, { brain: 1 }),
    ],
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
    effects: [e('invasion.boost'), e('adhesion.endothelium')],
    why: 'Step 1 row (liver, invasion); its step 4 row (TIMP2) names no organ → organ-agnostic adhesion, not homing.',
  },
  'mir-210': { effects: [e('angio.sprout')] },
  'mir-1910-3p': { effects: [e('invasion.boost')] },
  'mir-146a': { effects: [e('tasc.convert'), e('caf.activate')], why: 'Step 5 on CAFs: CAF activation and stromal reprogramming → TASC conversion.' },
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
    effects: [e('growth.proliferate'), e('angio.sprout'), e('caf.activate')],
    why: 'Colon row: bare step 5 on cancer cells; melanoma row on CAFs and prose: angiogenesis.',
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
    effects: [e('caf.activate'), e('ecm.degrade')],
    why: 'Table 2: EMT via CAFs (the cargo acts on the fibroblasts, which drive EMT); prose: reshapes the ECM.',
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
    effects: [e('bmdc.recruit')],
    why: 'Step 5 on BM progenitor cells (Peinado et al. 2012): educated bone-marrow progenitors are mobilised to niches, organ not named → every primed organ.',
  },
  'pd-l1': {
    effects: [e('tcell.suppress'), e('tcell.checkpoint')],
    why: 'T cells via PD-1: exosomal PD-L1 suppresses them (tcell.suppress); the review\'s step-3 prose has PD-L1 bind PD-1 and inactivate T cells through its extracellular domain (Chen and Han 2015), and the ligand the cell packs into its exosomes sits on its own membrane too (Chen et al. 2018), where it engages PD-1 on the CD8 cell that attacks it (Juneja et al. 2017) → tcell.checkpoint.',
  },
  snrna: {
    effects: [e('tasc.convert'), e('niche.prime', 1, { lung: 1 })],
    why: 'Step 5: TASCs on lung epithelial cells (organ-resident) → also lung niche.',
  },
  cd151: {
    effects: [e('homing', 1, { lung: 1, 'lymph-node': 1 }), e('ecm.degrade')],
    why: 'Melanoma step 4: location, targets lung and lymph node; pancreatic step 1: matrix degradation.',
  },
  fas: {
    effects: [e('tcell.suppress', 0.5)],
    why: 'Step 3 on T cells; Fas is the death receptor, not its ligand: not modelled as T-cell killing, and at half strength because the review gives no mechanism by which exosomal Fas suppresses T cells.',
  },
  'mir-191': { effects: [e('emt.induce')] },
  'let-7a': { effects: [e('emt.induce')] },
  'immunomodulatory-proangiogenic-factors': {
    effects: [e('angio.sprout'), assumed('the row names no immune cell, ligand or target; T-cell suppression stands for its generic immunosuppression', 'tcell.suppress', 0.5)],
    why: 'Steps 2 and 3 with no immune cell named.',
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
    effects: [e('invasion.boost'), assumed('the row says only "enhance metastases"; its target (HUVECs) suggests endothelial leak', 'vessel.permeability')],
    why: 'Enhance metastases.',
  },
  lin28b: { effects: [e('tasc.convert'), e('caf.activate')], why: 'Step 5 on CAFs.' },
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
    effects: [e('bcell.regulatory')],
    why: 'TIM-1+ B cells (prose and HCC row). The prose has HMGB1 released by CTCs (not in exosomes) activate platelets through TLR4: that is the CTCs\' own activation of platelets in the platelet module, not an exosome effect.',
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
    effects: [e('bmdc.recruit', 1, { liver: 1, lung: 1 })],
    why: 'Recruits bone marrow-derived cells to the liver and lungs (SDF, VEGF).',
  },
  'mir-105': {
    effects: [e('vessel.permeability')],
    why: 'Cuts endothelial tight junctions: systemic vascular leakage.',
  },
};

