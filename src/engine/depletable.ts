/**
 * Populations that a depletion what-if can target, in the order of `World.depletion`. The
 * engine owns the list (it keeps a depleted fraction per entry); the scenario parser checks
 * what-ifs against it.
 */
export const DEPLETABLE = ['platelets', 'nk', 'cd8', 'macrophages', 'bcells'] as const;
/** A depletable population. */
export type Depletable = (typeof DEPLETABLE)[number];
