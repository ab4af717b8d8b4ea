import { getCargo } from '../catalog/index';
import { parseWhatIf, WhatIfSyntaxError, type WhatIfInput } from '../scenario/whatif';
import { fmt } from './format';
import { BASELINE } from './grid';
import { hoursToDays, isTimeToEvent, metricInSentence } from './metric-words';
import { excludesZero } from './stats';
import type { Summary } from './summary';

// An experiment's result in one plain sentence, for people who are not statisticians: what the
// what-if did to the metric it is about, in how many seeds, from what to what on average, and
// whether that could be chance. The report (report-html.ts) and the page's "How sure?" answer
// both use it, so they say the same thing from the same summary.

const POPULATIONS: Record<string, string> = {
  platelets: 'platelets', nk: 'NK cells', cd8: 'CD8 T cells', macrophages: 'macrophages', bcells: 'B cells',
};

function cargoName(id: string): string {
  return getCargo(id)?.name ?? id;
}

function percent(fraction: number): string {
  return `${fmt(fraction * 100)}%`;
}

function when(w: { at: { ticks: number } | { hours: number } }): string {
  return 'ticks' in w.at ? `tick ${w.at.ticks}` : `hour ${fmt(w.at.hours)}`;
}

function phraseOf(w: WhatIfInput): string {
  switch (w.op) {
    case 'ko':
      return `knocking out ${cargoName(w.cargo)}`;
    case 'ki':
      return `knocking in ${cargoName(w.cargo)}`;
    case 'dose':
      return w.scale === 0 ? `knocking out ${cargoName(w.cargo)}` : `setting the dose of ${cargoName(w.cargo)} to ×${fmt(w.scale)}`;
    case 'deplete':
      return `depleting ${w.fraction === 1 ? '' : `${percent(w.fraction)} of `}${POPULATIONS[w.population] ?? w.population} from ${when(w)}`;
    case 'block-secretion':
      return `blocking ${percent(w.fraction)} of exosome secretion from ${when(w)}`;
    case 'block':
      return `blocking ${w.fraction === 1 ? '' : `${percent(w.fraction)} of `}the effect ${w.effect} from ${when(w)}`;
  }
}

/** What-ifs in words: "knocking out MIF", "depleting NK cells from tick 0 and knocking in αvβ5". */
export function whatIfPhrase(whatIfs: readonly string[]): string {
  const parts = whatIfs.map((text) => {
    try {
      return phraseOf(parseWhatIf(text));
    } catch (err) {
      if (err instanceof WhatIfSyntaxError) return text;
      throw err;
    }
  });
  if (parts.length === 0) return 'changing nothing';
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** A value of a metric for a sentence: days for a time to an event, else the number. */
function value(metric: string, v: number | null): string {
  if (v === null) return '—';
  return isTimeToEvent(metric) ? `day ${fmt(hoursToDays(v))}` : fmt(v);
}

function interval(metric: string, ci: [number, number] | null): string {
  if (!ci) return '';
  const f = (v: number) => (isTimeToEvent(metric) ? `${fmt(hoursToDays(v))} days` : fmt(v));
  return `${f(ci[0])} to ${f(ci[1])}`;
}

/**
 * One sentence on what `arm` did to `metric` against the baseline, from a summary: "Knocking out
 * MIF lowered liver metastases in 8 of 10 seeds, 2.3 → 0.7 on average; unlikely to be chance (the
 * 95% interval of the change by seed, −2.4 to −0.8, excludes no change)." For a time to an event,
 * only seeds where both arms reached it are compared, and runs that did not are counted.
 */
export function effectSentence(s: Summary, arm: string, metric: string): string {
  const info = s.arms.find((a) => a.name === arm);
  const e = s.effects[arm]?.[metric];
  if (!info || !e) return '';
  const time = isTimeToEvent(metric);
  const what = whatIfPhrase(info.whatIfs);
  const subject = what[0].toUpperCase() + what.slice(1);
  const thing = time ? 'the first metastasis' : metricInSentence(metric);
  const { lower, same, higher } = e.direction;
  const n = lower + same + higher;
  const seeds = time ? `${n === 1 ? 'seed' : 'seeds'} where both had one` : n === 1 ? 'seed' : 'seeds';
  const base = value(metric, e.baselineMean);
  const mine = value(metric, e.armMean);
  const d = e.paired.mean ?? 0;
  let head: string;
  if (n === 0) head = `${subject}: no seed where both arms reached ${thing}`;
  else if (lower === 0 && higher === 0) head = `${subject} did not change ${thing} in any of ${n} ${seeds} (${base} on average)`;
  else if (d === 0) head = `${subject} left ${thing} unchanged on average (${base}), lower in ${lower} and higher in ${higher} of ${n} ${seeds}`;
  else {
    const up = d > 0;
    const verb = time ? (up ? 'delayed' : 'brought forward') : up ? 'raised' : 'lowered';
    head = `${subject} ${verb} ${thing} in ${up ? higher : lower} of ${n} ${seeds}, ${base} → ${mine} on average`;
  }
  let chance = '';
  const moved = lower > 0 || higher > 0;
  if (moved && n > 0) {
    if (e.paired.ci === null) chance = '; too few seeds to tell an effect from chance';
    else if (excludesZero(e.paired.ci)) chance = `; unlikely to be chance (the 95% interval of the change by seed, ${interval(metric, e.paired.ci)}, excludes no change)`;
    else chance = `; could be chance (the 95% interval of the change by seed, ${interval(metric, e.paired.ci)}, includes no change)`;
  }
  let censored = '';
  if (time) {
    const cb = s.censored[BASELINE]?.[metric];
    const ca = s.censored[arm]?.[metric];
    if (cb && ca && (cb.notReached || ca.notReached)) {
      censored = `; no metastasis by the end in ${cb.notReached} of ${cb.n} baseline runs and ${ca.notReached} of ${ca.n} with the what-if`;
    }
  }
  return `${head}${chance}${censored}.`;
}

/** How to read a 95% interval, in words (the report and the page say it the same way). */
export const INTERVAL_WORDS =
  'Each number comes with a 95% interval: run the same experiment with other seeds many times, and intervals made this way contain the true average 95 times in 100. ' +
  'A change whose interval lies wholly above or below zero is unlikely to be chance; one whose interval includes zero could be. ' +
  'Paired by seed means each what-if run is compared with the baseline run of the same seed, which shares its random numbers, so most run-to-run noise cancels.';
