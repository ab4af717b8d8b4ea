import { perTickProbability, saturating } from '../../core/rates';
import { REGION_PRIMARY, REGIONS } from '../../world/regions';
import { reflect } from '../../world/tissue';
import { FX } from '../effect-index';
import { ImmuneState, ImmuneType } from '../kinds';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';
import { BASE_PERMEABILITY, SEGMENT_UM } from '../populate-cascade';

const SPROUTS = metricIndex('vessels.sprouts');

/**
 * Step 2, angiogenesis. Directly: exosomal angiogenic cargo (miR-25-3p, miR-130a, VEGF…) makes
 * endothelium sprout toward VEGF. Indirectly: cargo polarises macrophages to M2, which secrete
 * VEGF and TGF-β. Permeability cargo (miR-105, miR-939 on tight junctions and VE-cadherin)
 * makes segments leaky, which eases intravasation; organ vessels leak as their niche builds.
 */
export const angiogenesis = defineModule({
  id: 'angiogenesis',
  doc: 'Endothelial sprouting toward VEGF, M2 macrophage polarisation, vessel leakiness (review: Step 2).',
  phase: 'act',
  everyTicks: 1,
  needs: { pools: ['immune', 'endothelium'], fields: true, exposure: true },
  params: {
    sproutRatePerHour: {
      default: 0.0008, min: 0, max: 10, unit: 'per segment per hour', doc: 'rate a segment starts a new sprout at saturating VEGF',
      source: 'schematic',
    },
    extendRatePerHour: {
      default: 0.15, min: 0, max: 100, unit: 'per tip per hour', doc: 'rate a tip cell adds a segment at saturating VEGF', source: 'schematic',
    },
    tipStopRatePerHour: {
      default: 0.02, min: 0, max: 100, unit: 'per hour', doc: 'rate a tip cell stops (anastomosis or regression)', source: 'schematic',
    },
    vegfHalf: {
      default: 0.3, min: 0.0001, max: 1e6, unit: 'field units', doc: 'VEGF level giving half the maximal sprouting', source: 'schematic',
    },
    angioCargoGain: {
      default: 2, min: 0, max: 100, unit: '1', doc: 'relative rise of sprouting per unit of angio.sprout response',
      source: 'schematic: TDE ncRNAs promote endothelial sprouting (review: Step 2)',
    },
    maxSegments: {
      default: 1500, min: 0, max: 1e6, unit: 'segments', integer: true, doc: 'cap on endothelial segments in the primary', source: 'schematic',
    },
    permeabilityGain: {
      default: 0.8, min: 0, max: 10, unit: 'permeability', doc: 'permeability added per unit of vessel.permeability response',
      source: 'schematic: miR-105 and miR-939 disrupt endothelial junctions (review: Step 2)',
    },
    nicheLeak: {
      default: 0.6, min: 0, max: 10, unit: 'permeability per niche unit', doc: 'organ vessel leakiness from the pre-metastatic niche',
      source: 'schematic: vascular leak is a niche hallmark (review: Step 5)',
    },
    m2Leak: {
      default: 0.2, min: 0, max: 10, unit: 'permeability', doc: 'primary leakiness at a fully M2 macrophage population', source: 'schematic',
    },
    permeabilityRelaxPerHour: {
      default: 0.05, min: 0, max: 10, unit: 'per hour', doc: 'rate permeability approaches its target', source: 'schematic',
    },
    m2RatePerHour: {
      default: 0.02, min: 0, max: 10, unit: 'per hour', doc: 'M1→M2 polarisation rate per unit of macrophage.m2 response (plus baseline)',
      source: 'schematic: miR-103 and others skew macrophages to M2 (review: Step 2)',
    },
    m2Baseline: {
      default: 0.05, min: 0, max: 10, unit: 'response', doc: 'tumour-driven M2 skewing without exosomal cargo', source: 'schematic',
    },
    m1RevertPerHour: {
      default: 0.005, min: 0, max: 10, unit: 'per hour', doc: 'M2→M1 reversion rate', source: 'schematic',
    },
    m2VegfPerHour: {
      default: 0.05, min: 0, max: 100, unit: 'field units per hour', doc: 'VEGF an M2 macrophage secretes', source: 'schematic',
    },
    m2TgfbPerHour: {
      default: 0.05, min: 0, max: 100, unit: 'field units per hour', doc: 'TGF-β an M2 macrophage secretes', source: 'schematic',
    },
    macrophageSpeedUmPerHour: {
      default: 3, min: 0, max: 100, unit: 'µm/h', doc: 'random-walk speed of tissue macrophages', source: 'schematic',
    },
  },
  step(ctx, p) {
    const rng = ctx.rng;
    const dt = ctx.tickHours;
    const primary = REGIONS[REGION_PRIMARY];
    const fields = ctx.regions[REGION_PRIMARY].fields;
    const exposure = ctx.exposure;
    const cargoBoost = 1 + p.angioCargoGain * Math.max(0, exposure.of(REGION_PRIMARY, FX.angioSprout));

    // Macrophages: polarise, secrete, wander.
    const im = ctx.pools.immune;
    const ic = im.cols;
    const toM2 = perTickProbability(p.m2RatePerHour * (p.m2Baseline + Math.max(0, exposure.of(REGION_PRIMARY, FX.macrophageM2))), dt);
    const toM1 = perTickProbability(p.m1RevertPerHour, dt);
    const dir = new Float64Array(2);
    let macrophages = 0;
    let m2 = 0;
    for (let i = 0; i < im.count; i++) {
      if (ic.type[i] !== ImmuneType.macrophage || ic.region[i] !== REGION_PRIMARY) continue;
      macrophages++;
      if (ic.state[i] === ImmuneState.m1 && rng.uniform() < toM2) ic.state[i] = ImmuneState.m2;
      else if (ic.state[i] === ImmuneState.m2 && rng.uniform() < toM1) ic.state[i] = ImmuneState.m1;
      if (ic.state[i] === ImmuneState.m2) {
        m2++;
        fields.vegf.deposit(ic.x[i], ic.y[i], p.m2VegfPerHour * dt);
        fields.tgfb.deposit(ic.x[i], ic.y[i], p.m2TgfbPerHour * dt);
      }
      rng.direction(dir);
      const step = p.macrophageSpeedUmPerHour * dt;
      ic.x[i] = reflect(ic.x[i] + step * dir[0], primary.x0Um, primary.x1Um);
      ic.y[i] = reflect(ic.y[i] + step * dir[1], primary.y0Um, primary.y1Um);
    }
    const m2Fraction = macrophages > 0 ? m2 / macrophages : 0;

    // Endothelium: sprouting, tip extension toward VEGF, permeability.
    const e = ctx.pools.endothelium;
    let primarySegments = 0;
    for (let s = 0; s < e.count; s++) if (e.cols.region[s] === REGION_PRIMARY) primarySegments++;
    const sprout = p.sproutRatePerHour * cargoBoost;
    const extend = p.extendRatePerHour * cargoBoost;
    const stop = perTickProbability(p.tipStopRatePerHour, dt);
    const permCargo = (region: number) => p.permeabilityGain * Math.max(0, exposure.of(region, FX.vesselPermeability));
    // A Float64Array: a plain array starts as small integers (all zero) and changes shape at
    // the first non-zero mean, which discards this function's optimised code.
    const nicheMean = Float64Array.from(ctx.regions, (r) => r.fields.niche.total() / r.fields.niche.values.length);
    const relax = perTickProbability(p.permeabilityRelaxPerHour, dt);
    const n = e.count;
    let sprouts = 0;
    for (let s = 0; s < n; s++) {
      const c = e.cols;
      const region = c.region[s];
      const target = BASE_PERMEABILITY + permCargo(region) + (region === REGION_PRIMARY ? p.m2Leak * m2Fraction : p.nicheLeak * nicheMean[region]);
      const perm = c.permeability[s] + (Math.min(1, target) - c.permeability[s]) * relax;
      c.permeability[s] = perm < 0 ? 0 : perm > 1 ? 1 : perm;
      if (region !== REGION_PRIMARY) continue;
      const bx = c.bx[s];
      const by = c.by[s];
      const vegf = saturating(fields.vegf.sample(bx, by), p.vegfHalf);
      if (primarySegments >= p.maxSegments) continue;
      if (c.tip[s]) {
        if (rng.uniform() < stop) { c.tip[s] = 0; continue; }
        if (!(rng.uniform() < perTickProbability(extend * vegf, dt))) continue;
        c.tip[s] = 0;
        grow(s, bx, by, c.bx[s] - c.ax[s], c.by[s] - c.ay[s], rng.uniform(), rng.uniform());
        primarySegments++;
      } else if (rng.uniform() < perTickProbability(sprout * vegf, dt)) {
        const mx = (c.ax[s] + bx) / 2;
        const my = (c.ay[s] + by) / 2;
        // A sprout leaves at right angles, on the side where VEGF is higher.
        const nx = -(by - c.ay[s]);
        const ny = bx - c.ax[s];
        const side = fields.vegf.sample(mx + nx, my + ny) >= fields.vegf.sample(mx - nx, my - ny) ? 1 : -1;
        grow(s, mx, my, side * nx, side * ny, rng.uniform(), rng.uniform());
        primarySegments++;
        sprouts++;
      }
    }
    ctx.counters[SPROUTS] += sprouts;

    /** Adds a tip segment at (x, y) heading along (hx, hy) turned up the VEGF gradient, with jitter. */
    function grow(parent: number, x: number, y: number, hx: number, hy: number, u1: number, u2: number): void {
      const f = fields.vegf;
      const gx = f.sample(x + SEGMENT_UM, y) - f.sample(x - SEGMENT_UM, y);
      const gy = f.sample(x, y + SEGMENT_UM) - f.sample(x, y - SEGMENT_UM);
      const hn = Math.sqrt(hx * hx + hy * hy) || 1;
      const gn = Math.sqrt(gx * gx + gy * gy) || 1;
      let dx = hx / hn + (gx / gn) * 0.8 + (u1 - 0.5) * 0.8;
      let dy = hy / hn + (gy / gn) * 0.8 + (u2 - 0.5) * 0.8;
      const dn = Math.sqrt(dx * dx + dy * dy) || 1;
      dx /= dn;
      dy /= dn;
      const pool = e;
      const parentId = pool.id[parent];
      const r = pool.stageSpawn();
      const c = pool.cols;
      c.ax[r] = x;
      c.ay[r] = y;
      c.bx[r] = reflect(x + dx * SEGMENT_UM, primary.x0Um, primary.x1Um);
      c.by[r] = reflect(y + dy * SEGMENT_UM, primary.y0Um, primary.y1Um);
      c.region[r] = REGION_PRIMARY;
      c.tip[r] = 1;
      c.permeability[r] = BASE_PERMEABILITY * 2; // new sprouts are leaky
      c.perfused[r] = 0;
      c.parent[r] = parentId;
    }
  },
});
