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
  const renderer = app.map.app.renderer as unknown as { uid: number; gl?: WebGLRenderingContext };
  const renderMs: number[] = [];
  const packMs: number[] = [];
  const agents: number[] = [];
  // The map draws only when told to here: each frame is drawn and the GPU (SwiftShader, which
  // rasterises on the same CPU cores) allowed to finish before the next one arrives, so the
  // main-thread timings measure our work rather than contention with the rasteriser.
  app.map.suspendDrawing(true);
  try {
    for (let k = 0; k < frames; k++) {
      await app.client.stepBy(1);
      agents.push(Object.values(app.map.counts()).reduce((a, b) => a + b, 0));
      // pixi's own copy of the particles into its vertex buffer: CPU work the render call does.
      const t0 = performance.now();
      for (const layer of app.map.particleLayers()) {
        const c = layer.container as unknown as { _gpuData: Record<number, { update(ps: unknown[], uploadStatic: boolean): void }>; particleChildren: unknown[] };
        c._gpuData[renderer.uid]?.update(c.particleChildren, false);
      }
      packMs.push(performance.now() - t0);
      const t1 = performance.now();
      app.map.app.render();
      renderer.gl?.finish();
      renderMs.push(performance.now() - t1);
      await new Promise((r) => setTimeout(r, 150));
    }
  } finally {
    app.map.suspendDrawing(false);
  }
  const frameMs = app.frameMs.slice(-frames);
  // The same work repeated on one frame with a warm JIT and nothing else running: the floor.
  const repeatMs: number[] = [];
  {
    const res: AdvanceResult = await app.client.api.advance(0, app.client.tick, Number.MAX_SAFE_INTEGER, null);
    for (let k = 0; k < 60; k++) {
      const t0 = performance.now();
      app.map.applyFrame(readFrame(res.frame, layout.fieldSizes));
      repeatMs.push(performance.now() - t0);
    }
    app.client.api.recycle(transfer(res.frame, [res.frame]));
  }
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
    mainThreadFrameRepeated: stats(repeatMs.slice(10)),
    pixiParticlePack: stats(packMs),
    renderWithGpuFinish: stats(renderMs),
    workerHandover: stats(handoverMs),
    baseline: {
      naiveParticlesFrame: stats(naiveMs),
      workerPooled: stats(worker.pooledMs),
      workerFreshBufferCopy: stats(worker.copyMs),
    },
  };
}
