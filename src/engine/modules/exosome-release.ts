import { poissonLimit } from '../../core/rng';
import { REGION_PRIMARY } from '../../world/regions';
import { ExosomeSource, Stage } from '../kinds';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';

const RELEASED = metricIndex('exosomes.released');

/**
 * Tumour cells in the primary release exosome packets carrying their clone's cargo profile.
 * Each agent stands for `exosomesPerAgent` vesicles, so counts stay tractable.
 */
export const exosomeRelease = defineModule({
  id: 'exosome-release',
  doc: 'Primary tumour cells release exosomes carrying their clone’s cargo (review: Introduction, TDE biogenesis).',
  phase: 'act',
  everyTicks: 1,
  needs: { pools: ['tumour', 'exosome'], cargo: true, interventions: true },
  params: {
    packetsPerCellPerHour: {
      default: 0.6, min: 0, max: 1000, unit: 'packets per cell per hour', doc: 'exosome packets released per tumour cell',
      source: 'schematic: cancer cells release thousands of vesicles a day; one packet stands for exosomesPerAgent of them',
    },
    exosomesPerAgent: {
      default: 1000, min: 1, max: 1e9, unit: 'vesicles', integer: true, doc: 'vesicles one exosome agent stands for (reporting only)',
      source: 'schematic',
    },
    invadingMultiplier: {
      default: 1.5, min: 0, max: 100, unit: '1', doc: 'release multiplier for invading (mesenchymal) cells',
      source: 'schematic: EMT raises vesicle release in several models',
    },
  },
  step(ctx, p) {
    const t = ctx.pools.tumour;
    const tc = t.cols;
    const ex = ctx.pools.exosome;
    const clones = ctx.clones;
    const mean = p.packetsPerCellPerHour * ctx.tickHours * ctx.interventions.secretionScale;
    if (mean <= 0) return;
    // Two means per tick (primary and invading cells): their exp(−mean) once, not per cell.
    const invadingMean = mean * p.invadingMultiplier;
    const limit = poissonLimit(mean);
    const invadingLimit = poissonLimit(invadingMean);
    let released = 0;
    for (let i = 0; i < t.count; i++) {
      if (tc.region[i] !== REGION_PRIMARY) continue;
      const stage = tc.stage[i];
      if (stage !== Stage.primary && stage !== Stage.invading) continue;
      const k = stage === Stage.invading ? ctx.rng.poissonWithLimit(invadingMean, invadingLimit) : ctx.rng.poissonWithLimit(mean, limit);
      for (let j = 0; j < k; j++) {
        const r = ex.stageSpawn();
        const e = ex.cols;
        e.x[r] = tc.x[i];
        e.y[r] = tc.y[i];
        e.region[r] = REGION_PRIMARY;
        e.seg[r] = -1;
        e.profile[r] = clones[tc.clone[i]].profile;
        e.source[r] = ExosomeSource.tumour;
        e.bornTick[r] = ctx.tick;
      }
      released += k;
    }
    ctx.counters[RELEASED] += released;
  },
});
