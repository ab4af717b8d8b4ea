import type { ModuleDef, Phase } from './module';
import { PHASES } from './module';
import { angiogenesis } from './modules/angiogenesis';
import { cargoExposure } from './modules/cargo-exposure';
import { circulation } from './modules/circulation';
import { emtInvasion } from './modules/emt-invasion';
import { exosomeRelease } from './modules/exosome-release';
import { exosomeTransport } from './modules/exosome-transport';
import { exosomeUptake } from './modules/exosome-uptake';
import { fieldTransport } from './modules/field-transport';
import { immuneSurveillance } from './modules/immune-surveillance';
import { nicheGrowth } from './modules/niche-growth';
import { organotropism } from './modules/organotropism';
import { plateletCloak } from './modules/platelet-cloak';
import { tumourGrowth } from './modules/tumour-growth';

/** One phase of the tick and its modules, in the order they run. */
export interface PhaseSchedule {
  readonly phase: Phase;
  readonly modules: readonly ModuleDef[];
}

/**
 * The tick, phase by phase. Inside a phase a module sees the transfers committed by the modules
 * before it (births and deaths only after the phase), so where the order matters it is said here.
 * Adding a module never shifts another's random draws (one stream each, named by module id).
 */
export const SCHEDULE: readonly PhaseSchedule[] = [
  { phase: 'sense', modules: [cargoExposure] },
  {
    phase: 'act',
    modules: [
      tumourGrowth,
      // Release before EMT: a cell that intravasates this tick still releases in the primary.
      exosomeRelease,
      emtInvasion, // step 1
      angiogenesis, // step 2
      // After EMT: a cell that entered the blood this tick meets NK and T cells this tick.
      immuneSurveillance, // step 3
      // After the immune attack: cloaks form on the cells still circulating.
      plateletCloak, // step 3
      // Last: colonies grow after this tick's kills in the organs.
      nicheGrowth, // step 5
    ],
  },
  // Exosomes and cells move independently of each other: either order gives the same state.
  { phase: 'move', modules: [exosomeTransport, circulation] },
  // Uptake of the packets in tissue before homing moves blood packets into the organs.
  { phase: 'exchange', modules: [exosomeUptake, organotropism] }, // steps 4–5
  { phase: 'fields', modules: [fieldTransport] },
];

/** Every rule module, in run order. */
export const MODULES: readonly ModuleDef[] = SCHEDULE.flatMap((s) => s.modules);

for (const [k, s] of SCHEDULE.entries()) {
  if (s.phase !== PHASES[k]) throw new Error(`schedule: phase ${k} is ${s.phase}, expected ${PHASES[k]}`);
  for (const m of s.modules) if (m.phase !== s.phase) throw new Error(`schedule: ${m.id} declares phase ${m.phase} but runs in ${s.phase}`);
}
