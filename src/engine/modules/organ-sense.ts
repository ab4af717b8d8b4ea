import { ImmuneType } from '../kinds';
import { defineModule } from '../module';
import { STROMA_TYPES } from '../organ-summary';

/**
 * Reads the soil of every region at the start of the tick (niche level, vessel leakiness,
 * resident education by type, recruited BMDCs) into the organ summary that the step-3 to
 * step-5 modules consult, so none of them has to scan another's agents.
 */
export const organSense = defineModule({
  id: 'organ-sense',
  doc: 'Summarises each organ’s soil (niche, vessel leak, resident education, BMDCs) for the modules that read it.',
  phase: 'sense',
  everyTicks: 1,
  needs: { pools: ['stroma', 'endothelium', 'immune'], fields: true, organs: true },
  params: {},
  step(ctx) {
    const o = ctx.organs;
    o.niche.fill(0);
    o.permeability.fill(0);
    o.segments.fill(0);
    o.residents.fill(0);
    o.education.fill(0);
    o.bmdc.fill(0);
    for (const r of ctx.regions) o.niche[r.region.id] = r.fields.niche.total() / r.fields.niche.values.length;
    const e = ctx.pools.endothelium;
    for (let k = 0; k < e.count; k++) {
      o.permeability[e.cols.region[k]] += e.cols.permeability[k];
      o.segments[e.cols.region[k]]++;
    }
    for (let r = 0; r < o.segments.length; r++) if (o.segments[r] > 0) o.permeability[r] /= o.segments[r];
    const s = ctx.pools.stroma;
    for (let i = 0; i < s.count; i++) {
      const slot = s.cols.region[i] * STROMA_TYPES + s.cols.type[i];
      o.residents[slot]++;
      o.education[slot] += s.cols.education[i];
    }
    for (let k = 0; k < o.residents.length; k++) if (o.residents[k] > 0) o.education[k] /= o.residents[k];
    const im = ctx.pools.immune;
    for (let i = 0; i < im.count; i++) if (im.cols.type[i] === ImmuneType.bmdc) o.bmdc[im.cols.region[i]]++;
  },
});
