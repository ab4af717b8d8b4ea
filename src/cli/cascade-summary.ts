import { ORGANS } from '../world/regions';

// The human summary of `exocascade run`: the run's identity, then the five steps of the review
// (Figure 1) with the numbers that tell each one, so a reader sees the cascade, not a table.

/** What the summary needs of a finished run. */
export interface SummaryInput {
  scenario: string;
  scenarioName: string;
  seed: number;
  ticks: number;
  tickHours: number;
  stateHash: string;
  scenarioHash: string;
  engineVersion: string;
  catalogVersion: string;
  whatIfs: readonly string[];
  metrics: Readonly<Record<string, number>>;
}

const n = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1));
const pct = (v: number) => `${Math.round(v * 100)}%`;
const perOrgan = (m: Readonly<Record<string, number>>, prefix: string, fmt = n) => ORGANS.map((o) => `${o} ${fmt(m[`${prefix}.${o}`])}`).join(', ');

/** The summary lines of a run, step by step. */
export function cascadeSummary(r: SummaryInput): string[] {
  const m = r.metrics;
  const days = (r.ticks * r.tickHours) / 24;
  const first = m['time.firstMetastasis'];
  return [
    `${r.scenarioName} (${r.scenario}) — seed ${r.seed}, ${r.ticks} ticks of ${n(r.tickHours)} h (${n(days)} days)`,
    `state hash ${r.stateHash}  scenario ${r.scenarioHash}  engine ${r.engineVersion}  catalog ${r.catalogVersion}`,
    r.whatIfs.length ? `what-ifs: ${r.whatIfs.join(' ')}` : 'what-ifs: none',
    `primary tumour: ${n(m['cells.primary'])} cells; exosome packets released ${n(m['exosomes.released'])} (primary ${n(m['exosomes.released.primary'])}, CTCs ${n(m['exosomes.released.ctc'])}, colonies ${n(m['exosomes.released.colony'])})`,
    `1 migration:     EMT in ${pct(m['emt.fraction'])} of the primary, ${n(m['cells.invading'])} cells invading, CAFs ${pct(m['caf.fraction'])} (mean activation ${pct(m['caf.activation'])}), matrix degraded ${pct(m['ecm.degraded'])}; ${n(m['ctc.intravasated'])} cells entered blood or lymph`,
    `2 angiogenesis:  ${n(m['vessels.sprouts'])} sprouts in the primary (${n(m['vessels.sprouts.metastatic'])} at metastases), vessel permeability ${n(m['vessels.permeability'])}, M2 macrophages ${pct(m['macrophages.m2'])}`,
    `3 protection:    CTCs killed by NK ${n(m['ctc.killed.nk'])}, by T cells ${n(m['ctc.killed.t'])}, by shear ${n(m['ctc.killed.shear'])}; ${n(m['ctc.cloaked.total'])} cloaked by platelets; NK activation ${n(m['nk.nkg2d'])}, T cells exhausted ${n(m['tcells.exhausted'])}; CTC half-life in blood ${n(m['ctc.bloodHalfLifeHours'])} h`,
    `4 organotropism: exosomes kept by each organ: ${perOrgan(m, 'exosomes.homed')} (blood half-life ${n(m['exosomes.bloodHalfLifeMinutes'])} min); CTCs arrested: ${perOrgan(m, 'ctc.arrested')}`,
    `5 niche, growth: niche ${perOrgan(m, 'niche')}; extravasated ${perOrgan(m, 'cells.extravasated')}; dormant ${perOrgan(m, 'cells.dormant')}`,
    `                 metastases ${perOrgan(m, 'metastases')} (${n(m['metastases.total'])} in all); first after ${first < 0 ? 'none yet' : `${n(first / 24)} days`}; colony cells shed into the blood ${perOrgan(m, 'ctc.shed')}`,
  ];
}
