import { waitingHours } from '../../core/rates';
import { ORGANS, REGION_BLOOD, REGION_PRIMARY, REGIONS } from '../../world/regions';
import { placeOnSegment } from '../../world/flow';
import { nextSegment, SYSTEMIC_BED } from '../../world/vessels';
import { FX } from '../effect-index';
import { SLOT_BLOOD } from '../exposure';
import { ImmuneState, ImmuneType, PlateletState, Stage } from '../kinds';
import { metricIndex } from '../metrics';
import { defineModule } from '../module';
import { tKillShareByClone } from '../t-shield';

const KILLED_NK = metricIndex('ctc.killed.nk');
const KILLED_T = metricIndex('ctc.killed.t');
const KILLED_SHEAR = metricIndex('ctc.killed.shear');
const CLOAKED_TOTAL = metricIndex('ctc.cloaked.total');
const ARRESTED = ORGANS.map((o) => metricIndex(`ctc.arrested.${o}`));
const ARRESTED_SYSTEMIC = metricIndex('ctc.arrested.systemic');
const BLOOD_HOURS = metricIndex('ctc.bloodHours');
const BLOOD_EXITS = metricIndex('ctc.bloodExits');
/** Segments a cell may pass in one tick (a bound so a tick is O(1) per cell). */
const MAX_HOPS = 64;
/** Beds: tissue regions 0..5 and the rest of the body (SYSTEMIC_BED). */
const BEDS = REGIONS.length + 1;

/** Outcome of a cell's ride this tick. */
const Ride = { on: 0, killedNk: 1, killedT: 2, killedShear: 3, arrested: 4 } as const;

/** Per-run working memory. */
interface Scratch {
  /** Rows of the free platelets this tick. */
  free: Int32Array;
  /** Arrest hazard per pass through each bed, [bed · 2 + cloaked]. */
  arrest: Float64Array;
}

/**
 * Steps 3–4, a circulating tumour cell's journey through the blood and lymph. The cell rides
 * the flow (choosing branches by flow fraction) and meets, along the way, NK and CD8 T cells
 * (killing hazards that scale with how many are active, and NK activation — NKG2D), shear
 * stress, platelets that cloak it (which shield it from NK cells and shear and make it stick),
 * and capillary beds where it may lodge: most in the first bed it meets (size restriction), more
 * where the endothelium is primed by a niche, recruited BMDCs, adhesion cargo or platelet
 * vesicles. All of these are hazards per hour, and the ride is simulated event by event inside
 * the tick (the first of the competing events wins, then the rest of the tick goes on), so the
 * outcome does not depend on the tick length. A cell that lodges in the rest of the body is lost
 * to the organs the map shows.
 */
export const ctcTransit = defineModule({
  id: 'ctc-transit',
  doc: 'CTCs ride the blood and lymph meeting NK and T cells, shear, platelet cloaks and capillary beds where they arrest (review: Steps 3–4).',
  phase: 'move',
  everyTicks: 1,
  needs: { pools: ['tumour', 'immune', 'platelet'], fields: true, graph: true, exposure: true, populations: true, blood: true, organs: true, cargo: true, worldParams: true },
  params: {
    nkKillRatePerHour: {
      default: 0.4, min: 0, max: 100, range: [0.04, 0.7], unit: 'per CTC per hour', doc: 'NK kill hazard on an uncloaked CTC when every NK cell is fully active',
      source: 'schematic, bounded: Meng et al. (2004): CTC half-life in blood 1–2.4 h, so all exit hazards together are 0.29–0.69/h; NK elimination of CTCs is what platelets impede (Palumbo et al. 2005, Blood); NK share unmeasured',
    },
    tKillRatePerHour: {
      default: 0.15, min: 0, max: 100, range: [0.015, 0.7], unit: 'per CTC per hour', doc: 'CD8 kill hazard on a CTC when every circulating CD8 cell is active',
      source: 'schematic, bounded: all CTC exit hazards together are 0.29–0.69/h (Meng et al. 2004); CTLs kill 2–16 targets per day in vivo (Halle et al. 2016), few CTLs see a given CTC',
    },
    shearDeathRatePerHour: {
      default: 0.1, min: 0, max: 100, range: [0.01, 0.6], unit: 'per hour', doc: 'death hazard of an uncloaked CTC from shear stress',
      source: 'Regmi et al. (2017, Sci Rep): 60 dyn/cm² (exercise) shear killed >90% of CTCs in 4 h (≈0.6/h), resting 15 dyn/cm² far fewer; Barnes et al. (2012): malignant cells resist shear → 0.1/h at rest, ≤0.6/h',
    },
    cloakNkProtection: {
      default: 0.9, min: 0, max: 1, range: [0.5, 0.99], unit: '1', doc: 'fraction of NK attack a platelet cloak blocks',
      source: 'Nieswandt et al. (1999) and Palumbo et al. (2005, Blood): loss of platelet function or fibrinogen sharply cut CTC survival, an effect abolished by NK depletion → a cloak blocks most NK attack',
    },
    cloakTProtection: {
      default: 0.5, min: 0, max: 1, range: [0, 0.9], unit: '1', doc: 'fraction of T-cell attack a platelet cloak blocks', source: 'schematic: a platelet cloak physically shields some CTL contacts; no measurement for T cells (platelet evidence concerns NK cells), so half of NK protection',
    },
    cloakShearProtection: {
      default: 0.8, min: 0, max: 1, range: [0.3, 0.99], unit: '1', doc: 'fraction of shear death a platelet cloak prevents',
      source: 'schematic: platelets form a protective layer against shear (review: Step 3)',
    },
    cloakRatePerHour: {
      default: 2, min: 0, max: 1000, range: [0.2, 20], unit: 'per CTC per hour', doc: 'rate an uncloaked CTC gathers a platelet cloak at full platelet count, without activating cargo',
      source: 'schematic: platelets bind CTCs during intravascular transit (Labelle et al. 2011) and recruit granulocytes within hours (Labelle 2014); per-cell rate unmeasured — 2/h gives ~30 min at full platelet count',
    },
    cloakActivationGain: {
      default: 2, min: 0, max: 100, range: [0.2, 20], unit: '1', doc: 'relative rise of cloaking per unit of platelet.activate response in blood',
      source: 'schematic: tissue factor on TDEs activates platelets (Garnier et al., 2012)',
    },
    plateletsPerCloak: {
      default: 3, min: 1, max: 100, range: [1, 6], unit: 'platelet agents', integer: true, doc: 'platelet agents bound in one cloak', source: 'model resolution: each platelet agent stands for many platelets',
    },
    arrestLung: {
      default: 0.7, min: 0, max: 50, range: [0.7, 4.6], unit: 'per pass (hazard)', doc: 'arrest of an uncloaked CTC in one pass through the lung capillaries, as −ln(1 − chance)',
      source: 'Chambers et al. (2002, Nat Rev Cancer): most circulating cancer cells arrest efficiently in the first capillary bed by size; Selecki (1959): i.v. cells leave the blood within 15 min, lodging in lung → ≥50% per pass (≥0.7)',
    },
    arrestLiver: {
      default: 2, min: 0, max: 50, range: [1.6, 4.6], unit: 'per pass (hazard)', doc: 'arrest in one pass through the liver sinusoids, as −ln(1 − chance)',
      source: 'Luzzi et al. (1998, Am J Pathol): >80% of cells injected into the portal vein arrest in the liver (project citation, not re-read); Chambers et al. (2002): first-bed arrest is efficient → ≥1.6/pass; 2.0 ≈ 87%',
    },
    arrestBone: {
      default: 3.863, min: 0, max: 50, range: [0.1, 5], unit: 'per pass (hazard)', doc: 'arrest in one pass through the bone-marrow sinusoids (slow flow), as −ln(1 − chance)',
      source: 'calibrated: ABC-SMC against targets/clinical.json (ffe042d0d53a2f40) on engine 0.2.0, see calibration/2026-12-stage1; prior: schematic: slow sinusoidal flow in the marrow favours arrest',
    },
    arrestBrain: {
      default: 1.294, min: 0, max: 50, range: [0.1, 5], unit: 'per pass (hazard)', doc: 'arrest in one pass through the brain capillaries, as −ln(1 − chance)',
      source: 'calibrated: ABC-SMC against targets/clinical.json (ffe042d0d53a2f40) on engine 0.2.0, see calibration/2026-12-stage1; prior: Kienast et al. (2010, Nat Med): arriving cells arrest at vascular branch points of brain microvessels (size), then extravasate early; per-pass chance unmeasured, kept as the other beds',
    },
    arrestLymphNode: {
      default: 2, min: 0, max: 50, range: [0.2, 5], unit: 'per pass (hazard)', doc: 'arrest in one pass through a lymph-node sinus, as −ln(1 − chance)',
      source: 'schematic: lymph nodes trap cells from afferent lymph; they are the commonest first site of carcinoma spread (Table 1)',
    },
    arrestSystemic: {
      default: 0.7, min: 0, max: 50, range: [0.1, 5], unit: 'per pass (hazard)', doc: 'arrest in one pass through the rest of the body’s capillaries (lost to the organs shown), as −ln(1 − chance)',
      source: 'schematic: as the other capillary beds',
    },
    cloakedArrestFactor: {
      default: 1.2, min: 0, max: 100, range: [1, 5], unit: '1', doc: 'arrest multiplier for a platelet-cloaked CTC',
      source: 'review: platelets help tumour cells adhere to the endothelium at the metastatic site (Santarpia et al., 2018)',
    },
    primedArrestGain: {
      default: 1, min: 0, max: 1000, range: [0.1, 10], unit: 'per niche unit', doc: 'relative rise of arrest per unit of the organ’s mean niche level',
      source: 'schematic: primed endothelium expresses adhesion molecules (review: Step 4–5)',
    },
    bmdcArrestGain: {
      default: 0.02, min: 0, max: 10, range: [0.002, 0.2], unit: 'per BMDC', doc: 'relative rise of arrest per BMDC recruited to the organ',
      source: 'Kaplan et al. (2005): BMDC clusters are where arriving tumour cells adhere',
    },
    adhesionGain: {
      default: 1, min: 0, max: 1000, range: [0.1, 10], unit: '1', doc: 'relative rise of arrest per unit of adhesion.endothelium response in blood',
      source: 'schematic: exosomal integrins such as αvβ6 and CD151 raise adhesion (Table 2)',
    },
    vesicleAdhesionGain: {
      default: 1, min: 0, max: 1000, range: [0.1, 10], unit: '1', doc: 'relative rise of arrest when every platelet is activated (platelet-derived vesicles on the endothelium)',
      source: 'Goetzl et al. (2016): endothelial cells take up platelet exosomes and raise adhesion proteins (review: Step 3)',
    },
  },
  scratch: (): Scratch => ({ free: new Int32Array(0), arrest: new Float64Array(BEDS * 2) }),
  step(ctx, p, scratch) {
    const rng = ctx.rng;
    const dt = ctx.tickHours;
    const graph = ctx.graph;
    const segments = graph.segments;
    const pop = ctx.populations;
    const organs = ctx.organs;

    // Killers in blood, and the kill hazards they make (uncloaked [0], cloaked [1]).
    const im = ctx.pools.immune;
    const ic = im.cols;
    let nkActivation = 0;
    let tActive = 0;
    for (let i = 0; i < im.count; i++) {
      if (ic.region[i] !== REGION_BLOOD) continue;
      if (ic.type[i] === ImmuneType.nk) nkActivation += ic.activation[i];
      else if (ic.type[i] === ImmuneType.cd8 && ic.state[i] === ImmuneState.active) tActive++;
    }
    const nkScale = pop.nkCells > 0 ? nkActivation / pop.nkCells : 0;
    const tScale = pop.cd8Cells > 0 ? tActive / Math.ceil(pop.cd8Cells / 2) : 0;
    const nk = [p.nkKillRatePerHour * nkScale, p.nkKillRatePerHour * nkScale * (1 - p.cloakNkProtection)];
    const tk = [p.tKillRatePerHour * tScale, p.tKillRatePerHour * tScale * (1 - p.cloakTProtection)];
    const sh = [p.shearDeathRatePerHour, p.shearDeathRatePerHour * (1 - p.cloakShearProtection)];

    // Free platelets, and how readily a cell gathers a cloak.
    const pl = ctx.pools.platelet;
    if (scratch.free.length < pl.count) scratch.free = new Int32Array(2 * pl.count);
    const free = scratch.free;
    let nFree = 0;
    for (let i = 0; i < pl.count; i++) if (pl.cols.state[i] !== PlateletState.bound) free[nFree++] = i;
    const activation = Math.max(0, ctx.exposure.of(SLOT_BLOOD, FX.plateletActivate));
    const cloakBase = p.cloakRatePerHour * (1 + p.cloakActivationGain * activation);

    // Arrest per pass through each bed.
    const adhesion = 1 + p.adhesionGain * Math.max(0, ctx.exposure.of(SLOT_BLOOD, FX.adhesionEndothelium))
      + p.vesicleAdhesionGain * ctx.blood.plateletVesicles;
    const perPass = [0, p.arrestLung, p.arrestLiver, p.arrestBone, p.arrestBrain, p.arrestLymphNode, p.arrestSystemic];
    const arrest = scratch.arrest;
    for (let b = 0; b < BEDS; b++) {
      const organ = b >= 1 && b < REGIONS.length;
      const primed = organ ? (1 + p.primedArrestGain * organs.niche[b]) * (1 + p.bmdcArrestGain * organs.bmdc[b]) : 1;
      arrest[b * 2] = perPass[b] * primed * adhesion;
      arrest[b * 2 + 1] = arrest[b * 2] * p.cloakedArrestFactor;
    }

    // A checkpoint ligand on a cell's own membrane (PD-L1, as on the exosomes it packs) lowers
    // the killing of the CD8 cell that engages it.
    const tShare = tKillShareByClone(ctx.cargo, ctx.clones, ctx.worldParams.checkpointKillCutPerLevel);

    const t = ctx.pools.tumour;
    const tc = t.cols;
    let bloodHours = 0;
    let exits = 0;
    let byNk = 0;
    let byT = 0;
    let byShear = 0;
    let cloaks = 0;
    let systemic = 0;
    for (let i = 0; i < t.count; i++) {
      if (tc.stage[i] !== Stage.circulating) continue;
      let left = dt + tc.carryH[i];
      tc.carryH[i] = 0;
      let seg = tc.seg[i];
      let pos = tc.sUm[i];
      let cloaked = tc.cloak[i] > 0 ? 1 : 0;
      const tShareHere = tShare[tc.clone[i]];
      let ride: number = Ride.on;
      let bed = -1;
      for (let hops = 0; left > 0 && hops < MAX_HOPS;) {
        const g = segments[seg];
        const toEnd = (g.lengthUm - pos) / g.speedUmPerHour;
        const piece = toEnd < left ? toEnd : left;
        const arrestHere = g.bedRegion >= 0 ? arrest[g.bedRegion * 2 + cloaked] / (g.lengthUm / g.speedUmPerHour) : 0;
        const cloakHere = cloaked ? 0 : cloakBase * (pop.platelets > 0 ? nFree / pop.platelets : 0);
        const tHere = tk[cloaked] * tShareHere;
        const total = nk[cloaked] + tHere + sh[cloaked] + cloakHere + arrestHere;
        const wait = waitingHours(total, rng.uniform());
        if (wait < piece) {
          pos += wait * g.speedUmPerHour;
          left -= wait;
          bloodHours += wait;
          let pick = rng.uniform() * total;
          if ((pick -= nk[cloaked]) < 0) ride = Ride.killedNk;
          else if ((pick -= tHere) < 0) ride = Ride.killedT;
          else if ((pick -= sh[cloaked]) < 0) ride = Ride.killedShear;
          else if ((pick -= cloakHere) < 0) {
            if (nFree >= p.plateletsPerCloak) {
              for (let k = 0; k < p.plateletsPerCloak; k++) {
                const at = rng.int(nFree);
                const row = free[at];
                free[at] = free[--nFree];
                pl.cols.state[row] = PlateletState.bound;
                pl.cols.bound[row] = t.id[i];
              }
              cloaked = 1;
              tc.cloak[i] = p.plateletsPerCloak;
              if (!tc.wasCloaked[i]) cloaks++;
              tc.wasCloaked[i] = 1;
            }
            continue;
          } else {
            ride = Ride.arrested;
            bed = g.bedRegion;
          }
          break;
        }
        pos += piece * g.speedUmPerHour;
        left -= piece;
        bloodHours += piece;
        if (piece === toEnd) {
          seg = nextSegment(graph, g.to, rng.uniform());
          pos = 0;
          hops++;
        }
      }
      if (ride === Ride.on) {
        tc.seg[i] = seg;
        tc.sUm[i] = pos;
        placeOnSegment(graph, seg, pos, tc.x, tc.y, i);
        continue;
      }
      exits++;
      if (ride === Ride.killedNk) byNk++;
      else if (ride === Ride.killedT) byT++;
      else if (ride === Ride.killedShear) byShear++;
      if (ride !== Ride.arrested) {
        // Where it died, for the record only (read from the segment, no state written).
        const g = segments[seg];
        const f = g.lengthUm > 0 ? pos / g.lengthUm : 0;
        ctx.emit({
          tick: ctx.tick, type: 'ctc-killed', module: 'ctc-transit',
          data: {
            x: g.ax + (g.bx - g.ax) * f, y: g.ay + (g.by - g.ay) * f, vessel: seg,
            killer: ride === Ride.killedNk ? 'nk' : ride === Ride.killedT ? 't' : 'shear', lineage: tc.lineage[i], cloaked: cloaked === 1,
          },
        });
        t.stageRemove(i);
        continue;
      }
      if (bed === SYSTEMIC_BED || bed === REGION_PRIMARY) {
        // Lodged where the map shows no tissue of interest: lost to the cascade.
        t.stageRemove(i);
        systemic++;
        continue;
      }
      // Capillaries pervade the organ; the schematic bed is one line, so the cell lodges at a
      // random point of the region.
      const r = REGIONS[bed];
      const k = t.stageTransfer(i);
      const m = t.moving;
      m.stage[k] = Stage.arrested;
      m.region[k] = bed;
      m.seg[k] = -1;
      m.x[k] = r.x0Um + rng.uniform() * (r.x1Um - r.x0Um);
      m.y[k] = r.y0Um + rng.uniform() * (r.y1Um - r.y0Um);
      m.arrestRegion[k] = bed;
      m.arrestNiche[k] = ctx.regions[bed].fields.niche.sample(m.x[k], m.y[k]);
      m.stageTick[k] = ctx.tick;
      m.arrestTick[k] = ctx.tick;
      m.carryH[k] = left; // the rest of the tick it spends lodged, for colonisation's next step
      ctx.counters[ARRESTED[bed - 1]]++;
    }
    ctx.counters[KILLED_NK] += byNk;
    ctx.counters[KILLED_T] += byT;
    ctx.counters[KILLED_SHEAR] += byShear;
    ctx.counters[CLOAKED_TOTAL] += cloaks;
    ctx.counters[ARRESTED_SYSTEMIC] += systemic;
    ctx.counters[BLOOD_HOURS] += bloodHours;
    ctx.counters[BLOOD_EXITS] += exits;
  },
});
