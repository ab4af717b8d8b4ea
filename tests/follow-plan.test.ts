import { describe, expect, it } from 'vitest';
import { followStages } from '../src/app/follow/follow-plan';
import type { MetastasisEvent } from '../src/engine/events';
import type { WorldLayout } from '../src/protocol/engine-api';

// The story a followed metastasis tells depends on where its founder entered the blood: the
// primary, or a colony that shed it (a metastasis seeding another).

const layout = { tickHours: 2 } as WorldLayout; // followStages reads only the tick length
const event = (shedFrom: string, invadedTick = 20): MetastasisEvent => ({
  tick: 200, type: 'metastasis', module: 'colonisation',
  data: {
    organ: 'lung', x: 1, y: 2, colony: 7, lineage: 4, clone: 0, leftTick: 150, shedFrom, cloaked: false, arrestedIn: 'lung',
    nicheOnArrival: 0.01, invadedTick, arrestedTick: 151, extravasatedTick: 160, foundedTick: 161, primingCargo: [],
  },
});

describe('following a metastasis', () => {
  it('tells a cell from the primary that it intravasated after invading', () => {
    const stages = followStages(event('primary'), { cargo: [], events: [], layout });
    const into = stages.find((s) => s.id === 'intravasate')!;
    expect(into.tick).toBe(151);
    expect(into.caption).toContain('130 ticks after it began to invade');
    expect(stages.find((s) => s.id === 'invade')!.caption).toContain('the cell turned mesenchymal');
  });

  it('tells a cell a liver colony shed that its ancestors invaded and a colony in the liver shed it', () => {
    const stages = followStages(event('liver'), { cargo: [], events: [], layout });
    const into = stages.find((s) => s.id === 'intravasate')!;
    expect(into.caption).toContain('shed into the blood by a colony its ancestors had founded in the liver');
    expect(into.caption).not.toContain('after it began to invade');
    expect(stages.find((s) => s.id === 'invade')!.caption).toContain('an ancestor of the cell turned mesenchymal');
    expect(stages.map((s) => s.id)).toEqual(['invade', 'intravasate', 'blood', 'arrest', 'extravasate', 'colony', 'metastasis']);
  });

  it('tells a cell shed passively that the growing tumour pushed it into a vessel, with no invasion stage', () => {
    const stages = followStages(event('primary', -1), { cargo: [], events: [], layout });
    expect(stages.map((s) => s.id)).toEqual(['intravasate', 'blood', 'arrest', 'extravasate', 'colony', 'metastasis']);
    expect(stages[0].caption).toContain('pushed into a leaky vessel next to it by the growing tumour (passive shedding)');
    expect(stages[0].caption).not.toContain('after it began to invade');
    const fromColony = followStages(event('liver', -1), { cargo: [], events: [], layout });
    expect(fromColony.map((s) => s.id)[0]).toBe('intravasate');
    expect(fromColony[0].caption).toContain('The ancestor that left the primary was pushed into a leaky vessel');
  });
});
