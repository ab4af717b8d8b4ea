import type { ModuleDef, Phase } from './module';
import { PHASES } from './module';
import { angiogenesis } from './modules/angiogenesis';
import { cargoExposure } from './modules/cargo-exposure';
import { circulation } from './modules/circulation';
import { colonisation } from './modules/colonisation';
import { ctcTransit } from './modules/ctc-transit';
import { emtInvasion } from './modules/emt-invasion';
import { exosomeRelease } from './modules/exosome-release';
import { exosomeFate } from './modules/exosome-fate';
import { fibroblastActivation } from './modules/fibroblast-activation';
import { fieldTransport } from './modules/field-transport';
import { immuneSurveillance } from './modules/immune-surveillance';
import { niche } from './modules/niche';
import { organSense } from './modules/organ-sense';
import { organotropism } from './modules/organotropism';
import { platelets } from './modules/platelets';
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
  // Both read the state as the last tick left it; neither reads the other.
  { phase: 'sense', modules: [cargoExposure, organSense] },
  {
    phase: 'act',
    modules: [
      tumourGrowth,
      // Release before EMT: a cell that intravasates this tick still releases in the primary.
      exosomeRelease,
      fibroblastActivation, // step 1: CAFs
      emtInvasion, // step 1
      angiogenesis, // step 2
      immuneSurveillance, // step 3: immune states and killing in tissue
      // After immunity: the platelet TGF-β it read was last tick's, this tick's is set here.
      platelets, // step 3
      niche, // step 5: the soil
      // After the niche and the kills in organs: colonies grow in this tick's soil.
      colonisation, // step 5
    ],
  },
  {
    phase: 'move',
    modules: [
      // Drainage into the blood first, so drained packets cross it in the same tick.
      exosomeFate, // steps 1, 4–5: uptake, education
      organotropism, // step 4: exosome homing
      ctcTransit, // steps 3–4: the CTCs' ride, attacks, cloaks and arrest
      // After the CTCs have moved: cloaking platelets follow their cell.
      circulation,
    ],
  },
  { phase: 'fields', modules: [fieldTransport] },
];

/** Every rule module, in run order. */
export const MODULES: readonly ModuleDef[] = SCHEDULE.flatMap((s) => s.modules);

for (const [k, s] of SCHEDULE.entries()) {
  if (s.phase !== PHASES[k]) throw new Error(`schedule: phase ${k} is ${s.phase}, expected ${PHASES[k]}`);
  for (const m of s.modules) if (m.phase !== s.phase) throw new Error(`schedule: ${m.id} declares phase ${m.phase} but runs in ${s.phase}`);
}
