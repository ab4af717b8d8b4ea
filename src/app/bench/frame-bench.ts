import { transfer } from 'comlink';
import { readFrame } from '../../engine/frame';
import type { AdvanceResult } from '../../protocol/engine-api';
import type { App } from '../app';
import { median } from '../debug-hook';
import { stateColour } from '../render/palette';
import { NaiveParticles } from './naive-particles';

/** Percentile p (0..1) of a list. */
function quantile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN;
}

function stats(xs: readonly number[]): { medianMs: number; p95Ms: number; n: number } {
  return { medianMs: median(xs), p95Ms: quantile(xs, 0.95), n: xs.length };
}

/**
 * Measures, in the page, the main thread's work per frame on the app's real path (frame receipt
 * + particle update, as play does it), the render call's CPU time, the worker's hand-over, and
 * the same-run baselines: naive particles (rebuilt every frame, tinted through the setter) and a
 * hand-over without the buffer pool (fresh buffer, copied).
 */
export async function runFrameBench(app: App, frames: number) {
  const layout = app.layout;
  if (!layout) throw new Error('no run loaded');
  const before = app.frameMs.length;
  const renderMs: number[] = [];
  const agents: number[] = [];
  for (let k = 0; k < frames; k++) {
    await app.client.stepBy(1);
    const counts = app.map.counts();
    agents.push(Object.values(counts).reduce((a, b) => a + b, 0));
    const t0 = performance.now();
    app.map.app.render();
    renderMs.push(performance.now() - t0);
    // Let the GPU (SwiftShader: CPU threads) finish, so the next frame's main-thread timing
    // measures our work rather than contention with the rasteriser.
    (app.map.app.renderer as unknown as { gl?: WebGLRenderingContext }).gl?.finish();
  }
  const frameMs = app.frameMs.slice(before - app.frameMs.length).slice(-frames);
  const handoverMs = app.client.handoverMs.slice(-frames);
  // Baseline: the same kind of frames through naive particle layers.
  const naive = layout.pointKinds.map(() => new NaiveParticles());
  const rgb = layout.pointKinds.map((kind) => {
    const lut = new Uint32Array(256);
    for (const s of layout.styles[kind] ?? []) lut[s.code] = stateColour(kind, s.label);
    return lut;
  });
  const naiveMs: number[] = [];
  let buf: ArrayBuffer | null = null;
  let tick = app.client.tick;
  const baselineFrames = Math.max(5, Math.floor(frames / 3));
  for (let k = 0; k < baselineFrames; k++) {
    const res: AdvanceResult = await app.client.api.advance(1, tick, Number.MAX_SAFE_INTEGER, buf ? transfer(buf, [buf]) : null);
    tick = res.tick;
    const t0 = performance.now();
    const view = readFrame(res.frame, layout.fieldSizes);
    layout.pointKinds.forEach((_, i) => naive[i].update(view.positions[i], view.styles[i], view.counts[i], rgb[i]));
    naiveMs.push(performance.now() - t0);
    buf = res.frame;
  }
  for (const n of naive) n.container.destroy();
  const worker = await app.client.api.benchHandover(30);
  return {
    agentsOnScreen: { median: median(agents), min: Math.min(...agents), max: Math.max(...agents), first: agents[0], last: agents[agents.length - 1] },
    frames,
    mainThreadFrame: stats(frameMs),
    renderCpu: stats(renderMs),
    workerHandover: stats(handoverMs),
    baseline: {
      naiveParticlesFrame: stats(naiveMs),
      workerPooled: stats(worker.pooledMs),
      workerFreshBufferCopy: stats(worker.copyMs),
    },
  };
}
