import type { RngStream } from '../core/rng';
import { effectIndex } from './cargo-tables';
import { DEPLETABLE } from './depletable';
import type { EffectId } from '../catalog/effects';
import { ImmuneType } from './kinds';
import type { World } from './world';

const IMMUNE_OF: Record<string, number> = {
  nk: ImmuneType.nk, cd8: ImmuneType.cd8, macrophages: ImmuneType.macrophage, bcells: ImmuneType.bcell,
};

/**
 * Applies the what-ifs scheduled for this tick, before any module runs: secretion blocks,
 * effect blocks (e.g. anti-PD-L1 as `block:tcell.suppress`), and depletions, which remove each
 * member of the population with probability `fraction` and keep recruitment reduced afterwards
 * (modules that recruit read `world.interventions.depletion`).
 */
export function applyScheduledWhatIfs(world: World, tick: number, rng: RngStream): void {
  for (const w of world.config.whatIfs) {
    if (!('tick' in w) || w.tick !== tick) continue;
    if (w.op === 'block-secretion') world.interventions.secretionScale = 1 - w.fraction;
    else if (w.op === 'block') world.cargo.effectScale[effectIndex(w.effect as EffectId)] = 1 - w.fraction;
    else if (w.op === 'deplete') {
      world.interventions.depletion[DEPLETABLE.indexOf(w.population)] = w.fraction;
      if (w.population === 'platelets') {
        const p = world.pools.platelet;
        for (let i = 0; i < p.count; i++) if (rng.uniform() < w.fraction) p.stageRemove(i);
        p.commit();
      } else {
        const type = IMMUNE_OF[w.population];
        const im = world.pools.immune;
        for (let i = 0; i < im.count; i++) if (im.cols.type[i] === type && rng.uniform() < w.fraction) im.stageRemove(i);
        im.commit();
      }
    }
  }
}
