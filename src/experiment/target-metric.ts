import { getCargo } from '../catalog/index';
import { parseWhatIf, WhatIfSyntaxError } from '../scenario/whatif';

// Which outcome a what-if is about: the metastases of the organ its cargo acts on (a liver
// niche cargo such as MIF → liver metastases; a lung integrin → lung metastases), else all
// metastases. Reports and the page's "How sure?" answer lead with it.

/** Weight per organ that a list of what-ifs targets through the organ weights of its cargo's effects. */
export function targetOrgans(whatIfs: readonly string[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const text of whatIfs) {
    let cargo: string | null = null;
    try {
      const w = parseWhatIf(text);
      if (w.op === 'ko' || w.op === 'ki' || w.op === 'dose') cargo = w.cargo;
    } catch (err) {
      if (!(err instanceof WhatIfSyntaxError)) throw err;
    }
    const entry = cargo ? getCargo(cargo) : undefined;
    for (const e of entry?.effects ?? []) {
      for (const [organ, weight] of Object.entries(e.organs ?? {})) {
        weights.set(organ, (weights.get(organ) ?? 0) + Math.abs(e.strength) * (weight ?? 0));
      }
    }
  }
  return weights;
}

/**
 * The metric a what-if list is about, among `metricNames`: `metastases.<organ>` for the organ
 * its cargo weighs most (the first named on a tie), else `metastases.total`; null when the
 * engine has neither.
 */
export function targetMetric(whatIfs: readonly string[], metricNames: readonly string[]): string | null {
  let best: string | null = null;
  let bestWeight = 0;
  for (const [organ, weight] of targetOrgans(whatIfs)) {
    if (weight > bestWeight && metricNames.includes(`metastases.${organ}`)) {
      best = organ;
      bestWeight = weight;
    }
  }
  if (best) return `metastases.${best}`;
  return metricNames.includes('metastases.total') ? 'metastases.total' : null;
}
