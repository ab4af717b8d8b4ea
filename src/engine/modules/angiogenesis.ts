import { perTickProbability, relax, saturating, switchChance, waitingHours } from '../../core/rates';
import { REGION_PRIMARY, REGIONS, regionOfOrgan } from '../../world/regions';
import { reflect } from '../../world/tissue';
import { FX } from '../effect-index';
import { ImmuneState, ImmuneType, StromaType } from '../kinds';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';
import { BASE_PERMEABILITY, SEGMENT_UM } from '../populate-cascade';

const SPROUTS = metricIndex('vessels.sprouts');
const SPROUTS_METASTATIC = metricIndex('vessels.sprouts.metastatic');
const BRAIN = regionOfOrgan('brain');
const SQRT3 = Math.sqrt(3);

/**
 * Step 2, angiogenesis. Directly: exosomal angiogenic cargo (miR-25-3p, miR-130a, VEGF…) makes
 * endothelium sprout toward VEGF — in the primary, and at metastatic sites, where colonies
 * secrete VEGF and recruit vessels of their own. Indirectly: cargo polarises macrophages to M2,
 * which secrete VEGF and TGF-β. Permeability cargo (miR-105, miR-939 on tight junctions and
 * VE-cadherin) makes segments leaky, which eases intravasation; organ vessels leak as their
 * niche builds, and brain endothelium educated by cargo (CEMIP) loosens the blood–brain barrier.
 */
export const angiogenesis = defineModule({
  id: 'angiogenesis',
  doc: 'Endothelial sprouting toward VEGF in the primary and at metastases, M2 macrophage polarisation, vessel leakiness (review: Step 2).',
  phase: 'act',
  everyTicks: 1,
  needs: { pools: ['immune', 'endothelium'], fields: true, exposure: true, organs: true },
  params: {
    sproutRatePerHour: {
      default: 0.0008, min: 0, max: 10, range: [0.0001, 0.01], unit: 'per segment per hour', doc: 'rate a segment starts a new sprout at saturating VEGF',
      source: 'schematic: no stored measurement of sprout initiation per vessel length; at saturating VEGF a 20-µm segment starts a sprout every ~50 days, so a 25-day run adds tens of sprouts to the primary',
    },
    extendRatePerHour: {
      default: 0.15, min: 0, max: 100, range: [0.02, 1], unit: 'per tip per hour', doc: 'rate a tip cell adds a segment at saturating VEGF', source: 'schematic: 20-µm segments at 0.15/h ≈ 3 µm/h (~70 µm/day) tip advance at saturating VEGF; no stored measurement found',
    },
    tipStopRatePerHour: {
      default: 0.02, min: 0, max: 100, range: [0.002, 0.2], unit: 'per hour', doc: 'rate a tip cell stops (anastomosis or regression)', source: 'schematic: tips anastomose or regress after ~2 days on average (≈7 segments of growth); no stored measurement found',
    },
    vegfHalf: {
      default: 0.3, min: 0.0001, max: 1e6, range: [0.03, 3], unit: 'field units', doc: 'VEGF level giving half the maximal sprouting', source: 'schematic: VEGF fields are in arbitrary units; the half level sits within the range hypoxic tissue reaches so sprouting is graded',
    },
    angioCargoGain: {
      default: 2, min: 0, max: 100, range: [0.2, 20], unit: '1', doc: 'relative rise of sprouting per unit of angio.sprout response',
      source: 'schematic: TDE ncRNAs promote endothelial sprouting (review: Step 2)',
    },
    maxSegments: {
      default: 1500, min: 0, max: 1e6, range: [750, 3000], unit: 'segments', integer: true, doc: 'cap on endothelial segments in the primary', source: 'model resolution: keeps runs small',
    },
    maxOrganSegments: {
      default: 300, min: 0, max: 1e6, range: [150, 600], unit: 'segments', integer: true, doc: 'cap on endothelial segments in each organ', source: 'model resolution: keeps runs small',
    },
    permeabilityGain: {
      default: 0.8, min: 0, max: 10, range: [0.08, 8], unit: 'permeability', doc: 'permeability added per unit of vessel.permeability response',
      source: 'Zhou et al. (2014, Cancer Cell): exosomal miR-105 targets ZO-1 and destroys endothelial tight junctions, raising vascular permeability in distant organs; the size of the rise per unit response is schematic',
    },
    nicheLeak: {
      default: 0.6, min: 0, max: 10, range: [0.06, 6], unit: 'permeability per niche unit', doc: 'organ vessel leakiness from the pre-metastatic niche',
      source: 'Peinado et al. (2012, Nat Med): melanoma exosomes induced vascular leakiness at pre-metastatic sites → leak per niche unit; its size is schematic',
    },
    barrierEducationLeak: {
      default: 0.3, min: 0, max: 10, range: [0.03, 3], unit: 'permeability', doc: 'brain vessel leakiness at fully educated brain endothelium',
      source: 'Hoshino et al. (2015, Nature): brain-tropic exosomes are taken up by brain endothelial cells and prepare the niche; leak at full education is schematic (CEMIP row, Table 2)',
    },
    m2Leak: {
      default: 0.2, min: 0, max: 10, range: [0.02, 2], unit: 'permeability', doc: 'primary leakiness at a fully M2 macrophage population', source: 'schematic: M2 (VEGF-secreting) macrophages make tumour vessels leakier; the size at a fully M2 population is unmeasured',
    },
    permeabilityRelaxPerHour: {
      default: 0.05, min: 0, max: 10, range: [0.01, 0.5], unit: 'per hour', doc: 'rate permeability approaches its target', source: 'schematic: junctions reseal or open over ~a day (0.05/h ⇒ ~20 h time constant); no stored measurement',
    },
    m2RatePerHour: {
      default: 0.02, min: 0, max: 10, range: [0.002, 0.2], unit: 'per hour', doc: 'M1→M2 polarisation rate per unit of macrophage.m2 response (plus baseline)',
      source: 'schematic: miR-103 and others skew macrophages to M2 (review: Step 2)',
    },
    m2Baseline: {
      default: 0.05, min: 0, max: 10, range: [0.005, 0.5], unit: 'response', doc: 'tumour-driven M2 skewing without exosomal cargo', source: 'schematic: tumours skew macrophages toward M2 even without exosomal cargo (cytokines, hypoxia); a small baseline keeps cargo the main driver',
    },
    m1RevertPerHour: {
      default: 0.005, min: 0, max: 10, range: [0.0005, 0.05], unit: 'per hour', doc: 'M2→M1 reversion rate', source: 'schematic: M2 polarisation is slowly reversible once the drive fades (~8-day time constant); no stored measurement',
    },
    m2VegfPerHour: {
      default: 0.05, min: 0, max: 100, range: [0.005, 0.5], unit: 'field units per hour', doc: 'VEGF an M2 macrophage secretes', source: 'schematic: M2 macrophages are a VEGF source (arbitrary field units), set equal to a hypoxic tumour cell\'s output',
    },
    m2TgfbPerHour: {
      default: 0.05, min: 0, max: 100, range: [0.005, 0.5], unit: 'field units per hour', doc: 'TGF-β an M2 macrophage secretes', source: 'schematic: M2 macrophages secrete TGF-β (arbitrary field units), set equal to their VEGF output',
    },
    macrophageMotilityUm2PerHour: {
      default: 5, min: 0, max: 1e4, range: [0.5, 50], unit: 'µm²/h', doc: 'random-motility coefficient of tissue macrophages', source: 'schematic: tissue-resident macrophages mostly stay put and probe; 5 µm²/h moves one ~20 µm (RMS) over a day',
    },
  },
  step(ctx, p) {
    const rng = ctx.rng;
    const dt = ctx.tickHours;
    const primary = REGIONS[REGION_PRIMARY];
    const fields = ctx.regions[REGION_PRIMARY].fields;
    const exposure = ctx.exposure;
    const organs = ctx.organs;

    // Macrophages: polarise, secrete, wander.
    const im = ctx.pools.immune;
    const ic = im.cols;
    const m2Rate = p.m2RatePerHour * (p.m2Baseline + Math.max(0, exposure.of(REGION_PRIMARY, FX.macrophageM2)));
    const toM2 = switchChance(m2Rate, p.m1RevertPerHour, dt);
    const toM1 = switchChance(p.m1RevertPerHour, m2Rate, dt);
    const half = SQRT3 * Math.sqrt(2 * p.macrophageMotilityUm2PerHour * dt); // uniform step with the walk's variance
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
      ic.x[i] = reflect(ic.x[i] + (rng.uniform() * 2 - 1) * half, primary.x0Um, primary.x1Um);
      ic.y[i] = reflect(ic.y[i] + (rng.uniform() * 2 - 1) * half, primary.y0Um, primary.y1Um);
    }
    const m2Fraction = macrophages > 0 ? m2 / macrophages : 0;

    // Endothelium: permeability everywhere; sprouting and tip extension toward VEGF.
    const e = ctx.pools.endothelium;
    const segments = Float64Array.from(organs.segments);
    const target = new Float64Array(REGIONS.length);
    const boost = new Float64Array(REGIONS.length);
    for (let r = 0; r < REGIONS.length; r++) {
      const local = r === REGION_PRIMARY ? p.m2Leak * m2Fraction : p.nicheLeak * organs.niche[r];
      const barrier = r === BRAIN ? p.barrierEducationLeak * organs.educationOf(BRAIN, StromaType.endothelial) : 0;
      target[r] = Math.min(1, BASE_PERMEABILITY + p.permeabilityGain * Math.max(0, exposure.of(r, FX.vesselPermeability)) + local + barrier);
      boost[r] = 1 + p.angioCargoGain * Math.max(0, exposure.of(r, FX.angioSprout));
    }
    const n = e.count;
    let sprouts = 0;
    let metastatic = 0;
    for (let s = 0; s < n; s++) {
      const c = e.cols;
      const region = c.region[s];
      const perm = relax(c.permeability[s], target[region], p.permeabilityRelaxPerHour, dt);
      c.permeability[s] = perm < 0 ? 0 : perm > 1 ? 1 : perm;
      if (segments[region] >= (region === REGION_PRIMARY ? p.maxSegments : p.maxOrganSegments)) continue;
      const vegfField = ctx.regions[region].fields.vegf;
      const bx = c.bx[s];
      const by = c.by[s];
      const vegf = saturating(vegfField.sample(bx, by), p.vegfHalf);
      if (vegf <= 0) continue;
      if (c.tip[s]) {
        // A tip extends (at a rate set by the VEGF where it started this tick) until it stops,
        // possibly several segments in one long tick: the events are drawn in time order.
        const extend = p.extendRatePerHour * boost[region] * vegf;
        let left = dt;
        let tip = s;
        for (;;) {
          const wait = waitingHours(extend + p.tipStopRatePerHour, rng.uniform());
          if (!(wait < left)) break;
          left -= wait;
          const cols = e.cols;
          if (rng.uniform() * (extend + p.tipStopRatePerHour) >= extend) { cols.tip[tip] = 0; break; }
          if (segments[region] >= (region === REGION_PRIMARY ? p.maxSegments : p.maxOrganSegments)) break;
          cols.tip[tip] = 0;
          tip = grow(tip, region, cols.bx[tip], cols.by[tip], cols.bx[tip] - cols.ax[tip], cols.by[tip] - cols.ay[tip], rng.uniform(), rng.uniform());
          segments[region]++;
        }
      } else if (rng.uniform() < perTickProbability(p.sproutRatePerHour * boost[region] * vegf, dt)) {
        const mx = (c.ax[s] + bx) / 2;
        const my = (c.ay[s] + by) / 2;
        // A sprout leaves at right angles, on the side where VEGF is higher.
        const nx = -(by - c.ay[s]);
        const ny = bx - c.ax[s];
        const side = vegfField.sample(mx + nx, my + ny) >= vegfField.sample(mx - nx, my - ny) ? 1 : -1;
        grow(s, region, mx, my, side * nx, side * ny, rng.uniform(), rng.uniform());
        segments[region]++;
        if (region === REGION_PRIMARY) sprouts++;
        else metastatic++;
      }
    }
    ctx.counters[SPROUTS] += sprouts;
    ctx.counters[SPROUTS_METASTATIC] += metastatic;

    /** Adds a tip segment at (x, y) heading along (hx, hy) turned up the VEGF gradient, with jitter; returns its (staged) row. */
    function grow(parent: number, region: number, x: number, y: number, hx: number, hy: number, u1: number, u2: number): number {
      const f = ctx.regions[region].fields.vegf;
      const bounds = REGIONS[region];
      const gx = f.sample(x + SEGMENT_UM, y) - f.sample(x - SEGMENT_UM, y);
      const gy = f.sample(x, y + SEGMENT_UM) - f.sample(x, y - SEGMENT_UM);
      const hn = Math.sqrt(hx * hx + hy * hy) || 1;
      const gn = Math.sqrt(gx * gx + gy * gy) || 1;
      let dx = hx / hn + (gx / gn) * 0.8 + (u1 - 0.5) * 0.8;
      let dy = hy / hn + (gy / gn) * 0.8 + (u2 - 0.5) * 0.8;
      const dn = Math.sqrt(dx * dx + dy * dy) || 1;
      dx /= dn;
      dy /= dn;
      const parentId = e.id[parent];
      const r = e.stageSpawn();
      const c = e.cols;
      c.ax[r] = x;
      c.ay[r] = y;
      c.bx[r] = reflect(x + dx * SEGMENT_UM, bounds.x0Um, bounds.x1Um);
      c.by[r] = reflect(y + dy * SEGMENT_UM, bounds.y0Um, bounds.y1Um);
      c.region[r] = region;
      c.tip[r] = 1;
      c.permeability[r] = BASE_PERMEABILITY * 2; // new sprouts are leaky
      c.perfused[r] = 0;
      c.parent[r] = parentId;
      return r;
    }
  },
});
