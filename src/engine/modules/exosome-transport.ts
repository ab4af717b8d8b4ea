import { perTickProbability, survivalPerTick } from '../../core/rates';
import { REGION_BLOOD, REGION_PRIMARY, REGIONS } from '../../world/regions';
import { flowStep, placeOnSegment } from '../../world/flow';
import { reflect } from '../../world/tissue';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';

const ENTERED = metricIndex('exosomes.entered');
const DECAYED = metricIndex('exosomes.decayed');
const SQRT3 = Math.sqrt(3);

/**
 * Exosome transport: diffusion in tissue, clearance by half-life, entry into the primary's
 * blood and lymph drainage, and riding the flow.
 */
export const exosomeTransport = defineModule({
  id: 'exosome-transport',
  doc: 'Exosomes diffuse in tissue, decay, drain into blood or lymph and ride the flow.',
  phase: 'move',
  everyTicks: 1,
  needs: { pools: ['exosome'], graph: true },
  params: {
    diffusionUm2PerHour: {
      default: 400, min: 0, max: 1e6, unit: 'µm²/h', doc: 'effective diffusion coefficient of exosomes in tissue',
      source: 'schematic: free 100 nm vesicles diffuse at ~4 µm²/s; matrix hinders them strongly',
    },
    halfLifeHours: {
      default: 10, min: 0.01, max: 1e5, unit: 'hours', doc: 'half-life of an exosome packet before clearance',
      source: 'schematic: circulating vesicles are cleared within hours, mostly by organ uptake',
    },
    drainageRatePerHour: {
      default: 0.04, min: 0, max: 100, unit: 'per hour', doc: 'rate at which an exosome in the primary drains into vessels',
      source: 'schematic',
    },
    lymphFraction: {
      default: 0.2, min: 0, max: 1, unit: '1', doc: 'share of drainage that goes to lymph rather than blood',
      source: 'schematic: interstitial fluid drains to lymphatics',
    },
  },
  step(ctx, p) {
    const ex = ctx.pools.exosome;
    const e = ex.cols;
    const graph = ctx.graph;
    const rng = ctx.rng;
    const dt = ctx.tickHours;
    const halfWidth = SQRT3 * Math.sqrt(2 * p.diffusionUm2PerHour * dt); // uniform step with the Gaussian's variance
    const survive = survivalPerTick(p.halfLifeHours, dt);
    const drain = perTickProbability(p.drainageRatePerHour, dt);
    let entered = 0;
    let decayed = 0;
    const n = ex.count;
    for (let i = 0; i < n; i++) {
      if (rng.uniform() >= survive) {
        ex.stageRemove(i);
        decayed++;
        continue;
      }
      const region = e.region[i];
      if (region === REGION_BLOOD) {
        // Leaving the blood in a capillary bed is organotropism's decision (step 4).
        flowStep(graph, e.seg, e.sUm, e.x, e.y, i, dt, rng);
        continue;
      }
      const r = REGIONS[region];
      e.x[i] = reflect(e.x[i] + (rng.uniform() * 2 - 1) * halfWidth, r.x0Um, r.x1Um);
      e.y[i] = reflect(e.y[i] + (rng.uniform() * 2 - 1) * halfWidth, r.y0Um, r.y1Um);
      if (region === REGION_PRIMARY && rng.uniform() < drain) {
        const seg = rng.uniform() < p.lymphFraction ? graph.primaryLymphOutlet : graph.primaryVenousOutlet;
        const k = ex.stageTransfer(i);
        const m = ex.moving;
        m.region[k] = REGION_BLOOD;
        m.seg[k] = seg;
        m.sUm[k] = 0;
        placeOnSegment(graph, seg, 0, m.x, m.y, k);
        entered++;
      }
    }
    ctx.counters[ENTERED] += entered;
    ctx.counters[DECAYED] += decayed;
  },
});
