import { EFFECTS, getCargo, type CargoEntry, type CascadeStep } from '../catalog/index';

/** A cited source and the cargo of the run it supports for a step. */
export interface StepReference {
  reference: string;
  cargo: string[];
}

/** The steps a cargo acts in, from its effects (a cargo with effects in two steps belongs to both). */
export function stepsOfCargo(entry: CargoEntry): CascadeStep[] {
  return [...new Set(entry.effects.map((e) => EFFECTS[e.effect].step))].sort();
}

/**
 * The review's references behind the rules at work in a step: the evidence of every packaged
 * cargo that carries one of the step's effects, one line per citation with the cargo it backs.
 */
export function referencesForStep(step: CascadeStep, cargoIds: readonly string[]): StepReference[] {
  const byRef = new Map<string, Set<string>>();
  for (const id of cargoIds) {
    const entry = getCargo(id);
    if (!entry || !stepsOfCargo(entry).includes(step)) continue;
    for (const ev of entry.evidence) {
      const ref = ev.reference.trim();
      if (!ref) continue;
      if (!byRef.has(ref)) byRef.set(ref, new Set());
      byRef.get(ref)!.add(entry.name);
    }
  }
  return [...byRef.entries()]
    .map(([reference, cargo]) => ({ reference, cargo: [...cargo].sort() }))
    .sort((a, b) => a.reference.localeCompare(b.reference));
}
