import { startHarness, openPage } from './tests/browser/harness';
const h = await startHarness();
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
try {
  const { page, problems } = await openPage(h, '?scenario=breast&seed=7&wi=deplete%3Ank%400%3D1');
  const T = 120;
  const ev = <T>(fn: string) => page.evaluate(`(async () => { const x = window.__exo; ${fn} })()`) as Promise<T>;
  // Single view at tick T.
  await ev(`await x.runTo(${T}); return 0;`);
  await page.waitForTimeout(300);
  const timeRender = (expr: string) => `const app = ${expr}; const ms = []; for (let i = 0; i < 60; i++) { const t = performance.now(); app.render(); ms.push(performance.now() - t); } return ms;`;
  const single = await ev<number[]>(timeRender('x.app.map.app'));
  const singleSize = await ev<number[]>(`return [x.app.map.app.renderer.width, x.app.map.app.renderer.height];`);
  // Compare mode at tick T.
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.waitForFunction(() => ((window as any).__exo.app.compare.current?.runTicks ?? 0) > 0);
  const initMs = await ev<number>(`return x.app.compare.mapInitMs;`);
  await ev(`await x.app.compare.runTo(${T}); return 0;`);
  await page.waitForTimeout(300);
  const a = await ev<number[]>(timeRender('x.app.compare.view.a.map.app'));
  const b = await ev<number[]>(timeRender('x.app.compare.view.b.map.app'));
  const paneSize = await ev<number[]>(`return [x.app.compare.view.a.map.app.renderer.width, x.app.compare.view.a.map.app.renderer.height];`);
  // Fixed cost of one more pixi Application: init and render of an empty stage the size of a pane.
  const empty = await ev<{ initMs: number; renderMs: number[] }>(`
    const App = x.app.map.app.constructor; const app = new App(); const host = document.createElement('div'); document.body.append(host);
    const t0 = performance.now();
    await app.init({ width: ${paneSize[0]}, height: ${paneSize[1]}, background: '#0b1020', antialias: true, preference: 'webgl', autoStart: false });
    const initMs = performance.now() - t0; host.append(app.canvas);
    const ms = []; for (let i = 0; i < 60; i++) { const t = performance.now(); app.render(); ms.push(performance.now() - t); }
    app.destroy(true); host.remove(); return { initMs, renderMs: ms };`);
  // Lockstep frames while playing at max speed.
  await ev(`x.app.compare.setSpeed(Infinity); x.app.compare.play(); return 0;`);
  await page.waitForTimeout(6000);
  const play = await ev<{ tick: number; drawMs: number[] }>(`x.app.compare.pause(); await new Promise(r => setTimeout(r, 200)); const p = x.app.compare.current; return { tick: p.tick, drawMs: [...p.drawMs] };`);
  const counts = await ev<Record<string, number>>(`return x.app.compare.view.a.map.counts();`);
  console.log(JSON.stringify({
    singleView: { size: singleSize, renderMsMedian: median(single) },
    compare: { paneSize, mapInitMs: initMs, renderMsMedianA: median(a), renderMsMedianB: median(b) },
    extraApp: { initMs: empty.initMs, emptyRenderMsMedian: median(empty.renderMs) },
    playing: { ticksIn6s: play.tick - T, frames: play.drawMs.length, mainThreadMsPerLockstepFrameMedian: median(play.drawMs) },
    agentsDrawnA: counts, errors: problems.errors,
  }, null, 1));
  await page.close();
} finally { await h.close(); }
