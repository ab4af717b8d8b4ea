import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { METRIC_NAMES } from '../../src/engine/metrics';
import { parseScenario } from '../../src/scenario/resolve';
import { chromiumAvailable, openPage, startHarness, type Harness } from './harness';

// Issue 14's eight bugs, one test each, written before the fixes (each failed on the code the
// issue was filed against).

const exo = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(async () => { const x = window.__exo; return ${fn}; })()`) as Promise<T>;

function nodeEngine(file: string, text: string, seed: number, whatIfs: string[], ticks: number): Engine {
  const e = new Engine(parseScenario(text, file, { seed, whatIfs }));
  e.run(ticks);
  return e;
}

/** The text of a download the page offers after `action`. */
async function downloaded(page: Page, action: () => Promise<void>): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), action()]);
  return readFileSync(await d.path(), 'utf8');
}

describe.skipIf(!chromiumAvailable())('issue 14 bugs, in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('1: the ensemble report censors "no metastasis yet" instead of averaging −1 into the time to first metastasis', async () => {
    // Pancreatic seeds 1..4 over 90 ticks: two baseline runs reach a metastasis, two do not.
    const { page, problems } = await openPage(h, '?scenario=pancreatic&wi=ko%3Amif');
    try {
      await page.getByRole('button', { name: 'Run ensemble' }).click();
      const dialog = page.getByRole('dialog', { name: 'Run an ensemble' });
      await dialog.getByLabel('Seeds').fill('1..4');
      await dialog.getByLabel('Ticks').fill('90');
      await dialog.getByRole('button', { name: 'Start' }).click();
      await dialog.getByRole('button', { name: 'summary.json' }).waitFor({ timeout: 90_000 });
      const records = await exo<Array<{ arm: string; seed: number; metrics: Record<string, number> }>>(page, 'x.app.ensemble.outcome.records');
      const summary = await exo<{ stats: Record<string, Record<string, { mean: number | null; n: number }>>; censored: Record<string, Record<string, { notReached: number; n: number }>> }>(page, 'x.app.ensemble.outputs.summary');
      const html = await exo<string>(page, 'x.app.ensemble.outputs.reportHtml');
      for (const arm of ['baseline', 'what-if']) {
        const times = records.filter((r) => r.arm === arm).map((r) => r.metrics['time.firstMetastasis']);
        const reached = times.filter((v) => v >= 0);
        expect(times.length).toBe(4);
        const st = summary.stats[arm]['time.firstMetastasis'];
        expect(st.n).toBe(reached.length);
        expect(st.mean).toBe(reached.length ? reached.reduce((a, b) => a + b, 0) / reached.length : null);
        expect(summary.censored[arm]['time.firstMetastasis']).toEqual({ notReached: 4 - reached.length, n: 4 });
        if (reached.length < 4) expect(html).toContain(`not reached in ${4 - reached.length} of 4 runs`);
      }
      expect(records.filter((r) => r.arm === 'baseline' && r.metrics['time.firstMetastasis'] < 0).length).toBeGreaterThan(0);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('2: the lesson names the killer of the first circulating cell (shear on breast seed 4), not "the immune system"', async () => {
    const text = readFileSync('scenarios/breast.json', 'utf8');
    const s = nodeEngine('scenarios/breast.json', text, 4, [], 60).series;
    const idx = (m: string) => METRIC_NAMES.indexOf(m);
    const first = s.findIndex((r) => r[idx('ctc.killed.nk')] + r[idx('ctc.killed.t')] + r[idx('ctc.killed.shear')] > 0);
    expect([s[first][idx('ctc.killed.nk')], s[first][idx('ctc.killed.t')], s[first][idx('ctc.killed.shear')]]).toEqual([0, 0, 1]);
    const { page, problems } = await openPage(h, '?scenario=breast&seed=4');
    try {
      await page.getByLabel('Lesson mode').check();
      await page.getByRole('button', { name: 'Play' }).click();
      const dialog = page.locator('.lesson-dialog');
      let step3 = '';
      for (let k = 0; k < 8 && !step3; k++) {
        await dialog.locator('h3').waitFor({ timeout: 60_000 });
        const title = (await dialog.locator('h3').first().textContent()) ?? '';
        if (title.startsWith('Step 3')) {
          step3 = (await dialog.textContent()) ?? '';
          break;
        }
        await dialog.locator('input[type="radio"]').first().check();
        await dialog.getByRole('button', { name: /Continue/ }).click();
      }
      expect(step3).toMatch(/shear/i);
      expect(step3).not.toMatch(/immune system killed/i);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('3: a link with one bad what-if keeps the good ones and names the bad one', async () => {
    const { page, problems } = await openPage(h, '?scenario=breast&wi=ko%3Aitga6b4&wi=ko%3Anotacargo');
    try {
      expect(await exo<string[]>(page, 'x.app.run.whatIfs')).toEqual(['ko:itga6b4']);
      const notice = page.locator('.notice.error');
      await expect.poll(() => notice.count()).toBeGreaterThan(0);
      const text = (await notice.first().textContent()) ?? '';
      expect(text).toMatch(/what-if ko:notacargo \(unknown cargo id "notacargo"\) was dropped/);
      expect(text).toContain('kept ko:itga6b4');
      expect(page.url()).toContain('wi=ko%3Aitga6b4');
      expect(page.url()).not.toContain('notacargo');
      // Only the expected notice: no page errors.
      expect(problems.errors.filter((e) => !e.includes('notacargo'))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('4: the scenario JSON export reopens as the same run (seed and what-ifs included)', async () => {
    const whatIfs = ['dose:mir-105=2', 'deplete:nk@10=0.5'];
    const { page, problems } = await openPage(h, `?scenario=breast&seed=7&${whatIfs.map((w) => `wi=${encodeURIComponent(w)}`).join('&')}`);
    try {
      const hash = await exo<string>(page, 'x.runTo(20)');
      const text = await downloaded(page, () => page.getByLabel('Export').selectOption('scenario').then(() => undefined));
      const json = JSON.parse(text) as { seed: number; whatIfs: string[] };
      expect(json.seed).toBe(7);
      expect(json.whatIfs).toEqual(whatIfs);
      // Reopened with no overrides, the exported file is the page's run.
      const again = new Engine(parseScenario(text, 'exported.json', {}));
      again.run(20);
      expect(again.stateHash()).toBe(hash);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('5: the page opened with no query string is the breast preset, not an edited scenario', async () => {
    const { page, problems } = await openPage(h, '');
    try {
      await page.getByRole('tab', { name: 'About' }).click();
      const about = (await page.locator('.about').textContent()) ?? '';
      expect(about).toContain('scenarios/breast.json');
      expect(about).not.toContain('edited');
      expect(await page.locator('.about pre.cli').first().textContent()).toContain('npx exocascade run scenarios/breast.json');
      const json = JSON.parse(await downloaded(page, () => page.getByLabel('Export').selectOption('json').then(() => undefined))) as { run: { scenario: string } };
      expect(json.run.scenario).toBe('scenarios/breast.json');
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('6: the legend\'s checkboxes and field radios raise no error before Compare has been opened', async () => {
    const { page, problems } = await openPage(h, '?scenario=breast');
    try {
      await exo(page, 'x.runTo(5)');
      const radios = page.locator('.legend input[type="radio"]');
      for (let i = 0; i < (await radios.count()); i++) await radios.nth(i).check();
      const boxes = page.locator('.legend input[type="checkbox"]');
      for (let i = 0; i < (await boxes.count()); i++) {
        await boxes.nth(i).uncheck();
        await boxes.nth(i).check();
      }
      expect(await radios.count()).toBeGreaterThanOrEqual(4);
      expect(await boxes.count()).toBeGreaterThanOrEqual(5);
      await page.waitForTimeout(300);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('7: keyboard focus stays on a dose slider through cargo changes, so each key press moves the dose one step', async () => {
    const { page, problems } = await openPage(h, '?scenario=breast');
    try {
      await page.getByRole('tab', { name: 'What-if' }).click();
      const slider = page.locator('input[data-dose="mir-105"]');
      await slider.focus();
      for (let k = 1; k <= 3; k++) {
        const runId = await exo<number>(page, 'x.runId()');
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction((id) => (window as unknown as { __exo: { runId(): number } }).__exo.runId() !== id, runId);
        await page.waitForTimeout(50);
      }
      expect(await exo<string[]>(page, 'x.app.run.whatIfs')).toEqual(['dose:mir-105=1.3']);
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.dose)).toBe('mir-105');
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('8: "Run complete" goes away when the run restarts, and Play at the end shows no second copy', async () => {
    const { page, problems } = await openPage(h, '?scenario=breast');
    try {
      const complete = page.locator('.notice', { hasText: 'Run complete' });
      const end = await exo<number>(page, 'x.runTicks()');
      await exo(page, `x.runTo(${end})`);
      await expect.poll(() => complete.count()).toBe(1);
      await page.getByRole('button', { name: 'Reset' }).click();
      await expect.poll(() => exo<number>(page, 'x.tick()')).toBe(0);
      expect(await complete.count()).toBe(0);
      await exo(page, `x.runTo(${end})`);
      await expect.poll(() => complete.count()).toBe(1);
      await page.getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => exo<number>(page, 'x.tick()')).toBeLessThan(end);
      await page.waitForTimeout(300);
      expect(await complete.count()).toBe(0);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
