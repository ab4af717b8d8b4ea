import type { CargoTables } from './cargo-tables';
import { FX } from './effect-index';
import type { Clone } from './world';

/**
 * Share of the CD8 kill hazard a tumour cell of each clone still meets, indexed by clone id:
 * 1 − min(1, cutPerLevel × its clone's tcell.checkpoint level). A checkpoint ligand the cell
 * packs into its exosomes (PD-L1) sits on its own membrane too, where it engages PD-1 on the
 * CD8 cell attacking it and lowers that cell's cytotoxicity (Juneja et al. 2017, J Exp Med
 * 214:895; Chen et al. 2018, Nature 560:382), in the blood as in tissue.
 */
export function tKillShareByClone(cargo: CargoTables, clones: readonly Clone[], cutPerLevel: number): Float64Array {
  const share = new Float64Array(clones.length);
  for (const c of clones) share[c.id] = 1 - Math.min(1, cutPerLevel * Math.max(0, cargo.strength(c.profile, FX.tcellCheckpoint)));
  return share;
}
