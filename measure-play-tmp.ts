import { startHarness, openPage } from './tests/browser/harness';
const h = await startHarness();
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
try {
  const { page, problems } = await openPage(h, '?scenario=breast&seed=7&wi=deplete%3Ank%400%3D1');
  const ev = <T>(fn: string) => page.evaluate(`(async () => { const x = window.__exo; ${fn} })()`) as Promise<T>;
  const T = 60, D = 8000;
  await ev(`await x.runTo(${T}); x.app.client.speed = Infinity; x.app.client.advanceMs.length = 0; x.app.frameMs.length = 0; x.play(); return 0;`);
  await page.waitForTimeout(D);
  const single = await ev<any>(`x.pause(); await new Promise(r => setTimeout(r, 300)); return { ticks: x.tick() - ${T}, advanceMs: [...x.app.client.advanceMs], frameMs: [...x.app.frameMs] };`);
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.waitForFunction(() => ((window as any).__exo.app.compare.current?.runTicks ?? 0) > 0);
  await ev(`await x.app.compare.runTo(${T}); x.app.compare.current.drawMs.length = 0; x.app.compare.setSpeed(Infinity); x.app.compare.play(); return 0;`);
  await page.waitForTimeout(D);
  const cmp = await ev<any>(`x.app.compare.pause(); await new Promise(r => setTimeout(r, 300)); const p = x.app.compare.current; return { ticks: p.tick - ${T}, drawMs: [...p.drawMs] };`);
  console.log(JSON.stringify({
    single: { ticksPerS: single.ticks / (D / 1000), frames: single.advanceMs.length, advanceMsMedian: median(single.advanceMs), frameMsMedian: median(single.frameMs) },
    compare: { ticksPerS: cmp.ticks / (D / 1000), frames: cmp.drawMs.length, drawMsMedian: median(cmp.drawMs), drawMs: cmp.drawMs.map((v: number) => Math.round(v)) },
    errors: problems.errors,
  }));
  await page.close();
} finally { await h.close(); }
