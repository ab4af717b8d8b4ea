import { readFileSync } from 'node:fs';
import { transfer } from 'comlink';
import { describe, expect, it } from 'vitest';
import { Engine } from '../src/engine/engine';
import { readFrame } from '../src/engine/frame';
import { FIELD_NAMES } from '../src/world/world-params';
import { parseScenario } from '../src/scenario/resolve';
import type { AdvanceResult } from '../src/protocol/engine-api';
import { EngineHost } from '../workers/engine-host';
import { startNodeEngineWorker } from '../workers/node-client';

const FILE = 'scenarios/breast.json';
const TEXT = readFileSync(FILE, 'utf8');

function host(seed = 5): EngineHost {
  const h = new EngineHost();
  const init = h.init(TEXT, FILE, { seed });
  if (!init.ok) throw new Error(init.message);
  return h;
}

describe('worker protocol: frames, layout, inspection', () => {
  it('hands over metrics rows for exactly the ticks the caller does not have yet', () => {
    const h = host();
    const metricCount = h.layout().metrics.length;
    const first = h.advance(0, -1, 0, null);
    expect(first.firstTick).toBe(0);
    expect(first.metrics.length).toBe(metricCount);
    const next = h.advance(7, first.tick, 0, first.frame);
    expect(next.tick).toBe(7);
    expect(next.firstTick).toBe(1);
    expect(next.metrics.length).toBe(7 * metricCount);
    expect(Array.from(next.metrics.subarray(6 * metricCount))).toEqual(Array.from(h.series(7)));
  });

  it('writes frames the renderer can read with the layout, with points inside the world', () => {
    const h = host();
    const layout = h.layout();
    const res = h.advance(20, -1, 0, null);
    const f = readFrame(res.frame, layout.fieldSizes);
    expect(f.tick).toBe(20);
    expect(f.counts).toHaveLength(layout.pointKinds.length);
    expect(f.counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
    f.positions.forEach((xy) => {
      for (let i = 0; i < xy.length; i++) {
        const limit = i % 2 === 0 ? layout.worldSize.width : layout.worldSize.height;
        expect(xy[i]).toBeGreaterThanOrEqual(0);
        expect(xy[i]).toBeLessThanOrEqual(limit);
      }
    });
  });

  it('names every style byte a frame contains', () => {
    const h = host();
    const layout = h.layout();
    const f = readFrame(h.advance(60, -1, 0, null).frame, layout.fieldSizes);
    layout.pointKinds.forEach((kind, k) => {
      const known = new Set(layout.styles[kind].map((s) => s.code));
      for (const code of new Set(f.styles[k])) expect(known.has(code), `${kind} style ${code}`).toBe(true);
    });
  });

  it('reuses a returned frame buffer instead of allocating, and never hands one out twice', () => {
    const h = host();
    let buf: ArrayBuffer | null = null;
    const seen = new Set<ArrayBuffer>();
    for (let k = 0; k < 20; k++) {
      const res = h.advance(1, -1, 0, buf);
      buf = res.frame;
      seen.add(buf);
    }
    const stats = h.framePoolStats();
    expect(stats.allocated).toBeLessThanOrEqual(2);
    expect(stats.reused).toBeGreaterThanOrEqual(18);
    // Without giving buffers back, each frame gets its own buffer.
    const a = h.advance(0, -1, 0, null).frame;
    const b = h.advance(0, -1, 0, null).frame;
    expect(a).not.toBe(b);
  });

  it('ignores a detached buffer given back', () => {
    const h = host();
    const detached = new ArrayBuffer(64);
    structuredClone(detached, { transfer: [detached] });
    expect(detached.byteLength).toBe(0);
    h.recycle(detached);
    expect(h.framePoolStats().free).toBe(0);
  });

  it('recycles real transferred buffers through a worker thread', async () => {
    const worker = startNodeEngineWorker();
    try {
      expect((await worker.api.init(TEXT, FILE, { seed: 3 })).ok).toBe(true);
      let buf: ArrayBuffer | null = null;
      for (let k = 0; k < 15; k++) {
        const given: ArrayBuffer | null = buf;
        const res: AdvanceResult = await worker.api.advance(1, -1, 0, given ? transfer(given, [given]) : null);
        if (given) expect(given.byteLength).toBe(0); // detached here: it now belongs to the worker
        buf = res.frame;
        expect(buf.byteLength).toBeGreaterThan(0);
      }
      expect((await worker.api.framePoolStats()).allocated).toBeLessThanOrEqual(2);
    } finally {
      await worker.close();
    }
  });

  it('validates without touching the run, reporting the path of each problem', () => {
    const h = host();
    h.step(5);
    const issues = h.validate(JSON.stringify({ name: 'x', cancerType: 'breast', tickHours: -1, bogus: 1 }), 'editor', {});
    expect(issues.map((i) => i.path).sort()).toEqual(['/bogus', '/tickHours']);
    expect(h.tick()).toBe(5);
    const bad = h.init('{ nope', 'editor', {});
    expect(bad.ok).toBe(false);
    expect(h.tick()).toBe(5);
  });

  it('inspects the nearest agent with its cargo, and finds it again by id', () => {
    const h = host();
    h.step(10);
    const layout = h.layout();
    const primary = layout.regions[0];
    const cx = (primary.x0Um + primary.x1Um) / 2;
    const cy = (primary.y0Um + primary.y1Um) / 2;
    const a = h.inspect(cx, cy, 100);
    expect(a).not.toBeNull();
    expect(Math.hypot(a!.x - cx, a!.y - cy)).toBeLessThanOrEqual(100);
    expect(a!.state.length).toBeGreaterThan(0);
    expect(h.inspectAgent(a!.kind, a!.id)?.id).toBe(a!.id);
    expect(h.inspect(-5000, -5000, 10)).toBeNull();
  });

  it('gives a tumour cell its lineage and the cargo its clone packages', () => {
    const h = host();
    h.step(3);
    const e = new Engine(parseScenario(TEXT, FILE, { seed: 5 }));
    e.run(3);
    const t = e.world.pools.tumour;
    const cell = h.inspectAgent('tumour', t.id[0]);
    expect(cell?.lineage?.id).toBe(t.cols.lineage[0]);
    expect(Object.values(cell!.lineage!.members).reduce((s, n) => s + n, 0)).toBeGreaterThanOrEqual(1);
    expect([...cell!.cargo].sort()).toEqual([...e.config.cargo].sort());
  });

  it('lists with a cell\'s lineage exactly the events of that lineage: metastases it founded and its cells killed in the blood', () => {
    const h = host(1);
    h.step(300);
    const e = new Engine(parseScenario(TEXT, FILE, { seed: 1 }));
    e.run(300);
    const metastases = e.events.filter((ev) => ev.type === 'metastasis');
    expect(metastases.length).toBeGreaterThan(0);
    const t = e.world.pools.tumour;
    const founders = new Set(metastases.map((ev) => ev.data.lineage));
    const row = Array.from({ length: t.count }, (_, i) => i).find((i) => founders.has(t.cols.lineage[i]))!;
    expect(row).toBeGreaterThanOrEqual(0);
    const lineage = t.cols.lineage[row];
    const cell = h.inspectAgent('tumour', t.id[row])!;
    expect(cell.lineage?.id).toBe(lineage);
    const mine = e.events.filter((ev) => ev.data.lineage === lineage);
    expect(mine.some((ev) => ev.type === 'metastasis')).toBe(true);
    expect(cell.lineage?.events).toEqual(mine);
    expect(new Set(mine.map((ev) => ev.type))).toEqual(new Set(['metastasis', 'ctc-killed']));
  });

  it('records every CTC killed in the blood as an event naming its killer, as many as the kill counters', () => {
    const e = new Engine(parseScenario(TEXT, FILE, { seed: 1 }));
    e.run(120);
    const kills = e.events.filter((ev) => ev.type === 'ctc-killed');
    const m = e.metrics();
    for (const killer of ['nk', 't', 'shear'] as const) {
      expect(kills.filter((k) => k.data.killer === killer).length, killer).toBe(m[`ctc.killed.${killer}`]);
    }
    // Each died on its vessel segment.
    const graph = e.world.graph;
    for (const k of kills) {
      const s = graph.segments[k.data.vessel];
      const cross = (s.bx - s.ax) * (k.data.y - s.ay) - (s.by - s.ay) * (k.data.x - s.ax);
      expect(Math.abs(cross) / Math.hypot(s.bx - s.ax, s.by - s.ay)).toBeLessThan(1e-6);
    }
  });

  it('summarises a region: field means, resident cells by state and their mean education, as the engine holds them', () => {
    const h = host();
    h.step(30);
    const e = new Engine(parseScenario(TEXT, FILE, { seed: 5 }));
    e.run(30);
    const lung = h.layout().regions.find((r) => r.name === 'lung')!;
    const r = h.inspectRegion(lung.id)!;
    const fields = e.world.regions[lung.id].fields;
    expect(r.fieldMeans).toEqual(Object.fromEntries(FIELD_NAMES.map((f) => [f, fields[f].total() / fields[f].values.length])));
    const s = e.world.pools.stroma;
    let residents = 0;
    let educated = 0;
    let education = 0;
    for (let i = 0; i < s.count; i++) {
      if (s.cols.region[i] !== lung.id) continue;
      residents++;
      if (s.cols.education[i] >= 0.5) educated++;
      education += s.cols.education[i];
    }
    expect(residents).toBeGreaterThan(0);
    const byState = Object.entries(r.agents.stroma ?? {});
    expect(byState.reduce((n, [, k]) => n + k, 0)).toBe(residents);
    expect(byState.filter(([label]) => label.endsWith(', educated')).reduce((n, [, k]) => n + k, 0)).toBe(educated);
    expect(r.meanEducation).toBe(education / residents);
    expect(h.inspectRegion(99)).toBeNull();
  });
});
