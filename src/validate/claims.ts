/**
 * A behaviour the review reports that the simulation must reproduce from mechanisms: with the
 * what-if applied, `metric` moves in `direction` relative to the baseline, over an ensemble of
 * seeds (paired by seed, so common random numbers cancel shared noise).
 */
export interface Claim {
  id: string;
  /** The finding, in a sentence, with its source. */
  statement: string;
  /** Scenario preset id (scenarios/<id>.json). */
  scenario: string;
  /** What-ifs of the intervention arm. */
  whatIfs: string[];
  /** Run length in ticks: long enough for metastases to be counted (~33 simulated days). */
  ticks: number;
  /** Each check: the metric and the direction it must move in the intervention arm. */
  checks: { metric: string; direction: 'lower' | 'higher' }[];
}

/** The behaviours issue 3 asks to emerge (Hoshino et al. 2015; Costa-Silva et al. 2015; Chen et al. 2018). */
export const CLAIMS: readonly Claim[] = [
  {
    id: 'itga6b4-lung',
    statement: 'Exosomal integrin α6β4 primes the lung; knocking it out lowers lung niche and lung metastasis (Hoshino et al., 2015).',
    scenario: 'breast',
    whatIfs: ['ko:itga6b4'],
    ticks: 400,
    checks: [{ metric: 'exosomes.uptake.lung', direction: 'lower' }, { metric: 'niche.lung', direction: 'lower' }, { metric: 'metastases.lung', direction: 'lower' }],
  },
  {
    id: 'itgavb5-liver',
    statement: 'Exosomal integrin αvβ5 primes the liver; knocking it out lowers liver niche and liver metastasis (Hoshino et al., 2015).',
    scenario: 'pancreatic',
    whatIfs: ['ko:itgavb5'],
    ticks: 400,
    checks: [{ metric: 'exosomes.uptake.liver', direction: 'lower' }, { metric: 'niche.liver', direction: 'lower' }, { metric: 'metastases.liver', direction: 'lower' }],
  },
  {
    id: 'mif-liver',
    statement: 'Pancreatic exosomal MIF educates Kupffer cells and builds the liver niche; knocking it out lowers the niche and liver metastasis (Costa-Silva et al., 2015).',
    scenario: 'pancreatic',
    whatIfs: ['ko:mif'],
    ticks: 400,
    checks: [{ metric: 'niche.liver', direction: 'lower' }, { metric: 'metastases.liver', direction: 'lower' }],
  },
  {
    id: 'pd-l1-tcells',
    statement: 'Exosomal PD-L1 exhausts CD8 T cells; knocking it out lowers exhaustion, raises T-cell killing and lowers metastasis (Chen et al., 2018).',
    scenario: 'melanoma',
    whatIfs: ['ko:pd-l1'],
    ticks: 400,
    checks: [{ metric: 'tcells.exhausted', direction: 'lower' }, { metric: 'ctc.killed.t', direction: 'higher' }, { metric: 'metastases.total', direction: 'lower' }],
  },
];
