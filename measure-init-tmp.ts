import { startHarness, openPage } from './tests/browser/harness';
const h = await startHarness();
try {
  for (let round = 0; round < 2; round++) {
    const { page, problems } = await openPage(h, '?scenario=breast&seed=7');
    const ev = <T>(fn: string) => page.evaluate(`(async () => { const x = window.__exo; ${fn} })()`) as Promise<T>;
    const r = await ev<any>(`
      const App = x.app.map.app.constructor;
      const one = async () => { const app = new App(); const t0 = performance.now(); await app.init({ width: 500, height: 500, antialias: true, preference: 'webgl', autoStart: false }); return performance.now() - t0; };
      const par = performance.now(); const ps = await Promise.all([one(), one()]); const parMs = performance.now() - par;
      const s1 = await one(); const s2 = await one();
      return { parallel: ps, parMs, seq: [s1, s2] };`);
    console.log(round, JSON.stringify(r));
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForFunction(() => ((window as any).__exo.app.compare.current?.runTicks ?? 0) > 0);
    console.log('compare ready ms', Date.now() - t0, 'mapInitMs', await ev('return x.app.compare.mapInitMs'));
    console.log(problems.errors);
    await page.close();
  }
} finally { await h.close(); }
