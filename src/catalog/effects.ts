/**
 * The closed effect vocabulary: the only way cargo talks to rule modules.
 *
 * A rule module never looks at cargo names; it reads the effects of the cargo present and scales
 * them by strength and dose. Strength convention (used throughout the catalog):
 * - strength is signed, in [-1, 1], never 0;
 * - a positive strength means "does what the meaning says" — so `invasion.suppress` and
 *   `growth.suppress` with strength +1 mean the cargo *suppresses* invasion / growth (this is how
 *   Table 2's 'Decrease metastases' rows are expressed);
 * - a negative strength reverses the meaning (e.g. `angio.sprout` at -0.5 would inhibit sprouting).
 *   The review as transcribed needs no negative strengths, but modules must honour the sign.
 */

/** Every effect id, in cascade order (step 1 → 5). */
export const EFFECT_IDS = [
  // step 1 — migration
  'emt.induce',
  'ecm.degrade',
  'invasion.boost',
  'invasion.suppress',
  'caf.activate',
  // step 2 — angiogenesis
  'angio.sprout',
  'vessel.permeability',
  'macrophage.m2',
  'lymphangiogenesis',
  // step 3 — protection of CTCs
  'tcell.suppress',
  'tcell.apoptosis',
  'tcell.checkpoint',
  'nk.suppress',
  'bcell.regulatory',
  'mdsc.expand',
  'platelet.activate',
  // step 4 — organotropism
  'homing',
  'adhesion.endothelium',
  // step 5 — niche and growth
  'niche.prime',
  'bmdc.recruit',
  'niche.kupffer',
  'niche.metabolic',
  'met.transition',
  'tasc.convert',
  'growth.proliferate',
  'growth.suppress',
] as const;

/** One effect id of the closed vocabulary. */
export type EffectId = (typeof EFFECT_IDS)[number];

/** A step of the review's five-step model (Figure 1). */
export type CascadeStep = 1 | 2 | 3 | 4 | 5;

/** Documentation of one effect: its cascade step and the simulation behaviour it drives. */
export interface EffectInfo {
  step: CascadeStep;
  meaning: string;
}

/** Step and meaning of every effect (the meaning names the simulation behaviour it drives). */
export const EFFECTS: Record<EffectId, EffectInfo> = {
  'emt.induce': {
    step: 1,
    meaning: 'Raises the EMT level of primary tumour cells (E-cadherin/ZO-1 down, N-cadherin/vimentin up), so more detach and migrate.',
  },
  'ecm.degrade': {
    step: 1,
    meaning: 'Raises the rate at which tumour-adjacent ECM density is degraded (MMPs/ADAMTS, matrix remodelling), easing invasion.',
  },
  'invasion.boost': {
    step: 1,
    meaning: 'Raises tumour-cell motility/invasiveness and intravasation probability (generic pro-migration or "enhance metastases" cargo).',
  },
  'invasion.suppress': {
    step: 1,
    meaning: 'Lowers tumour-cell motility/invasiveness and intravasation probability (cargo the review says decreases metastasis).',
  },
  'caf.activate': {
    step: 1,
    meaning: 'Activates fibroblasts of the primary stroma into cancer-associated fibroblasts (CAFs), which secrete TGF-β and VEGF and lay down matrix.',
  },
  'angio.sprout': {
    step: 2,
    meaning: 'Raises endothelial sprouting rate and VEGF-like attraction of new vessel tips toward the tumour.',
  },
  'vessel.permeability': {
    step: 2,
    meaning: 'Raises vessel-segment leakiness (tight/adherens junction loss: ZO-1, VE-cadherin), raising intravasation and extravasation.',
  },
  'macrophage.m2': {
    step: 2,
    meaning: 'Polarises/recruits macrophages toward the pro-angiogenic M2-like state that secretes VEGF and TNF-like factors.',
  },
  'lymphangiogenesis': {
    step: 2,
    meaning: 'Raises lymphatic vessel formation, opening the lymphatic route to lymph nodes.',
  },
  'tcell.suppress': {
    step: 3,
    meaning: 'Lowers CD4+/CD8+ T-cell activation and killing of CTCs (exhaustion, e.g. PD-L1/PD-1).',
  },
  'tcell.apoptosis': {
    step: 3,
    meaning: 'Kills T cells directly (e.g. FasL-induced apoptosis), shrinking the T-cell pool.',
  },
  'tcell.checkpoint': {
    step: 3,
    meaning: 'A checkpoint ligand on the tumour cell\'s own membrane (as on its exosomes, e.g. PD-L1): engages PD-1 on the CD8 cell that attacks it and lowers that cell\'s killing.',
  },
  'nk.suppress': {
    step: 3,
    meaning: 'Lowers NK-cell cytotoxicity against CTCs (e.g. NKG2D down-regulation, TGF-β signalling).',
  },
  'bcell.regulatory': {
    step: 3,
    meaning: 'Expands regulatory (e.g. TIM-1+) B cells, which dampen anti-tumour immunity.',
  },
  'mdsc.expand': {
    step: 3,
    meaning: 'Expands/activates myeloid-derived suppressor cells, which dampen T- and NK-cell killing.',
  },
  'platelet.activate': {
    step: 3,
    meaning: 'Raises platelet activation and binding to CTCs, cloaking them from NK cells and shear.',
  },
  'homing': {
    step: 4,
    meaning: 'Directs exosome uptake to organs by affinity (per-organ weights 0..1 in `organs`), and with it niche priming there.',
  },
  'adhesion.endothelium': {
    step: 4,
    meaning: 'Raises CTC arrest/adhesion to capillary endothelium in any organ (organ-agnostic step-4 effect).',
  },
  'niche.prime': {
    step: 5,
    meaning: 'Adds pre-metastatic niche level (BMDC recruitment, stromal reprogramming, ECM change) in the organs listed in `organs`, or in every organ reached when `organs` is absent.',
  },
  'bmdc.recruit': {
    step: 5,
    meaning: 'Mobilises bone-marrow-derived cells and recruits them into primed niches (the organs listed in `organs`, or every primed organ), where they support arriving tumour cells.',
  },
  'niche.kupffer': {
    step: 5,
    meaning: 'Activates liver Kupffer cells (macrophage recruitment), adding liver pre-metastatic niche level.',
  },
  'niche.metabolic': {
    step: 5,
    meaning: 'Reprogrammes niche-cell metabolism (e.g. lower glucose uptake), leaving more nutrient for arriving tumour cells; raises colonisation/survival in the listed organs.',
  },
  'met.transition': {
    step: 5,
    meaning: 'Drives mesenchymal–epithelial transition of arrested tumour cells, moving them from dormancy to proliferation.',
  },
  'tasc.convert': {
    step: 5,
    meaning: 'Converts stromal cells/fibroblasts into tumour-associated stromal cells (IL-6/IL-8 secreting), raising colony growth.',
  },
  'growth.proliferate': {
    step: 5,
    meaning: 'Raises the proliferation rate of tumour cells and colonies.',
  },
  'growth.suppress': {
    step: 5,
    meaning: 'Lowers the proliferation rate of tumour cells and colonies (cargo the review says decreases growth).',
  },
};

const EFFECT_ID_SET: ReadonlySet<string> = new Set<string>(EFFECT_IDS);

/** True when `s` is an effect id of the closed vocabulary. */
export function isEffectId(s: string): s is EffectId {
  return EFFECT_ID_SET.has(s);
}
