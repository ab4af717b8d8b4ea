import { REGION_PRIMARY, regionOfOrgan, type Organ } from './regions';

/**
 * How blood leaves the primary site: caval (→ right heart → lung bed first), portal (→ liver
 * first; gut and pancreas), pulmonary (a lung primary drains to the left heart → arterial beds)
 * or vertebral (prostate: the valveless vertebral venous plexus reaches the bone marrow first,
 * Batson 1940).
 */
export type Drainage = 'caval' | 'portal' | 'pulmonary' | 'vertebral';
/** Every drainage route, in a fixed order. */
export const DRAINAGES: readonly Drainage[] = ['caval', 'portal', 'pulmonary', 'vertebral'];
/** The share of the primary's venous blood leaving by each route (shares sum to 1). */
export type DrainageMix = Readonly<Partial<Record<Drainage, number>>>;

/** A directed vessel segment of the circulation graph (schematic, µm). */
export interface VesselSegment {
  /** Index in the graph's segment list. */
  index: number;
  /** Human name ('aorta → liver', 'lung capillary bed'…). */
  name: string;
  from: number;
  to: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
  lengthUm: number;
  /** Schematic flow speed along the segment in µm per hour. */
  speedUmPerHour: number;
  /** Tissue region whose capillary bed this is, SYSTEMIC_BED for the rest of the body's, or -1 for a conducting vessel. */
  bedRegion: number;
  /** 'blood' or 'lymph'. */
  kind: 'blood' | 'lymph';
}

/**
 * The circulation: segments plus, per node, its outgoing segments and their flow fractions.
 * A class rather than an object literal: one graph is built per run, and a literal's second
 * evaluation (the second run in a thread) would reset its field types and discard code the JIT
 * optimised for the first (see World in engine/world.ts).
 */
export class VesselGraph {
  constructor(
    readonly segments: VesselSegment[],
    /** For each node, the outgoing segment indices. */
    readonly outSegments: number[][],
    /** For each node, cumulative flow fractions matching outSegments (last = 1). */
    readonly outCumulative: number[][],
    /** Segment index where blood leaves the primary (venous outlet). */
    readonly primaryVenousOutlet: number,
    /** Segment index where lymph leaves the primary. */
    readonly primaryLymphOutlet: number,
    /** Capillary-bed segment index of each region (primary 0, organs 1..5). */
    readonly bedOfRegion: number[],
  ) {}
}

/** bedRegion of the systemic capillaries: the organs the map does not draw (muscle, skin, spleen, kidney…). */
export const SYSTEMIC_BED = 6;

interface NodeDef { name: string; x: number; y: number }

const NODES: NodeDef[] = [
  { name: 'primary arterial inflow', x: 100, y: 850 }, // 0
  { name: 'primary venous outlet', x: 700, y: 850 }, // 1
  { name: 'primary lymphatic outlet', x: 400, y: 550 }, // 2
  { name: 'lymph node afferent', x: 850, y: 250 }, // 3
  { name: 'lymph node efferent', x: 1150, y: 250 }, // 4
  { name: 'vena cava', x: 900, y: 1450 }, // 5
  { name: 'right heart', x: 1000, y: 800 }, // 6
  { name: 'pulmonary artery', x: 1100, y: 800 }, // 7
  { name: 'pulmonary vein', x: 1500, y: 800 }, // 8
  { name: 'aorta', x: 1750, y: 800 }, // 9
  { name: 'hepatic inflow', x: 1950, y: 300 }, // 10
  { name: 'hepatic vein', x: 2350, y: 300 }, // 11
  { name: 'bone inflow', x: 1950, y: 850 }, // 12
  { name: 'bone outflow', x: 2350, y: 850 }, // 13
  { name: 'brain inflow', x: 1950, y: 1400 }, // 14
  { name: 'brain outflow', x: 2350, y: 1400 }, // 15
  { name: 'venous return', x: 2500, y: 1700 }, // 16
  { name: 'systemic inflow', x: 1700, y: 1700 }, // 17
  { name: 'systemic outflow', x: 1200, y: 1700 }, // 18
  { name: 'primary venules', x: 760, y: 850 }, // 19
];

/** Arterial share of cardiac output reaching each bed (schematic; rest of body is 'systemic'). */
export const ARTERIAL_FRACTIONS = { liver: 0.25, brain: 0.15, bone: 0.1, primary: 0.05, 'lymph-node': 0.03, systemic: 0.42 } as const;

/**
 * Builds the circulation for a primary site's drainage. Conducting vessels are fast; capillary
 * beds are slow, which is where cells arrest and exosomes leave the blood.
 */
export function buildVesselGraph(drainage: DrainageMix, conductingSpeedUmPerHour: number, bedSpeedUmPerHour: number): VesselGraph {
  const segments: VesselSegment[] = [];
  const add = (from: number, to: number, name: string, bed: number, kind: 'blood' | 'lymph' = 'blood'): number => {
    const a = NODES[from];
    const b = NODES[to];
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    segments.push({
      index: segments.length, name, from, to, ax: a.x, ay: a.y, bx: b.x, by: b.y,
      lengthUm: Math.sqrt(dx * dx + dy * dy),
      speedUmPerHour: bed >= 0 || kind === 'lymph' ? bedSpeedUmPerHour : conductingSpeedUmPerHour,
      bedRegion: bed, kind,
    });
    return segments.length - 1;
  };
  const organBed = (o: Organ) => regionOfOrgan(o);
  const primaryBed = add(0, 1, 'primary capillary bed', REGION_PRIMARY);
  // The primary's venules, then one route per drainage it has, taking its share of the flow.
  const venousOutlet = add(1, 19, 'primary venules', -1);
  const routeTo: Record<Drainage, [number, string]> = {
    caval: [5, 'primary venous drainage'], portal: [10, 'portal vein'], pulmonary: [9, 'pulmonary vein → left heart'], vertebral: [12, 'vertebral venous plexus'],
  };
  const routeWeight = new Map<number, number>();
  for (const d of DRAINAGES) {
    const share = drainage[d] ?? 0;
    if (share > 0) routeWeight.set(add(19, routeTo[d][0], routeTo[d][1], -1), share);
  }
  const lymphOutlet = add(2, 3, 'primary lymphatic', -1, 'lymph');
  const lnBed = add(3, 4, 'lymph node sinus', organBed('lymph-node'), 'lymph');
  add(4, 5, 'thoracic duct', -1, 'lymph');
  add(5, 6, 'vena cava', -1);
  add(6, 7, 'right heart → pulmonary artery', -1);
  const lungBed = add(7, 8, 'lung capillary bed', organBed('lung'));
  add(8, 9, 'left heart → aorta', -1);
  const aortaLiver = add(9, 10, 'hepatic artery', -1);
  const aortaBone = add(9, 12, 'artery → bone', -1);
  const aortaBrain = add(9, 14, 'carotid → brain', -1);
  const aortaPrimary = add(9, 0, 'artery → primary', -1);
  const aortaLn = add(9, 3, 'artery → lymph node', -1);
  const aortaSys = add(9, 17, 'artery → rest of body', -1);
  const liverBed = add(10, 11, 'liver sinusoids', organBed('liver'));
  const boneBed = add(12, 13, 'bone marrow sinusoids', organBed('bone'));
  const brainBed = add(14, 15, 'brain capillary bed', organBed('brain'));
  add(11, 16, 'hepatic vein', -1);
  add(13, 16, 'bone venous return', -1);
  add(15, 16, 'brain venous return', -1);
  add(16, 5, 'venous return → vena cava', -1);
  add(17, 18, 'systemic capillaries', SYSTEMIC_BED);
  add(18, 5, 'systemic venous return', -1);

  const outSegments: number[][] = NODES.map(() => []);
  const outWeights: number[][] = NODES.map(() => []);
  const weightOf = new Map<number, number>([
    [aortaLiver, ARTERIAL_FRACTIONS.liver], [aortaBone, ARTERIAL_FRACTIONS.bone], [aortaBrain, ARTERIAL_FRACTIONS.brain],
    [aortaPrimary, ARTERIAL_FRACTIONS.primary], [aortaLn, ARTERIAL_FRACTIONS['lymph-node']], [aortaSys, ARTERIAL_FRACTIONS.systemic],
  ]);
  for (const s of segments) {
    outSegments[s.from].push(s.index);
    outWeights[s.from].push(weightOf.get(s.index) ?? routeWeight.get(s.index) ?? 1);
  }
  const outCumulative = outWeights.map((w) => {
    const total = w.reduce((a, b) => a + b, 0);
    let acc = 0;
    return w.map((x, i) => (i === w.length - 1 ? 1 : (acc += x / total)));
  });
  const bedOfRegion = [primaryBed, lungBed, liverBed, boneBed, brainBed, lnBed];
  return new VesselGraph(segments, outSegments, outCumulative, venousOutlet, lymphOutlet, bedOfRegion);
}

/** Picks the next segment after reaching `node`, given a uniform draw u in [0,1). */
export function nextSegment(graph: VesselGraph, node: number, u: number): number {
  const outs = graph.outSegments[node];
  const cum = graph.outCumulative[node];
  for (let i = 0; i < outs.length - 1; i++) if (u < cum[i]) return outs[i];
  return outs[outs.length - 1];
}
