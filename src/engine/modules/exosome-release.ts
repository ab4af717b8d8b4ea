import { poissonLimit } from '../../core/rng';
import { REGION_BLOOD, REGION_PRIMARY } from '../../world/regions';
import { ExosomeSource, Stage } from '../kinds';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';

const RELEASED = metricIndex('exosomes.released');
const FROM_PRIMARY = metricIndex('exosomes.released.primary');
const FROM_CTC = metricIndex('exosomes.released.ctc');
const FROM_COLONY = metricIndex('exosomes.released.colony');

/**
 * Tumour cells release exosome packets carrying their clone's cargo wherever they are: cells of
 * the primary into its tissue, circulating tumour cells into the blood (review, Figure 4: CTC
 * exosomes act on NK, T and B cells there), and colonising cells into the organ they grow in.
 * Each agent stands for `exosomesPerAgent` vesicles, so counts stay tractable.
 */
export const exosomeRelease = defineModule({
  id: 'exosome-release',
  doc: 'Tumour cells in the primary, in the blood and in colonies release exosomes carrying their clone’s cargo (review: Introduction; Figure 4).',
  phase: 'act',
  everyTicks: 1,
  needs: { pools: ['tumour', 'exosome'], cargo: true, interventions: true },
  params: {
    packetsPerCellPerHour: {
      default: 0.6, min: 0, max: 1000, range: [0.1, 5], unit: 'packets per cell per hour', doc: 'exosome packets released per tumour cell',
      source: 'schematic: no per-cell release rate found in stored sources; single-cell EV secretion is very heterogeneous and rises around division (droplet-array study); 0.6 packets × 1000 vesicles ≈ 14,000 vesicles per cell per day',
    },
    exosomesPerAgent: {
      default: 1000, min: 1, max: 1e9, range: [100, 10000], unit: 'vesicles', integer: true, doc: 'vesicles one exosome agent stands for (reporting only)',
      source: 'model resolution: vesicles per agent, for reporting only',
    },
    invadingMultiplier: {
      default: 1.5, min: 0, max: 100, range: [1, 5], unit: '1', doc: 'release multiplier for invading (mesenchymal) cells',
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
    // Two means per tick (invading cells and the rest): their exp(−mean) once, not per cell.
    const invadingMean = mean * p.invadingMultiplier;
    const limit = poissonLimit(mean);
    const invadingLimit = poissonLimit(invadingMean);
    let primary = 0;
    let ctc = 0;
    let colony = 0;
    for (let i = 0; i < t.count; i++) {
      const stage = tc.stage[i];
      const region = tc.region[i];
      // Arrested and dormant cells are quiescent; the rest release.
      if (stage === Stage.arrested || stage === Stage.dormant || stage === Stage.extravasated) continue;
      const k = stage === Stage.invading ? ctx.rng.poissonWithLimit(invadingMean, invadingLimit) : ctx.rng.poissonWithLimit(mean, limit);
      for (let j = 0; j < k; j++) {
        const r = ex.stageSpawn();
        const e = ex.cols;
        e.x[r] = tc.x[i];
        e.y[r] = tc.y[i];
        e.region[r] = region;
        e.seg[r] = region === REGION_BLOOD ? tc.seg[i] : -1;
        e.sUm[r] = region === REGION_BLOOD ? tc.sUm[i] : 0;
        e.profile[r] = clones[tc.clone[i]].profile;
        e.source[r] = ExosomeSource.tumour;
        e.bornTick[r] = ctx.tick;
        // Released at a uniform moment of the tick (a Poisson process's events are uniform).
        e.carryH[r] = -ctx.rng.uniform() * ctx.tickHours;
      }
      if (region === REGION_PRIMARY) primary += k;
      else if (region === REGION_BLOOD) ctc += k;
      else colony += k;
    }
    ctx.counters[RELEASED] += primary + ctc + colony;
    ctx.counters[FROM_PRIMARY] += primary;
    ctx.counters[FROM_CTC] += ctc;
    ctx.counters[FROM_COLONY] += colony;
  },
});
