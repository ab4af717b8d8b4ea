import { EFFECTS, getCargo, type CargoEntry, type EffectId } from '../catalog/index';
import { ORGAN_IDS } from '../catalog/organs';

/** Which agents (kind and state words of the frame legend) an effect acts on. */
const ACTS_ON: Record<EffectId, (kind: string, label: string) => boolean> = {
  'emt.induce': (k, l) => k === 'tumour' && /^(primary|invading)/.test(l),
  'ecm.degrade': (k, l) => k === 'tumour' && /^(primary|invading)/.test(l),
  'invasion.boost': (k, l) => k === 'tumour' && /^(primary|invading)/.test(l),
  'invasion.suppress': (k, l) => k === 'tumour' && /^(primary|invading)/.test(l),
  'caf.activate': (k, l) => k === 'stroma' && l.startsWith('fibroblast'),
  'angio.sprout': (k, l) => k === 'immune' && l.startsWith('macrophage'),
  'vessel.permeability': (k, l) => k === 'tumour' && l.startsWith('invading'),
  'macrophage.m2': (k, l) => k === 'immune' && l.startsWith('macrophage'),
  lymphangiogenesis: (k, l) => k === 'tumour' && l.startsWith('invading'),
  'tcell.suppress': (k, l) => k === 'immune' && l.startsWith('cd8'),
  'tcell.apoptosis': (k, l) => k === 'immune' && l.startsWith('cd8'),
  // The ligand sits on the tumour cell; it acts where a CD8 cell attacks it.
  'tcell.checkpoint': (k, l) => (k === 'immune' && l.startsWith('cd8')) || (k === 'tumour' && /^(invading|circulating|arrested|extravasated|dormant|colonising)/.test(l)),
  'nk.suppress': (k, l) => k === 'immune' && l.startsWith('nk'),
  'bcell.regulatory': (k, l) => k === 'immune' && l.startsWith('bcell'),
  'mdsc.expand': (k, l) => k === 'immune' && l.startsWith('mdsc'),
  'platelet.activate': (k, l) => k === 'platelet' || (k === 'tumour' && l.startsWith('circulating')),
  homing: (k, l) => k === 'exosome' && l.startsWith('tumour'),
  'adhesion.endothelium': (k, l) => k === 'tumour' && /^(circulating|arrested)/.test(l),
  'niche.prime': (k) => k === 'stroma',
  'bmdc.recruit': (k, l) => k === 'immune' && l.startsWith('bmdc'),
  'niche.kupffer': (k, l) => k === 'stroma' && l.startsWith('kupffer'),
  'niche.metabolic': (k) => k === 'stroma',
  'met.transition': (k, l) => k === 'tumour' && /^(extravasated|dormant|colonising)/.test(l),
  'tasc.convert': (k) => k === 'stroma',
  'growth.proliferate': (k, l) => k === 'tumour' && /^(primary|colonising)/.test(l),
  'growth.suppress': (k, l) => k === 'tumour' && /^(primary|colonising)/.test(l),
};

/** Effects that prime every organ a cargo's exosomes reach when they name no organs. */
const PRIMES_ANY = new Set<string>(['niche.prime', 'bmdc.recruit']);

/** What a traced cargo lights up: which agents, which organs, and its evidence. */
export interface Trace {
  entry: CargoEntry;
  /** Agents its effects act on. */
  actsOn(kind: string, label: string): boolean;
  /** Organs it primes (effects with organ weights, or every organ for organ-agnostic niche effects). */
  organs: string[];
  /** Its effects in words. */
  effects: Array<{ id: string; meaning: string; strength: number; assumption: string | null }>;
}

/** The trace of a catalog cargo, or null for an unknown id. */
export function traceOf(cargo: string): Trace | null {
  const entry = getCargo(cargo);
  if (!entry) return null;
  const tests = entry.effects.map((e) => ACTS_ON[e.effect]).filter(Boolean);
  const organs = new Set<string>();
  for (const e of entry.effects) {
    if (e.strength <= 0) continue;
    if (e.organs) for (const [o, w] of Object.entries(e.organs)) if ((w ?? 0) > 0) organs.add(o);
    if (!e.organs && PRIMES_ANY.has(e.effect)) for (const o of ORGAN_IDS) organs.add(o);
  }
  return {
    entry,
    actsOn: (kind, label) => tests.some((t) => t(kind, label)),
    organs: ORGAN_IDS.filter((o) => organs.has(o)),
    effects: entry.effects.map((e) => ({ id: e.effect, meaning: EFFECTS[e.effect]?.meaning ?? e.effect, strength: e.strength, assumption: e.assumption ?? null })),
  };
}
