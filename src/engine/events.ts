// Events the engine records as they happen, with their provenance. One type per kind of event,
// joined in SimEvent (a union discriminated by `type`), so a reader switches on the type and
// gets its payload typed; a new kind of event is a new member here.

/** Fields every event has. */
interface EventBase {
  /** Tick when it happened. */
  tick: number;
  /** Module that emitted it. */
  module: string;
}

/** A colony reached metastasis size: where it is and the lineage that founded it. */
export interface MetastasisEvent extends EventBase {
  type: 'metastasis';
  data: {
    /** Organ of the colony ('primary' for spread within the primary region). */
    organ: string;
    /** Colony position, µm. */
    x: number;
    y: number;
    /** Colony id (generational). */
    colony: number;
    /** Lineage and clone of the founding cell. */
    lineage: number;
    clone: number;
    /** Tick the founding cell entered the blood: left the primary, or was shed by a colony. */
    leftTick: number;
    /** Where it entered the blood from: 'primary', or the organ whose colony shed it. */
    shedFrom: string;
    /** Whether it was ever cloaked by platelets in the blood. */
    cloaked: boolean;
    /** Organ whose capillary bed it arrested in. */
    arrestedIn: string;
    /** Niche level of that organ when it arrived. */
    nicheOnArrival: number;
    /** Ticks the founding cell began invading, lodged in the organ and left the vessel. */
    invadedTick: number;
    arrestedTick: number;
    extravasatedTick: number;
    /** Tick the colony was founded. */
    foundedTick: number;
    /** Packaged cargo ids whose effects prime a niche in this organ. */
    primingCargo: string[];
  };
}

/** What killed a circulating tumour cell: an NK cell, a CD8 T cell, or shear stress. */
export type CtcKiller = 'nk' | 't' | 'shear';

/** A circulating tumour cell died in the blood: where, what killed it, and whether it was cloaked. */
export interface CtcKilledEvent extends EventBase {
  type: 'ctc-killed';
  data: {
    /** Position on its vessel segment when it died, µm. */
    x: number;
    y: number;
    /** Vessel segment index (the circulation graph's). */
    vessel: number;
    killer: CtcKiller;
    /** Lineage of the cell. */
    lineage: number;
    /** Whether a platelet cloak covered it when it died. */
    cloaked: boolean;
  };
}

/** A simulation event with provenance: one of the event types above. */
export type SimEvent = MetastasisEvent | CtcKilledEvent;

/** The tumour lineage an event concerns, or null for an event about none. */
export function lineageOf(e: SimEvent): number | null {
  switch (e.type) {
    case 'metastasis':
    case 'ctc-killed':
      return e.data.lineage;
  }
}

/** The organ whose colony shed a metastasis's founder into the blood, or null when it left the primary. */
export function shedOrgan(d: MetastasisEvent['data']): string | null {
  return d.shedFrom && d.shedFrom !== 'primary' ? d.shedFrom : null;
}
