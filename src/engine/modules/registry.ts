import type { RuleModule } from '../module';
import { angiogenesis } from './angiogenesis';
import { cargoExposure } from './cargo-exposure';
import { circulation } from './circulation';
import { emtInvasion } from './emt-invasion';
import { exosomeRelease } from './exosome-release';
import { exosomeTransport } from './exosome-transport';
import { exosomeUptake } from './exosome-uptake';
import { fieldTransport } from './field-transport';
import { immuneSurveillance } from './immune-surveillance';
import { nicheGrowth } from './niche-growth';
import { organotropism } from './organotropism';
import { plateletCloak } from './platelet-cloak';
import { tumourGrowth } from './tumour-growth';

/**
 * Every rule module in run order. Within a phase, modules run in this order; phases run in
 * PHASES order (sense → act → move → exchange → fields). Adding a module never shifts another's
 * random draws (one stream each, named by module id).
 */
export const MODULES: readonly RuleModule[] = [
  cargoExposure, // sense
  tumourGrowth, // act
  exosomeRelease,
  emtInvasion, // step 1
  angiogenesis, // step 2
  immuneSurveillance, // step 3
  plateletCloak, // step 3
  nicheGrowth, // step 5
  exosomeTransport, // move
  circulation,
  exosomeUptake, // exchange
  organotropism, // step 4
  fieldTransport, // fields
] as unknown as readonly RuleModule[];
