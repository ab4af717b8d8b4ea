// Every metric in words with its unit, for people: the app's counters, charts and sentences,
// and the report's plain-language lines. Names not listed here (a metric new in the engine)
// fall back to their dot-separated name, so nothing breaks; tests/app-metric-words.test.ts
// checks that every metric of the engine has words.

/** A metric's words: a label that reads on its own, a short one for tight places, and its unit. */
export interface MetricWords {
  /** Full label, e.g. "CTCs killed by NK cells". */
  label: string;
  /** Short label for counters and table rows, e.g. "killed by NK". */
  short: string;
  /** Unit in words ("cells", "0–1", "days"…); '' for a plain count of the label's things. */
  unit: string;
  /** The organ a per-organ metric belongs to, or null. */
  organ: string | null;
}

type Words = [label: string, short: string, unit: string];

const SINGLE: Record<string, Words> = {
  'emt.fraction': ['Primary tumour cells that underwent EMT', 'cells in EMT', 'fraction 0–1'],
  'ecm.degraded': ['Extracellular matrix degraded in the primary', 'matrix degraded', 'fraction 0–1'],
  'caf.fraction': ['Fibroblasts turned cancer-associated (CAFs)', 'CAFs', 'fraction 0–1'],
  'caf.activation': ['Mean activation of fibroblasts toward CAFs', 'CAF activation', '0–1'],
  'cells.invading': ['Tumour cells invading the stroma', 'invading now', 'cells'],
  'ctc.intravasated': ['Tumour cells that entered the blood or lymph', 'entered blood', 'cells'],
  'vessels.length': ['Length of vessels in the primary', 'vessel length', 'µm'],
  'vessels.sprouts': ['New vessel sprouts in the primary', 'new sprouts', 'sprouts'],
  'vessels.sprouts.metastatic': ['New vessel sprouts in the organs', 'sprouts in organs', 'sprouts'],
  'vessels.permeability': ['Vessel leakiness in the primary (mean permeability)', 'vessel leakiness', '0–1'],
  'macrophages.m2': ['Macrophages polarised to M2', 'M2 macrophages', 'fraction 0–1'],
  'ctc.circulating': ['Circulating tumour cells (CTCs) in the blood now', 'CTCs in blood now', 'cells'],
  'ctc.killed.nk': ['CTCs killed by NK cells', 'killed by NK cells', 'cells'],
  'ctc.killed.t': ['CTCs killed by CD8 T cells', 'killed by T cells', 'cells'],
  'ctc.killed.shear': ['CTCs killed by shear stress', 'killed by shear', 'cells'],
  'organs.killed.t': ['Tumour cells killed by T cells in organs', 'killed in organs', 'cells'],
  'ctc.cloaked': ['CTCs cloaked by platelets now', 'cloaked now', 'cells'],
  'ctc.cloaked.total': ['CTCs ever cloaked by platelets', 'ever cloaked', 'cells'],
  'platelets.activated': ['Platelets activated', 'platelets activated', 'fraction 0–1'],
  'tcells.exhausted': ['CD8 T cells exhausted', 'T cells exhausted', 'cells'],
  'nk.suppressed': ['NK cells suppressed', 'NK suppressed', 'cells'],
  'nk.nkg2d': ['NK-cell activation (NKG2D)', 'NK activation', '0–1'],
  'bcells.regulatory': ['B cells turned regulatory (TIM-1+)', 'regulatory B cells', 'cells'],
  'mdsc.count': ['Myeloid-derived suppressor cells', 'MDSCs', 'cells'],
  'ctc.bloodHours': ['Hours spent in the blood by all CTCs', 'CTC hours in blood', 'h'],
  'ctc.bloodExits': ['CTCs that left the blood (arrested or died)', 'CTCs left blood', 'cells'],
  'ctc.bloodHalfLifeHours': ['Half-life of a CTC in the blood', 'CTC half-life', 'h'],
  'exosomes.released': ['Exosome packets released', 'released', 'packets'],
  'exosomes.released.primary': ['Exosome packets released by the primary tumour', 'by the primary', 'packets'],
  'exosomes.released.ctc': ['Exosome packets released by CTCs', 'by CTCs', 'packets'],
  'exosomes.released.colony': ['Exosome packets released by cells in organs', 'by colonies', 'packets'],
  'exosomes.live': ['Exosome packets present', 'packets now', 'packets'],
  'exosomes.entered': ['Exosome packets that drained into vessels', 'entered vessels', 'packets'],
  'exosomes.decayed': ['Exosome packets degraded in tissue', 'degraded', 'packets'],
  'exosomes.cleared': ['Exosome packets cleared from the blood', 'cleared', 'packets'],
  'exosomes.bloodMinutes': ['Minutes spent in the blood by all exosome packets', 'packet minutes in blood', 'min'],
  'exosomes.bloodExits': ['Exosome packets that left the blood', 'left blood', 'packets'],
  'exosomes.bloodHalfLifeMinutes': ['Half-life of an exosome in the blood', 'exosome half-life', 'min'],
  'exosomes.uptake.primary': ['Exosome packets taken up in the primary', 'uptake in primary', 'packets'],
  'ctc.arrested.systemic': ['CTCs lodged elsewhere in the body (lost)', 'lodged elsewhere', 'cells'],
  'metastases.total': ['Metastases, all organs', 'metastases, all organs', 'colonies'],
  'time.firstMetastasis': ['Time to the first metastasis', 'first metastasis', 'days'],
  'cells.primary': ['Tumour cells in the primary', 'cells in primary', 'cells'],
  'cells.born': ['Tumour-cell divisions', 'divisions', 'divisions'],
  'cells.died': ['Tumour cells that died in tissue', 'died in tissue', 'cells'],
  'field.vegf.primary': ['VEGF in the primary', 'VEGF in primary', 'a.u.'],
};

/** Per-organ families: `<prefix>.<organ>`. */
const PER_ORGAN: Record<string, Words> = {
  'exosomes.homed': ['Exosome packets kept by the capillary bed', 'kept by bed', 'packets'],
  'exosomes.uptake': ['Exosome packets taken up by cells', 'taken up', 'packets'],
  'ctc.arrested': ['CTCs arrested in the capillaries', 'CTCs arrested', 'cells'],
  'ctc.shed': ['Tumour cells its colonies shed into the blood', 'shed by colonies', 'cells'],
  niche: ['Pre-metastatic niche level', 'niche level', '0–1'],
  'bmdc.recruited': ['Bone-marrow-derived cells recruited', 'BMDCs recruited', 'cells'],
  // A soft hyphen lets the narrow organ tables break the word where a reader expects.
  'cells.extravasated': ['Tumour cells that left the vessels', 'extra\u00advasated', 'cells'],
  'cells.dormant': ['Dormant tumour cells', 'dormant', 'cells'],
  metastases: ['Metastases', 'metastases', 'colonies'],
  burden: ['Tumour cells', 'tumour cells', 'cells'],
};

/** Organ ids in words, lower case as they read in a sentence. */
const ORGAN_WORDS: Record<string, string> = { lung: 'lung', liver: 'liver', bone: 'bone', brain: 'brain', 'lymph-node': 'lymph node' };

/** The organ named by a per-organ metric's last part, or null. */
function split(name: string): { base: string; organ: string } | null {
  for (const organ of Object.keys(ORGAN_WORDS)) {
    if (name.endsWith(`.${organ}`)) return { base: name.slice(0, -organ.length - 1), organ };
  }
  return null;
}

/** A metric's words (label, short label, unit, organ); an unknown name reads as itself. */
export function metricWords(name: string): MetricWords {
  const single = SINGLE[name];
  if (single) return { label: single[0], short: single[1], unit: single[2], organ: null };
  const parts = split(name);
  const fam = parts ? PER_ORGAN[parts.base] : undefined;
  if (parts && fam) {
    const where = ORGAN_WORDS[parts.organ];
    const label = parts.base === 'metastases' ? `${where[0].toUpperCase()}${where.slice(1)} metastases`
      : parts.base === 'burden' ? `Tumour cells in the ${where}` : `${fam[0]} (${where})`;
    return { label, short: fam[1], unit: fam[2], organ: parts.organ };
  }
  return { label: name, short: name, unit: '', organ: null };
}

/** Whether words exist for a metric (else metricWords falls back to its name). */
export function hasMetricWords(name: string): boolean {
  const parts = split(name);
  return name in SINGLE || (parts !== null && parts.base in PER_ORGAN);
}

/** The metric's label in a sentence: lower-case start ("liver metastases", "CTCs killed by NK cells"). */
export function metricInSentence(name: string): string {
  const { label } = metricWords(name);
  // Keep acronyms (CTCs, NK, EMT…) as they are; lower-case an ordinary first word.
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

/** Metrics that count time until an event and hold −1 (or less) until it has happened. */
export function isTimeToEvent(name: string): boolean {
  return name.startsWith('time.');
}

/** Days from a time-to-event value in hours (the engine's unit for `time.*`). */
export function hoursToDays(hours: number): number {
  return hours / 24;
}
