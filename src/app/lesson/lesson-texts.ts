import { shedOrgan, type CtcKiller, type SimEvent } from '../../engine/events';
import { fmt } from '../../experiment/format';
import { KILLER_WORDS } from '../killers';
import type { SeriesStore } from '../series-store';
import { formatDay } from '../format';
import type { LessonMoment } from './lesson-plan';

/** What a lesson text needs to know about the run. */
export interface MomentContext {
  store: SeriesStore;
  events: readonly SimEvent[];
  tickHours: number;
  organs: readonly string[];
  /** Name of a circulation segment by index. */
  vesselName(index: number): string;
}

const ORGAN_WORDS: Record<string, string> = { lung: 'lung', liver: 'liver', bone: 'bone', brain: 'brain', 'lymph-node': 'lymph node' };

function organWords(organ: string): string {
  return ORGAN_WORDS[organ] ?? organ;
}

function at(ctx: MomentContext, metric: string, tick: number): number {
  const k = ctx.store.indexOf(metric);
  return k < 0 || tick >= ctx.store.length ? NaN : ctx.store.at(k, tick);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const KILLERS_MANY: Record<CtcKiller, string> = { nk: 'NK cells', t: 'CD8 T cells', shear: 'shear stress' };

/** The kills of one tick, by killer, in words: "1 by an NK cell and 2 by shear stress". */
export function killsInWords(kills: ReadonlyArray<{ killer: CtcKiller }>): string {
  const order: CtcKiller[] = ['nk', 't', 'shear'];
  const parts = order.map((k) => [k, kills.filter((x) => x.killer === k).length] as const).filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} by ${n === 1 ? KILLER_WORDS[k] : KILLERS_MANY[k]}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * What happened at a lesson moment, with the run's own numbers, naming the actual killer of a
 * CTC. A moment's tick is a metrics row (the state after that many ticks); an event records the
 * tick in which it happened, so the events of moment t are those of tick t − 1.
 */
export function momentText(m: LessonMoment, ctx: MomentContext): string {
  const t = m.tick;
  const day = formatDay(t, ctx.tickHours);
  const v = (metric: string) => at(ctx, metric, t);
  switch (m.step) {
    case 1:
      if (m.notYet) return `By ${day} no tumour cell has invaded the stroma yet.`;
      return `On ${day} ${m.metric === 'ctc.intravasated' ? 'a tumour cell entered the blood' : 'a tumour cell began to invade the stroma'}: ` +
        `${plural(v('cells.invading'), 'cell is', 'cells are')} invading now, and ${plural(v('ctc.intravasated'), 'cell has', 'cells have')} entered the blood or lymph so far.`;
    case 2:
      if (m.notYet) return `By ${day} no new vessel has sprouted.`;
      return `On ${day} a new vessel sprouted towards the tumour (${plural(v('vessels.sprouts'), 'sprout', 'sprouts')} so far; the vessels' mean leakiness is ${fmt(v('vessels.permeability'))} on a 0–1 scale).`;
    case 3: {
      const totals = `So far: killed by NK cells ${v('ctc.killed.nk')}, by T cells ${v('ctc.killed.t')}, by shear stress ${v('ctc.killed.shear')}; ${plural(v('ctc.cloaked.total'), 'cell', 'cells')} cloaked by platelets.`;
      if (m.notYet) return `By ${day} no circulating tumour cell has been killed or cloaked. ${totals}`;
      // Events carry the tick in which they happened: the metrics row after it is t.
      const kills = ctx.events.filter((e): e is Extract<SimEvent, { type: 'ctc-killed' }> => e.type === 'ctc-killed' && e.tick === t - 1);
      const cloaks = v('ctc.cloaked.total') - (t > 0 ? at(ctx, 'ctc.cloaked.total', t - 1) : 0);
      const parts: string[] = [];
      if (kills.length === 1) {
        const k = kills[0];
        parts.push(`a circulating tumour cell was killed by ${KILLER_WORDS[k.data.killer]} in the ${ctx.vesselName(k.data.vessel)}${k.data.cloaked ? ', despite its platelet cloak' : ''}`);
      } else if (kills.length > 1) {
        parts.push(`${kills.length} circulating tumour cells were killed: ${killsInWords(kills.map((k) => k.data))}`);
      }
      if (cloaks > 0) parts.push(`platelets cloaked ${cloaks === 1 ? 'a circulating tumour cell' : `${cloaks} circulating tumour cells`}`);
      if (parts.length === 0) parts.push('a circulating tumour cell was killed');
      return `On ${day} ${parts.join(', and ')}. ${totals}`;
    }
    case 4: {
      const homed = ctx.organs.map((o) => `${organWords(o)} ${v(`exosomes.homed.${o}`)}`).join(', ');
      if (m.notYet || !m.organ) return `By ${day} no circulating cell has arrested in an organ. Exosome packets kept by each organ so far: ${homed}.`;
      return `On ${day} a circulating tumour cell arrested in the capillaries of the ${organWords(m.organ)} (${plural(v(`ctc.arrested.${m.organ}`), 'cell', 'cells')} there so far). ` +
        `Exosome packets the organs' capillary beds have kept so far: ${homed}.`;
    }
    case 5: {
      if (m.notYet || !m.organ) {
        const dormant = ctx.organs.map((o) => `${organWords(o)} ${v(`cells.dormant.${o}`)}`).join(', ');
        return `By the end of the run (${day}) no colony has reached metastasis size. Dormant cells waiting in the organs: ${dormant}.`;
      }
      const ev = ctx.events.find((e): e is Extract<SimEvent, { type: 'metastasis' }> => e.type === 'metastasis' && e.tick === t - 1 && e.data.organ === m.organ);
      const shedBy = ev ? shedOrgan(ev.data) : null;
      const story = ev ? `: colony #${ev.data.colony}, founded on ${formatDay(ev.data.foundedTick, ctx.tickHours)} by a cell that ${shedBy ? `a colony in the ${organWords(shedBy)} shed` : 'left the primary'} on ${formatDay(ev.data.leftTick, ctx.tickHours)}${ev.data.cloaked ? ' and was cloaked by platelets in the blood' : ''}` : '';
      return `On ${day} the first metastasis formed in the ${organWords(m.organ)}${story}. The ${organWords(m.organ)}'s niche level is ${fmt(v(`niche.${m.organ}`))}.`;
    }
  }
}
