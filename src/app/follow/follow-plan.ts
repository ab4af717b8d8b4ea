import { EFFECTS, getCargo, type EffectId } from '../../catalog/index';
import { shedOrgan, type MetastasisEvent, type SimEvent } from '../../engine/events';
import type { LayoutVessel, WorldLayout } from '../../protocol/engine-api';
import { formatDay } from '../format';
import { killsInWords } from '../lesson/lesson-texts';

/** One stage of a followed cell's path. */
export type StageId = 'invade' | 'intravasate' | 'blood' | 'arrest' | 'extravasate' | 'dormant' | 'colony' | 'metastasis';

/** A cargo named in a stage's caption, with the evidence behind it. */
export interface CargoNote {
  id: string;
  name: string;
  /** The first reference of its evidence. */
  reference: string;
}

/** A stage: when, what it is, the caption and the cargo involved. */
export interface FollowStage {
  id: StageId;
  /** Tick the map shows for the stage: the state just after the tick in which it happened. */
  tick: number;
  title: string;
  caption: string;
  cargo: CargoNote[];
  /** The step of the review's five it belongs to. */
  step: number;
}

/** Which cargo effects act at each stage (their cargo is named in its caption). */
const STAGE_EFFECTS: Record<StageId, readonly EffectId[]> = {
  invade: ['emt.induce', 'ecm.degrade', 'invasion.boost', 'caf.activate'],
  intravasate: ['vessel.permeability', 'angio.sprout', 'macrophage.m2'],
  blood: ['nk.suppress', 'tcell.suppress', 'tcell.checkpoint', 'tcell.apoptosis', 'platelet.activate', 'mdsc.expand', 'bcell.regulatory'],
  arrest: ['homing', 'adhesion.endothelium'],
  extravasate: ['vessel.permeability', 'niche.prime', 'niche.kupffer'],
  dormant: ['met.transition', 'niche.metabolic'],
  colony: ['met.transition', 'growth.proliferate', 'tasc.convert', 'niche.metabolic'],
  metastasis: ['growth.proliferate', 'tasc.convert'],
};

/** At most this many cargo per caption (the strongest first). */
const MAX_CARGO = 4;

const ORGAN_WORDS: Record<string, string> = { lung: 'lung', liver: 'liver', bone: 'bone', brain: 'brain', 'lymph-node': 'lymph node', primary: 'primary tumour' };

function note(id: string): CargoNote | null {
  const e = getCargo(id);
  if (!e) return null;
  return { id, name: e.name, reference: e.evidence.find((ev) => ev.reference.trim())?.reference ?? '' };
}

/** The run's cargo with an effect of `effects` (for homing: weighted to `organ`), strongest first. */
export function cargoFor(cargo: readonly string[], effects: readonly EffectId[], organ: string | null): CargoNote[] {
  const scored: Array<[string, number]> = [];
  for (const id of cargo) {
    const e = getCargo(id);
    if (!e) continue;
    let score = 0;
    for (const fx of e.effects) {
      if (!effects.includes(fx.effect) || fx.strength <= 0) continue;
      const w = fx.organs ? (organ ? (fx.organs as Record<string, number | undefined>)[organ] ?? 0 : 0) : 1;
      score += fx.strength * w;
    }
    if (score > 0) scored.push([id, score]);
  }
  scored.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return scored.slice(0, MAX_CARGO).map(([id]) => note(id)).filter((n): n is CargoNote => n !== null);
}

/**
 * A route through the circulation from the primary's outlets to the capillary bed of `region`:
 * the fewest segments (breadth first over the graph's nodes). The blood's actual path is chosen
 * branch by branch at random; this is the shortest one that reaches the organ.
 */
export function routeTo(vessels: readonly LayoutVessel[], region: number): LayoutVessel[] {
  // Cells leave the primary through its venules or its lymphatic.
  const outlet = new Set(vessels.filter((v) => v.name === 'primary venules' || v.name === 'primary lymphatic').map((v) => v.from));
  const prev = new Map<number, LayoutVessel | null>();
  const queue: number[] = [];
  for (const n of outlet) {
    prev.set(n, null);
    queue.push(n);
  }
  while (queue.length) {
    const n = queue.shift()!;
    for (const v of vessels) {
      if (v.from !== n) continue;
      if (v.bedRegion === region) {
        const path: LayoutVessel[] = [v];
        for (let p = prev.get(n); p; p = prev.get(p.from)) path.unshift(p);
        return path;
      }
      if (!prev.has(v.to)) {
        prev.set(v.to, v);
        queue.push(v.to);
      }
    }
  }
  return [];
}

/** The stages of the path of the cell that founded `ev`'s colony, with captions from the run. */
export function followStages(ev: MetastasisEvent, ctx: { cargo: readonly string[]; events: readonly SimEvent[]; layout: WorldLayout }): FollowStage[] {
  const d = ev.data;
  const th = ctx.layout.tickHours;
  const day = (t: number) => formatDay(t, th);
  const organ = ORGAN_WORDS[d.arrestedIn] ?? d.arrestedIn;
  const where = ORGAN_WORDS[d.organ] ?? d.organ;
  const stages: FollowStage[] = [];
  const add = (id: StageId, tick: number, step: number, title: string, caption: string, organFor: string | null, extra: readonly string[] = []) => {
    const named = cargoFor(ctx.cargo, STAGE_EFFECTS[id], organFor);
    for (const x of extra) if (!named.some((n) => n.id === x)) { const n = note(x); if (n) named.push(n); }
    // Events record the tick in which they happened; the map shows the state after it.
    stages.push({ id, tick: tick + 1, step, title, caption, cargo: named });
  };
  // A cell a colony shed descends from one that left the primary earlier: a metastasis seeding another.
  const shedBy = shedOrgan(d);
  const source = shedBy ? ORGAN_WORDS[shedBy] ?? shedBy : null;
  // A founder shed passively (pushed into a vessel by the growing tumour) never invaded: invadedTick −1.
  const invaded = d.invadedTick >= 0;
  if (invaded) {
    add('invade', d.invadedTick, 1, 'EMT and invasion',
      `On ${day(d.invadedTick)} ${source ? 'an ancestor of the cell' : 'the cell'} turned mesenchymal and began to crawl through the matrix of the primary tumour, helped by exosome cargo that drives EMT and degrades the matrix.`, null);
  }
  const passively = 'pushed into a leaky vessel next to it by the growing tumour (passive shedding), without turning mesenchymal first';
  add('intravasate', d.leftTick, 1, 'Into the blood',
    source
      ? `On ${day(d.leftTick)} it was shed into the blood by a colony its ancestors had founded in the ${source}: a metastasis seeding another${invaded ? '' : `. The ancestor that left the primary was ${passively}`}.`
      : invaded
        ? `On ${day(d.leftTick)} it squeezed through the wall of a leaky vessel (intravasation), ${d.leftTick - d.invadedTick} ${d.leftTick - d.invadedTick === 1 ? 'tick' : 'ticks'} after it began to invade.`
        : `On ${day(d.leftTick)} it was ${passively}.`, shedBy);
  const kills = ctx.events.filter((e): e is Extract<SimEvent, { type: 'ctc-killed' }> => e.type === 'ctc-killed' && e.tick >= d.leftTick && e.tick <= d.arrestedTick);
  const hours = (d.arrestedTick - d.leftTick) * th;
  add('blood', d.leftTick, 3, 'In the circulation',
    `It rode the blood ${hours > 0 ? `for up to ${hours} hours` : 'for less than one tick'}${d.cloaked ? ', cloaked by platelets that hid it from NK cells and shear' : ', without a platelet cloak'}. ` +
    (kills.length ? `Over the same ${d.arrestedTick === d.leftTick ? 'tick' : 'ticks'}, ${kills.length} other circulating ${kills.length === 1 ? 'cell was' : 'cells were'} killed (${killsInWords(kills.map((k) => k.data))}); this one survived.`
      : 'No other circulating cell was killed meanwhile.'), null);
  add('arrest', d.arrestedTick, 4, `Arrest in the ${organ}`,
    `On ${day(d.arrestedTick)} it lodged in the capillaries of the ${organ}, whose niche level was ${d.nicheOnArrival.toFixed(3)} when it arrived; integrins on exosomes decide which organs are primed.`, d.arrestedIn);
  add('extravasate', d.extravasatedTick, 5, 'Out of the vessel',
    `On ${day(d.extravasatedTick)} it left the capillary (extravasation) into the ${organ}'s tissue.`, d.arrestedIn, d.primingCargo);
  const wait = d.foundedTick - d.extravasatedTick;
  if (wait > 1) {
    add('dormant', d.extravasatedTick + Math.floor(wait / 2), 5, 'Dormant',
      `It stayed dormant for ${((wait * th) / 24).toFixed(1)} days, until the niche let it switch back to an epithelial state (MET) and divide.`, d.arrestedIn, d.primingCargo);
  }
  add('colony', d.foundedTick, 5, `Colony #${d.colony} founded`,
    `On ${day(d.foundedTick)} it began to divide: colony #${d.colony} in the ${where}.`, d.organ, d.primingCargo);
  add('metastasis', ev.tick, 5, `Metastasis: colony #${d.colony}`,
    `On ${day(ev.tick)} colony #${d.colony} in the ${where} reached metastasis size — ${((ev.tick - d.invadedTick) * th / 24).toFixed(1)} days after its founder began to invade. Cargo that primed this ${where}'s niche: ${d.primingCargo.length ? d.primingCargo.map((id) => getCargo(id)?.name ?? id).join(', ') : 'none of the packaged cargo'}.`, d.organ, d.primingCargo);
  return stages;
}

/** The effects a stage's cargo was chosen by, in words (for the panel's tooltip). */
export function stageEffectWords(id: StageId): string {
  return STAGE_EFFECTS[id].map((e) => EFFECTS[e]?.meaning ?? e).join(' ');
}
