import { startHarness, openPage } from './tests/browser/harness';
const h = await startHarness();
try {
  for (const cores of [1, 2]) {
    const ctx = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
    await ctx.addInitScript(`Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => ${cores} });`);
    const page = await ctx.newPage();
    await page.goto(h.url + '?scenario=breast&wi=block%3Atcell.suppress%400%3D1');
    await page.waitForFunction(() => (window as any).__exo !== undefined);
    await page.evaluate(() => (window as any).__exo.ready);
    await page.getByRole('button', { name: 'Run ensemble' }).click();
    await page.getByLabel('Seeds').fill('1..4');
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'summary.json' }).waitFor({ timeout: 300_000 });
    const wall = Date.now() - t0;
    const o = await page.evaluate(() => { const e = (window as any).__exo.app.ensemble.outcome; return { workers: e.workers, wallMs: e.wallMs, startupMs: e.startupMs, runMs: e.records.map((r: any) => r.wallMs), overheadMs: e.overheadMs }; });
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    console.log(JSON.stringify({ cores, clickToReportMs: wall, poolWallMs: Math.round(o.wallMs), workers: o.workers, startupMs: o.startupMs.map(Math.round), sumRunMs: Math.round(sum(o.runMs)), overheadPct: (100 * sum(o.overheadMs) / sum(o.runMs)).toFixed(2), overheadMsPerRun: (sum(o.overheadMs) / o.runMs.length).toFixed(1), text: await page.getByTestId('ensemble-progress').textContent() }));
    await ctx.close();
  }
} finally { await h.close(); }
