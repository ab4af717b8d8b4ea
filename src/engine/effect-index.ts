import { effectIndex } from './cargo-tables';

/** Effect indices resolved once at load, so modules read cargo responses by number. */
export const FX = {
  emtInduce: effectIndex('emt.induce'),
  ecmDegrade: effectIndex('ecm.degrade'),
  invasionBoost: effectIndex('invasion.boost'),
  invasionSuppress: effectIndex('invasion.suppress'),
  angioSprout: effectIndex('angio.sprout'),
  vesselPermeability: effectIndex('vessel.permeability'),
  macrophageM2: effectIndex('macrophage.m2'),
  lymphangiogenesis: effectIndex('lymphangiogenesis'),
  tcellSuppress: effectIndex('tcell.suppress'),
  tcellApoptosis: effectIndex('tcell.apoptosis'),
  nkSuppress: effectIndex('nk.suppress'),
  bcellRegulatory: effectIndex('bcell.regulatory'),
  mdscExpand: effectIndex('mdsc.expand'),
  plateletActivate: effectIndex('platelet.activate'),
  homing: effectIndex('homing'),
  adhesionEndothelium: effectIndex('adhesion.endothelium'),
  nichePrime: effectIndex('niche.prime'),
  nicheKupffer: effectIndex('niche.kupffer'),
  nicheMetabolic: effectIndex('niche.metabolic'),
  metTransition: effectIndex('met.transition'),
  tascConvert: effectIndex('tasc.convert'),
  growthProliferate: effectIndex('growth.proliferate'),
  growthSuppress: effectIndex('growth.suppress'),
} as const;
