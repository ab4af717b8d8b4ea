import { REGION_BLOOD } from '../../world/regions';
import { EFFECT_COUNT } from '../cargo-tables';
import { EXPOSURE_SLOTS, SLOT_BLOOD } from '../exposure';
import { defineModule } from '../module';

/**
 * How much of each cargo effect every compartment is exposed to this tick. With P packets in a
 * compartment whose effect levels of effect k sum to S, the response is S / (P + half): the mean
 * level per packet times a saturating occupancy P / (P + half). Tissue compartments count the
 * packets present; the blood, which exosomes cross in minutes, counts the mean number present
 * during the last tick (packet-hours / tick length). Modules read responses, never cargo names;
 * knocking a cargo out lowers S, blocking secretion lowers P.
 */
export const cargoExposure = defineModule({
  id: 'cargo-exposure',
  doc: 'Turns the exosomes present in each tissue and passing through the blood into a saturating response per cargo effect.',
  phase: 'sense',
  everyTicks: 1,
  needs: { pools: ['exosome'], cargo: true, exposure: true, blood: true },
  params: {
    tissueHalfPackets: {
      default: 500, min: 1, max: 1e9, range: [150, 15000], unit: 'packets', doc: 'packets in a tissue region giving half the maximal response',
      source: 'schematic: no in-vivo dose–response of recipient cells to vesicle number is measured; a packet is exosomesPerAgent vesicles (model resolution), so this half-response level is a resolution-dependent constant to calibrate; Hill n = 1 is the simplest saturating form',
    },
    bloodHalfPackets: {
      default: 1, min: 0.001, max: 1e9, range: [0.1, 100], unit: 'packets', doc: 'mean packets present in the circulation giving half the maximal response',
      source: 'schematic: exosomes leave the blood within minutes (half-lives ~2 min, Takahashi et al. 2013, and ~20 min, cited with Wiklander et al. 2015; ~1.7 min in the model), so few packets are in it at once; the half-response level itself is unmeasured',
    },
  },
  step(ctx, p) {
    const cargo = ctx.cargo;
    const exposure = ctx.exposure;
    const profiles = cargo.profileCount;
    const counts = new Float64Array(EXPOSURE_SLOTS * profiles);
    const ex = ctx.pools.exosome;
    const region = ex.cols.region;
    const profile = ex.cols.profile;
    for (let i = 0; i < ex.count; i++) {
      if (region[i] !== REGION_BLOOD) counts[region[i] * profiles + profile[i]]++;
    }
    for (let q = 0; q < profiles; q++) counts[SLOT_BLOOD * profiles + q] = ctx.blood.packetHours[q] / ctx.tickHours;
    exposure.response.fill(0);
    for (let slot = 0; slot < EXPOSURE_SLOTS; slot++) {
      let packets = 0;
      for (let q = 0; q < profiles; q++) packets += counts[slot * profiles + q];
      exposure.packets[slot] = packets;
      if (packets === 0) continue;
      const denom = packets + (slot === SLOT_BLOOD ? p.bloodHalfPackets : p.tissueHalfPackets);
      for (let k = 0; k < EFFECT_COUNT; k++) {
        let sum = 0;
        for (let q = 0; q < profiles; q++) {
          const n = counts[slot * profiles + q];
          if (n > 0) sum += n * (slot === SLOT_BLOOD ? cargo.strength(q, k) : cargo.regionalStrength(q, k, slot));
        }
        exposure.response[slot * EFFECT_COUNT + k] = sum / denom;
      }
    }
  },
});
