import type { RuleModule } from '../module';
import { exosomeRelease } from './exosome-release';
import { exosomeTransport } from './exosome-transport';
import { exosomeUptake } from './exosome-uptake';
import { fieldTransport } from './field-transport';
import { tumourGrowth } from './tumour-growth';

/**
 * Every rule module in run order. Within a phase, modules run in this order; phases run in
 * PHASES order. Adding a module here never shifts another's random draws (one stream each).
 */
export const MODULES: readonly RuleModule[] = [
  tumourGrowth,
  exosomeRelease,
  exosomeTransport,
  exosomeUptake,
  fieldTransport,
] as unknown as readonly RuleModule[];

/** The module with this id, or undefined. */
export function moduleById(id: string): RuleModule | undefined {
  return MODULES.find((m) => m.id === id);
}
