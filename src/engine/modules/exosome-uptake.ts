import { REGION_BLOOD, REGION_PRIMARY, ORGANS } from '../../world/regions';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';

const UPTAKE_PRIMARY = metricIndex('exosomes.uptake.primary');
const UPTAKE_ORGAN = ORGANS.map((o) => metricIndex(`exosomes.uptake.${o}`));

/** Which pool a cell in the uptake grid belongs to. */
export const UPTAKE_TUMOUR = 0;
/** Resident stromal cell in the uptake grid. */
export const UPTAKE_STROMA = 1;

/**
 * Uptake: an exosome in tissue that is within reach of a cell (tumour cell in the primary, or a
 * resident cell of an organ) is internalised by the nearest one. Residents become educated and
 * emit niche signal; the count per organ is the step-4 read-out.
 */
export const exosomeUptake = defineModule({
  id: 'exosome-uptake',
  doc: 'Cells internalise nearby exosomes; organ residents become educated and emit niche signal (review: Step 4–5).',
  phase: 'exchange',
  everyTicks: 1,
  params: {
    reachUm: {
      default: 15, min: 0, max: 200, unit: 'µm', doc: 'distance within which a cell can internalise an exosome',
      source: 'schematic: about one cell radius plus protrusions',
    },
    uptakeProbability: {
      default: 0.5, min: 0, max: 1, unit: 'per tick', doc: 'chance that a cell in reach internalises the exosome this tick',
      source: 'schematic',
    },
    educationPerUptake: {
      default: 0.02, min: 0, max: 1, unit: 'education level', doc: 'education a resident cell gains per packet internalised (capped at 1)',
      source: 'schematic: repeated exposure reprogrammes stroma (Costa-Silva et al., 2015)',
    },
    nicheSignalPerUptake: {
      default: 0.05, min: 0, max: 100, unit: 'niche units', doc: 'niche signal a resident emits per packet internalised',
      source: 'schematic',
    },
  },
  step(ctx, p) {
    const w = ctx.world;
    const ex = w.pools.exosome;
    const e = ex.cols;
    const stroma = w.pools.stroma.cols;
    const grid = w.uptakeGrid;
    let primary = 0;
    const organ = new Float64Array(ORGANS.length);
    for (let i = 0; i < ex.count; i++) {
      const region = e.region[i];
      if (region === REGION_BLOOD) continue;
      const k = grid.nearest(e.x[i], e.y[i], p.reachUm, w.uptakeXs, w.uptakeYs, -1);
      if (k < 0 || !(ctx.rng.uniform() < p.uptakeProbability)) continue;
      ex.stageRemove(i);
      if (region === REGION_PRIMARY) {
        primary++;
        continue;
      }
      organ[region - 1]++;
      if (w.uptakePool[k] === UPTAKE_STROMA) {
        const row = w.uptakeRow[k];
        const ed = stroma.education[row] + p.educationPerUptake;
        stroma.education[row] = ed > 1 ? 1 : ed;
        w.regions[region].fields.niche.deposit(stroma.x[row], stroma.y[row], p.nicheSignalPerUptake);
      }
    }
    w.counters[UPTAKE_PRIMARY] += primary;
    for (let o = 0; o < ORGANS.length; o++) w.counters[UPTAKE_ORGAN[o]] += organ[o];
  },
});
