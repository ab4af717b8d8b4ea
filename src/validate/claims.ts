// The review's findings as checkable claims. Each claim runs a preset at its default run length
// twice per seed — as written and with an intervention — and compares the two paired by seed
// (common random numbers cancel shared noise). An effect claim asks for a minimal effect size,
// not only a sign; a control claim asks that an intervention leaves an unrelated metric alone
// within an equivalence margin. The exact rules are in run-claims.ts and the README.

/** A step of the review's five-step model (1 migration … 5 niche and growth). */
export type ClaimStep = 1 | 2 | 3 | 4 | 5;

/** Default minimal effect: a 20% change of the baseline mean. */
export const DEFAULT_MIN_EFFECT = 0.2;
/** Default equivalence margin of a control: ±20% of the baseline mean. */
export const DEFAULT_MARGIN = 0.2;
/**
 * Paired seeds a claim runs by default: since engine 0.4.0 an unprimed organ lets few cells grow,
 * so a run holds ~10–45 metastases per organ and a 30% change needs ~40 seeds for its CI to
 * clear the 20% minimal effect (20 seeds gave CIs of ±25–35% of the mean).
 */
export const CLAIM_SEEDS = 40;

/** What every claim has. */
interface ClaimBase {
  id: string;
  /** The finding, in a sentence. */
  statement: string;
  /** Where it comes from: the review's row or section and the primary study. */
  source: string;
  /** The step of the review the intervention acts in. */
  step: ClaimStep;
  /** Scenario preset id (scenarios/<id>.json). */
  scenario: string;
  /** What-ifs of the intervention arm. */
  whatIfs: string[];
}

/** A claim that the intervention moves metrics by at least a minimal effect. */
export interface EffectClaim extends ClaimBase {
  kind: 'effect';
  checks: {
    metric: string;
    direction: 'lower' | 'higher';
    /**
     * Tests the metric per unit of this one, per seed (a share: e.g. T-cell kills per CTC that
     * left the blood), when an intervention also changes how many targets there are.
     */
    per?: string;
    /** Relative change of the mean required (default 0.2). */
    minEffect?: number;
  }[];
}

/** A claim that the intervention leaves metrics within an equivalence margin. */
export interface ControlClaim extends ClaimBase {
  kind: 'control';
  checks: {
    metric: string;
    /** Half-width of the equivalence region, relative to the baseline mean (default 0.2). */
    margin?: number;
    /**
     * 'not-lower': the claim is only that the metric does not fall by more than the margin (a
     * non-inferiority test; a rise is allowed); 'not-higher' the mirror. Omitted: unchanged either way.
     */
    side?: 'not-lower' | 'not-higher';
  }[];
}

/** One claim. */
export type Claim = EffectClaim | ControlClaim;

const HOSHINO = 'Hoshino A, Costa-Silva B, Shen TL, et al. Tumour exosome integrins determine organotropic metastasis. Nature 2015;527:329-335';
const COSTA = 'Costa-Silva B, Aiello NM, Ocean AJ, et al. Pancreatic cancer exosomes initiate pre-metastatic niche formation in the liver. Nat Cell Biol 2015;17:816-826';

/** Every claim `exocascade validate` checks, in the order it reports them. */
export const CLAIMS: readonly Claim[] = [
  {
    id: 'itga6b4-lung', kind: 'effect', step: 4, scenario: 'breast', whatIfs: ['ko:itga6b4'],
    statement: 'Exosomal integrin α6β4 sends exosomes to the lung and primes it: knocking it out lowers the exosomes the lung takes from the blood, the lung niche and lung metastasis.',
    source: `Review step 4 (organotropism); ${HOSHINO}`,
    checks: [{ metric: 'exosomes.homed.lung', direction: 'lower' }, { metric: 'niche.lung', direction: 'lower' }, { metric: 'metastases.lung', direction: 'lower' }],
  },
  {
    id: 'itgavb5-liver', kind: 'effect', step: 4, scenario: 'pancreatic', whatIfs: ['ko:itgavb5'],
    statement: 'Exosomal integrin αvβ5 sends exosomes to the liver and primes it: knocking it out lowers the exosomes the liver takes from the blood, the liver niche and liver metastasis.',
    source: `Review step 4 (organotropism); ${HOSHINO}`,
    checks: [{ metric: 'exosomes.homed.liver', direction: 'lower' }, { metric: 'niche.liver', direction: 'lower' }, { metric: 'metastases.liver', direction: 'lower' }],
  },
  {
    id: 'mif-liver', kind: 'effect', step: 5, scenario: 'pancreatic', whatIfs: ['ko:mif'],
    statement: 'Pancreatic exosomal MIF educates Kupffer cells and builds the liver niche: knocking it out lowers the liver niche and liver metastasis.',
    source: `Review step 5 (pre-metastatic niche), Table 2 pancreatic MIF row; ${COSTA}`,
    checks: [{ metric: 'niche.liver', direction: 'lower' }, { metric: 'metastases.liver', direction: 'lower' }],
  },
  {
    id: 'pd-l1-tcells', kind: 'effect', step: 3, scenario: 'melanoma', whatIfs: ['ko:pd-l1'],
    statement: 'Exosomal PD-L1 exhausts CD8 T cells and, on the tumour cell, blunts their killing: knocking it out lowers exhaustion, raises the share of circulating tumour cells T cells kill and lowers metastasis.',
    source: 'Review step 3 (immune escape), Table 2 melanoma PD-L1 row; Chen G, Huang AC, Zhang W, et al. Exosomal PD-L1 contributes to immunosuppression and is associated with anti-PD-1 response. Nature 2018;560:382-386; Juneja VR, McGuire KA, Manguso RT, et al. PD-L1 on tumor cells is sufficient for immune evasion in immunogenic tumors and inhibits CD8 T cell cytotoxicity. J Exp Med 2017;214:895-904',
    // Kills per CTC that left the blood, not their count: the knockout also lowers how many
    // cells invade and circulate (T cells kill more of them in the primary), so fewer targets
    // can hide a higher chance of being killed.
    checks: [{ metric: 'tcells.exhausted', direction: 'lower' }, { metric: 'ctc.killed.t', per: 'ctc.bloodExits', direction: 'higher' }, { metric: 'metastases.total', direction: 'lower' }],
  },
  {
    id: 'emt-cargo-invasion', kind: 'effect', step: 1, scenario: 'prostate', whatIfs: ['block:emt.induce@0=1'],
    statement: 'Exosomal cargo drives EMT in the primary tumour: blocking the EMT-inducing cargo lowers the tumour cells that enter the circulation.',
    source: 'Review step 1 (migration), Table 2 prostate EMT rows; e.g. Bhagirath D, Yang TL, Bucay N, et al. microRNA-1246 is an exosomal biomarker for aggressive prostate cancer. Cancer Res 2018;78:1833-1844 (N-cadherin and vimentin up)',
    checks: [{ metric: 'ctc.intravasated', direction: 'lower' }],
  },
  {
    id: 'mir-25-3p-vessels', kind: 'effect', step: 2, scenario: 'colorectal', whatIfs: ['ko:mir-25-3p'],
    statement: 'Colorectal exosomal miR-25-3p loosens endothelial junctions (ZO-1, occludin, claudin-5): knocking it out lowers vessel permeability.',
    source: 'Review step 2 (angiogenesis), Table 2 colon miR-25-3p row; Zeng Z, Li Y, Pan Y, et al. Cancer-derived exosomal miR-25-3p promotes pre-metastatic niche formation by inducing vascular permeability and angiogenesis. Nat Commun 2018;9:5395',
    checks: [{ metric: 'vessels.permeability', direction: 'lower' }],
  },
  {
    id: 'angio-cargo-sprouts', kind: 'effect', step: 2, scenario: 'colorectal', whatIfs: ['block:angio.sprout@0=1'],
    statement: 'Exosomal angiogenic cargo makes the endothelium sprout: blocking its action (as an anti-angiogenic would) lowers new vessel sprouts in the primary.',
    source: 'Review step 2 (angiogenesis: miR-25-3p, miR-1229, miR-21-5p… act on endothelial cells directly), Table 2 colon rows; e.g. Hu HY, Yu CH, Zhang HH, et al. Exosomal miR-1229 derived from colorectal cancer cells promotes angiogenesis by targeting HIPK2. Int J Biol Macromol 2019;132:470-477',
    checks: [{ metric: 'vessels.sprouts', direction: 'lower' }],
  },
  {
    id: 'platelets-nk', kind: 'effect', step: 3, scenario: 'breast', whatIfs: ['deplete:platelets@0'],
    statement: 'Platelets shield circulating tumour cells from NK cells: depleting platelets raises the cells NK cells kill.',
    source: 'Review step 3 (platelets); Palumbo JS, Talmage KE, Massari JV, et al. Platelets and fibrin(ogen) increase metastatic potential by impeding natural killer cell-mediated elimination of tumor cells. Blood 2005;105:178-185',
    checks: [{ metric: 'ctc.killed.nk', direction: 'higher' }],
  },
  {
    id: 'mir-770-suppresses', kind: 'effect', step: 1, scenario: 'breast', whatIfs: ['ko:mir-770'],
    statement: 'Exosomal miR-770 suppresses invasion (a "decrease metastases" row): knocking it out raises the cells entering the circulation and metastasis.',
    source: 'Review Table 2, breast miR-770 row ("Decrease metastases", STMN1); Li Y, Liang Y, Sang Y, et al. MiR-770 suppresses the chemo-resistance and metastasis of triple negative breast cancer via direct targeting of STMN1. Cell Death Dis 2018;9:14',
    checks: [{ metric: 'ctc.intravasated', direction: 'higher' }, { metric: 'metastases.total', direction: 'higher' }],
  },
  {
    id: 'mir-193a-suppresses', kind: 'effect', step: 5, scenario: 'colorectal', whatIfs: ['ko:mir-193a'],
    statement: 'Exosomal miR-193a restrains colony growth (a "decrease metastases" row): knocking it out raises metastasis.',
    source: 'Review Table 2, colon miR-193a row (decrease the growth of cells, Caprin1); Teng Y, Ren Y, Hu X, et al. MVP-mediated exosomal sorting of miR-193a promotes colon cancer progression. Nat Commun 2017;8:14448',
    checks: [{ metric: 'metastases.total', direction: 'higher' }],
  },
  {
    id: 'pkm2-bone', kind: 'effect', step: 5, scenario: 'prostate', whatIfs: ['ko:pkm2'],
    statement: 'Prostate exosomal PKM2 primes the bone marrow niche: knocking it out lowers the bone niche and bone metastasis.',
    source: 'Review step 5, Table 2 prostate PKM2 row (CXCL12); Dai J, Escara-Wilke J, Keller JM, et al. Primary prostate cancer educates bone stroma through exosomal pyruvate kinase M2 to promote bone metastasis. J Exp Med 2019;216:2883-2899',
    checks: [{ metric: 'niche.bone', direction: 'lower' }, { metric: 'metastases.bone', direction: 'lower' }],
  },
  {
    id: 'cemip-brain', kind: 'effect', step: 5, scenario: 'breast', whatIfs: ['ko:cemip'],
    statement: 'Exosomal CEMIP primes the brain vascular niche: knocking it out lowers the brain niche.',
    source: 'Review Table 2, breast CEMIP row; Rodrigues G, Hoshino A, Kenific CM, et al. Tumour exosomal CEMIP protein promotes cancer cell colonization in brain metastasis. Nat Cell Biol 2019;21:1403-1412',
    checks: [{ metric: 'niche.brain', direction: 'lower' }],
  },
  {
    id: 'itga6b4-spares-liver', kind: 'control', step: 4, scenario: 'breast', whatIfs: ['ko:itga6b4'],
    statement: 'Integrin α6β4 is lung-tropic: knocking it out does not lower liver metastasis.',
    source: `Control for itga6b4-lung; ${HOSHINO} (α6β4 directs exosomes to the lung, αvβ5 to the liver)`,
    checks: [{ metric: 'metastases.liver', side: 'not-lower' }],
  },
  {
    id: 'mif-spares-homing', kind: 'control', step: 5, scenario: 'pancreatic', whatIfs: ['ko:mif'],
    statement: 'MIF educates the Kupffer cells that take up exosomes; integrins, not MIF, decide where exosomes go: knocking it out leaves the exosomes the liver takes from the blood unchanged.',
    source: `Control for mif-liver; ${COSTA}; ${HOSHINO} (integrin αvβ5 directs pancreatic exosomes to the liver)`,
    checks: [{ metric: 'exosomes.homed.liver' }],
  },
  {
    id: 'itga6b4-spares-intravasation', kind: 'control', step: 4, scenario: 'breast', whatIfs: ['ko:itga6b4'],
    statement: 'Integrins choose where exosomes land, after tumour cells have left the primary: knocking out α6β4 leaves intravasation unchanged.',
    source: `Control: step 4 acts downstream of step 1 (review Figure 1); ${HOSHINO}`,
    checks: [{ metric: 'ctc.intravasated' }],
  },
  {
    id: 'itgavb5-spares-ecm', kind: 'control', step: 4, scenario: 'pancreatic', whatIfs: ['ko:itgavb5'],
    statement: 'A homing integrin does not degrade matrix: knocking out αvβ5 leaves ECM degradation in the primary unchanged.',
    source: `Control: step 4 cargo has no step-1 effect in the review's tables; ${HOSHINO}`,
    checks: [{ metric: 'ecm.degraded' }],
  },
];
