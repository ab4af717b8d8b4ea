import type { CascadeStep } from '../catalog/effects';

/** One choice of a lesson's "what happens next?" question. */
export interface Choice {
  text: string;
  correct: boolean;
}

/** One of the review's five steps (Figure 1), as the five-step panel and lesson mode show it. */
export interface StepDef {
  step: CascadeStep;
  title: string;
  /** One line under the title. */
  tagline: string;
  /** Plain-language explanation for a student. */
  explanation: string;
  /** Metrics counted on the card: a name matches when it starts with one of these. */
  prefixes: readonly string[];
  /** Names matching this are left off the card even if a prefix matches. */
  exclude?: RegExp;
  /** Where the map points when the step opens in the lesson and no organ is named. */
  focus: 'primary' | 'circulation' | 'organs';
  /** Agents the map shows at full strength while the step is in focus (the others are dimmed). */
  emphasis(kind: string, label: string): boolean;
  /** Asked in lesson mode when the step opens, before its explanation is shown. */
  question: { prompt: string; choices: readonly Choice[]; explain: string };
  /** One line for the lesson's closing summary. */
  takeaway: string;
}

/**
 * The five steps. The metric prefixes are the one place the app names metrics: everything else
 * (charts, exports, counters) is generic over whatever METRICS the engine reports, so new
 * metrics appear on the right card as the cascade is built.
 */
export const STEPS: readonly StepDef[] = [
  {
    step: 1,
    title: 'Migration',
    tagline: 'EMT and matrix breakdown let cells leave the tumour',
    explanation:
      'Exosomes from the tumour carry microRNAs and proteins that switch tumour cells from a tightly joined, epithelial state to a loose, mobile, mesenchymal one (EMT: E-cadherin and ZO-1 go down, N-cadherin and vimentin go up). Other cargo and enzymes (MMPs, ADAMTS) break down the extracellular matrix, so mesenchymal cells can crawl through it and squeeze into a vessel (intravasation).',
    prefixes: ['emt.', 'ecm.', 'cells.invading', 'ctc.intravasated'],
    focus: 'primary',
    emphasis: (kind, label) => (kind === 'tumour' && /^(primary|invading)/.test(label)) || (kind === 'exosome' && label.startsWith('tumour')),
    takeaway: 'Exosome cargo makes tumour cells mesenchymal and clears the matrix, so they invade and enter vessels.',
    question: {
      prompt: 'A tumour cell has just turned mesenchymal and started to invade. What do you expect it to do next?',
      choices: [
        { text: 'Stay put and divide faster', correct: false },
        { text: 'Move through the degraded matrix towards a vessel and enter the blood', correct: true },
        { text: 'Travel straight to the liver through the tissue', correct: false },
      ],
      explain: 'Mesenchymal cells are motile: they invade the matrix the exosomes helped degrade and intravasate into leaky vessels. Watch for invading (orange) cells and the intravasation counter.',
    },
  },
  {
    step: 2,
    title: 'Angiogenesis',
    tagline: 'New, leaky vessels grow towards the tumour',
    explanation:
      'Exosomal cargo acts on endothelial cells directly (e.g. miR-25-3p, miR-130a, VEGF) and indirectly through macrophages that it pushes into a pro-angiogenic M2 state (miR-103 → VEGF-A). Vessel tips sprout towards VEGF. Cargo such as miR-105 loosens the junctions between endothelial cells (ZO-1, VE-cadherin), so the new vessels leak — which makes it easier for tumour cells to get in, and later out.',
    prefixes: ['vessels.', 'macrophages.'],
    focus: 'primary',
    emphasis: (kind, label) => (kind === 'immune' && label.startsWith('macrophage')) || (kind === 'tumour' && label.startsWith('invading')),
    takeaway: 'Cargo makes new, leaky vessels grow towards the tumour, opening the way into the blood.',
    question: {
      prompt: 'A new vessel is sprouting towards the tumour. What changes for the tumour cells?',
      choices: [
        { text: 'Nothing: vessels only bring oxygen', correct: false },
        { text: 'Leaky new vessels give mesenchymal cells an easier way into the circulation', correct: true },
        { text: 'The vessel will attack the tumour cells', correct: false },
      ],
      explain: 'Sprouts bring the circulation close to the tumour, and their leaky walls raise intravasation. Segments are drawn redder the leakier they are.',
    },
  },
  {
    step: 3,
    title: 'Protection',
    tagline: 'Circulating tumour cells evade immune attack',
    explanation:
      'In the blood, circulating tumour cells (CTCs) meet NK cells and T cells that can kill them. Tumour exosomes blunt this attack: PD-L1 exhausts CD8 T cells (and on the tumour cell itself blunts the T cell attacking it), TGF-β and reduced NKG2D suppress NK cells, HMGB1 expands regulatory B cells, FasL kills T cells. Activated platelets coat the CTCs (a "cloak") that hides them from NK cells and shields them from shear.',
    prefixes: ['ctc.killed', 'ctc.cloaked', 'ctc.circulating', 'tcells.', 'nk.', 'bcells.'],
    focus: 'circulation',
    emphasis: (kind, label) => (kind === 'tumour' && label.startsWith('circulating')) || (kind === 'immune' && /^(nk|cd8)/.test(label)) || kind === 'platelet',
    takeaway: 'In the blood NK cells, T cells and shear kill most CTCs; platelet cloaks and immune-suppressing cargo let some through.',
    question: {
      prompt: 'Some CTCs are killed, others are cloaked by platelets. Which ones are more likely to reach an organ?',
      choices: [
        { text: 'The cloaked ones: platelets hide them from NK cells', correct: true },
        { text: 'Neither: no CTC survives the blood', correct: false },
        { text: 'It makes no difference', correct: false },
      ],
      explain: 'Only a small share of CTCs survives the circulation; platelet cloaking and exosome-suppressed immune cells raise that share. Compare the killed and cloaked counters.',
    },
  },
  {
    step: 4,
    title: 'Organotropism',
    tagline: 'Exosomal integrins choose which organ is primed',
    explanation:
      'Exosomes do not spread evenly: integrins on their surface bind particular organs (α6β4 and α6β1 → lung, αvβ5 → liver; Hoshino et al. 2015). Resident cells of that organ take them up. Circulating tumour cells arrest in the first capillary bed they reach — for most primaries that is the lung, for colorectal cancer (portal blood) it is the liver — and stick better where exosomes have primed the endothelium.',
    prefixes: ['exosomes.uptake.', 'ctc.arrested.'],
    exclude: /\.primary$/,
    focus: 'organs',
    emphasis: (kind, label) => kind === 'exosome' || (kind === 'tumour' && label.startsWith('arrested')) || (kind === 'stroma' && label.includes('educated')),
    takeaway: 'Integrins on exosomes choose which organs are primed; CTCs lodge in the first capillary bed they reach.',
    question: {
      prompt: 'A circulating cell has just lodged in an organ\'s capillaries, where tumour exosomes have been arriving for days. What have those exosomes made of the organ?',
      choices: [
        { text: 'A pre-metastatic niche that welcomes arriving tumour cells', correct: true },
        { text: 'Resistant to tumour cells', correct: false },
        { text: 'Nothing changes until tumour cells arrive', correct: false },
      ],
      explain: 'Uptake educates the organ\'s resident cells before any tumour cell arrives: the soil is prepared for the seed. Watch the organ\'s colour deepen as its niche level rises.',
    },
  },
  {
    step: 5,
    title: 'Niche and growth',
    tagline: 'Primed organs host arriving cells until they grow',
    explanation:
      'Educated organs form a pre-metastatic niche: bone-marrow-derived cells are recruited, stroma and matrix are remodelled, vessels leak (e.g. pancreatic MIF activates liver Kupffer cells; Costa-Silva et al. 2015; miR-122 lowers niche glucose use). Arrested tumour cells extravasate; where the niche is strong they switch back to an epithelial state (MET) and grow into micrometastases, elsewhere they stay dormant. Growing colonies shed cells of their own into the blood, which may seed metastases elsewhere.',
    prefixes: ['niche.', 'metastases.', 'burden.', 'cells.extravasated.', 'cells.dormant.', 'ctc.shed.', 'time.firstMetastasis'],
    focus: 'organs',
    emphasis: (kind, label) => (kind === 'tumour' && /^(arrested|extravasated|dormant|colonising)/.test(label)) || (kind === 'stroma' && label.includes('educated')) || (kind === 'immune' && label.startsWith('bmdc')),
    takeaway: 'Primed organs (the niche) let arriving cells leave the vessels and grow; elsewhere they stay dormant.',
    question: {
      prompt: 'A micrometastasis has formed. Where would you expect the next ones?',
      choices: [
        { text: 'Anywhere at random', correct: false },
        { text: 'In organs with the highest niche level, reached early by the blood', correct: true },
        { text: 'Only back in the primary tumour', correct: false },
      ],
      explain: 'Metastases follow the niche and the anatomy: organs primed by exosomes and reached first by the circulating cells collect most colonies — the organotropism of Table 1.',
    },
  },
];

/** The step whose card counts this metric, or null. */
export function stepOfMetric(name: string): StepDef | null {
  return STEPS.find((s) => s.prefixes.some((p) => name.startsWith(p)) && !s.exclude?.test(name)) ?? null;
}

/** The organ a metric name ends with (e.g. 'lung' for 'niche.lung'), or null. */
export function organOfMetric(name: string, organs: readonly string[]): string | null {
  return organs.find((o) => name.endsWith(`.${o}`)) ?? null;
}
