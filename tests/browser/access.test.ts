import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { parseScenario } from '../../src/scenario/resolve';
import { chromiumAvailable, openPage, startHarness, type Harness } from './harness';

// Issue 14: every control before Compare, the blood stream, the baseline ghost, cargo tracing,
// projector mode, lecture playlists, the first-visit guide, keyboard reach, the layouts at
// 1024×700 and 390×844, and the captioned PNG.

const exo = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(async () => { const x = window.__exo; return ${fn}; })()`) as Promise<T>;
const SHOTS = process.env.EXOCASCADE_SCREENSHOT_DIR;
const BREAST = readFileSync('scenarios/breast.json', 'utf8');

function nodeEngine(seed: number, whatIfs: string[], ticks: number): Engine {
  const e = new Engine(parseScenario(BREAST, 'scenarios/breast.json', { seed, whatIfs }));
  e.run(ticks);
  return e;
}

describe.skipIf(!chromiumAvailable())('orientation, access and context in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('raises no page error when every control is used before Compare is opened (and after)', async () => {
    const { page, problems } = await openPage(h, '?scenario=breast&seed=2');
    try {
      const used: string[] = [];
      const click = async (name: string, loc = page.getByRole('button', { name, exact: true })) => {
        await loc.first().click();
        used.push(name);
      };
      await click('Step');
      await click('Play');
      await page.waitForTimeout(300);
      await click('Pause');
      await click('Reset');
      for (const label of ['1×', '2×', '16×', 'max', '4×']) await page.getByLabel('Speed').selectOption({ label });
      for (const r of await page.locator('.legend input').all()) {
        await r.click();
        await r.click();
      }
      await click('Legend ▸', page.locator('.legend-toggle'));
      await click('Legend ▾', page.locator('.legend-toggle'));
      await page.getByLabel('Go to tick or day').fill('30');
      await page.getByLabel('Go to tick or day').press('Enter');
      await expect.poll(() => exo<number>(page, 'x.tick()')).toBe(30);
      for (const tab of ['What-if', 'Charts', 'Events', 'Lecture', 'Scenario', 'About']) await click(tab, page.getByRole('tab', { name: tab }));
      for (const step of await page.locator('.step-open').all()) await step.click();
      await page.getByRole('tab', { name: 'What-if' }).click();
      await click('Trace', page.locator('button[data-trace="mir-105"]'));
      await page.keyboard.press('Escape');
      await click('Projector');
      await click('Projector');
      await click('How to read this page');
      await page.keyboard.press('Escape');
      await page.getByLabel('Lesson mode').check();
      await page.locator('.lesson-dialog').getByRole('button', { name: /Continue from here/ }).click();
      await page.getByLabel('Lesson mode').uncheck();
      for (const kind of ['csv', 'json', 'png', 'scenario']) {
        await Promise.all([page.waitForEvent('download'), page.getByLabel('Export').selectOption(kind)]);
      }
      await click('Share');
      await page.getByRole('tab', { name: 'Lecture' }).click();
      await click('+ Add this moment');
      await click('▶ Present');
      await page.getByRole('button', { name: 'Stop presenting' }).click();
      // The map by pointer and by keyboard: click to inspect, keys to pan, zoom and fit.
      const box = (await page.locator('.map-host canvas').boundingBox())!;
      await page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.45);
      await page.locator('.map-host').focus();
      for (const key of ['ArrowRight', 'ArrowUp', '+', '-', '0', 'Enter']) await page.keyboard.press(key);
      expect(used.length).toBeGreaterThan(15);
      await page.waitForTimeout(300);
      expect(problems.errors).toEqual([]);
      // And Compare still opens cleanly after all that.
      await page.getByRole('button', { name: 'Compare' }).click();
      await page.waitForFunction(() => ((window as unknown as { __exo: { app: { compare: { current: { runTicks: number } | null } } } }).__exo.app.compare.current?.runTicks ?? 0) > 0);
      await page.waitForTimeout(300);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('draws the blood stream: every circulating cell large (cloaked ones ringed), a burst per kill, and a tally equal to the metrics', async () => {
    const { page, problems } = await openPage(h, '?scenario=breast&seed=1');
    try {
      // Step until a tick ends with CTCs in the blood and a kill just happened.
      let m: Record<string, number> = {};
      let bursts = 0;
      for (let t = 1; t <= 120; t++) {
        await exo(page, `x.runTo(${t})`);
        m = await exo<Record<string, number>>(page, 'x.metrics()');
        bursts = await exo<number>(page, 'x.app.map.blood.bursting');
        if (m['ctc.circulating'] > 0 && m['ctc.cloaked'] > 0 && bursts > 0) break;
      }
      expect(m['ctc.circulating']).toBeGreaterThan(0);
      const marks = await exo<Array<{ cloaked: boolean }>>(page, 'x.app.map.blood.marks');
      expect(marks.length).toBe(m['ctc.circulating']);
      expect(marks.filter((k) => k.cloaked).length).toBe(m['ctc.cloaked']);
      expect(bursts).toBeGreaterThan(0);
      const tally = async (key: string) => Number(await page.locator(`[data-tally="${key}"]`).textContent());
      await exo(page, 'x.pause()');
      expect(await tally('now')).toBe(m['ctc.circulating']);
      expect(await tally('nk')).toBe(m['ctc.killed.nk']);
      expect(await tally('t')).toBe(m['ctc.killed.t']);
      expect(await tally('shear')).toBe(m['ctc.killed.shear']);
      expect(await tally('survived')).toBe(['lung', 'liver', 'bone', 'brain', 'lymph-node'].reduce((s, o) => s + m[`ctc.arrested.${o}`], 0));
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'blood-stream.png') });
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('keeps the baseline as a ghost after a what-if: its tumour cells on the map and its metrics dashed on the charts, tick for tick', async () => {
    const { page, problems } = await openPage(h, '?scenario=breast&seed=5&wi=ko%3Aitga6b4');
    try {
      await exo(page, 'x.runTo(60)');
      // The ghost starts its own worker and catches up in the background: slow on a loaded machine.
      await expect.poll(() => exo<number>(page, 'x.app.ghost.tick'), { timeout: 30_000 }).toBe(60);
      const base = nodeEngine(5, [], 60);
      expect(await exo<number>(page, 'x.app.map.ghostCount()')).toBe(base.world.pools.tumour.count);
      const ghost = await exo<Record<string, number>>(page, 'x.app.ghost.series.latestAll()');
      expect(ghost['ctc.arrested.lung']).toBe(base.metrics()['ctc.arrested.lung']);
      expect(ghost['exosomes.homed.lung']).toBe(base.metrics()['exosomes.homed.lung']);
      await page.getByRole('tab', { name: 'Charts' }).click();
      const ghostLines = await page.locator('.charts .u-legend .ghost').count();
      const allLines = await page.locator('.charts .u-legend .u-series').count();
      expect(ghostLines).toBeGreaterThan(10);
      expect(ghostLines * 2 + 6).toBe(allLines); // one ghost per metric line, plus each chart's day column
      // Back to the baseline: no ghost.
      await page.getByRole('tab', { name: 'What-if' }).click();
      await page.getByRole('button', { name: 'clear all (baseline)' }).click();
      await expect.poll(() => exo<boolean>(page, 'x.app.ghost.active')).toBe(false);
      expect(await exo<number>(page, 'x.app.map.ghostCount()')).toBe(0);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('traces a cargo: the cells it acts on lit, the organs it primes outlined, its citation shown', async () => {
    const { page, problems } = await openPage(h, '?scenario=pancreatic');
    try {
      await exo(page, 'x.runTo(20)');
      const trace = page.locator('button[data-trace="mif"]');
      await trace.scrollIntoViewIfNeeded();
      await trace.click();
      const card = page.getByTestId('trace-card');
      await card.waitFor();
      expect(await card.textContent()).toContain('Costa-Silva');
      expect(await page.getByTestId('trace-organs').textContent()).toBe('Primes: liver.');
      expect(await exo<boolean | null>(page, 'x.app.map.emphasised("stroma", "kupffer")')).toBe(true);
      expect(await exo<boolean | null>(page, 'x.app.map.emphasised("tumour", "primary")')).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="trace-card"]') !== null)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await card.isHidden()).toBe(true);
      expect(await exo<boolean | null>(page, 'x.app.map.emphasised("stroma", "kupffer")')).toBeNull();
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.trace)).toBe('mif');
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('steps through a lecture playlist, each moment at its tick with the Node engine\'s hash there, shared as a link', async () => {
    const { page, problems } = await openPage(h, '?scenario=breast&seed=6');
    try {
      await page.getByRole('tab', { name: 'Lecture' }).click();
      await exo(page, 'x.runTo(40)');
      await page.getByRole('button', { name: '+ Add this moment' }).click();
      await page.locator('input.seed-input').fill('7');
      await page.locator('input.seed-input').press('Enter');
      await expect.poll(() => exo<number>(page, 'x.app.run.seed')).toBe(7);
      await exo(page, 'x.runTo(90)');
      await page.getByRole('button', { name: '+ Add this moment' }).click();
      await page.getByLabel('Note for moment 2').fill('Look at the lung.');
      await page.getByLabel('Note for moment 2').blur();
      const lecture = await exo<{ items: Array<{ query: string; note: string }> }>(page, 'x.app.playlist.playlist');
      expect(lecture.items.map((i) => i.query)).toEqual([expect.stringMatching(/seed=6.*t=40/), expect.stringMatching(/seed=7.*t=90/)]);
      await page.getByRole('button', { name: '▶ Present' }).click();
      const bar = page.getByTestId('presenter-bar');
      await expect.poll(() => bar.locator('.presenter-count').textContent()).toBe('1 / 2');
      await expect.poll(() => exo<number>(page, 'x.tick()')).toBe(40);
      expect(await exo<number>(page, 'x.app.run.seed')).toBe(6);
      expect(await exo<string>(page, 'x.stateHash()')).toBe(nodeEngine(6, [], 40).stateHash());
      await page.keyboard.press('PageDown');
      await expect.poll(() => bar.locator('.presenter-count').textContent()).toBe('2 / 2');
      await expect.poll(() => exo<number>(page, 'x.tick()')).toBe(90);
      expect(await bar.textContent()).toContain('Look at the lung.');
      expect(await exo<string>(page, 'x.stateHash()')).toBe(nodeEngine(7, [], 90).stateHash());
      // Shared as a link, it opens at its first moment.
      await page.getByRole('button', { name: 'Share as a link' }).click();
      const link = await page.locator('.notice input.share-url').last().inputValue();
      const p2 = await openPage(h, link.slice(link.indexOf('?')));
      try {
        await expect.poll(() => p2.page.getByTestId('presenter-bar').locator('.presenter-count').textContent()).toBe('1 / 2');
        expect(await exo<number>(p2.page, 'x.tick()')).toBe(40);
        expect(p2.problems.errors).toEqual([]);
      } finally {
        await p2.page.close();
      }
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows "how to read this page" on a first visit with focus in it, closes on Esc, stays closed, reopens from "?"', async () => {
    const { page, problems } = await openPage(h, '?scenario=breast', { width: 1440, height: 900 }, true);
    try {
      const guide = page.getByTestId('guide');
      await guide.waitFor();
      expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="guide"]') !== null)).toBe(true);
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'guide.png') });
      await page.keyboard.press('Escape');
      expect(await guide.isHidden()).toBe(true);
      await page.reload();
      await page.waitForFunction(() => (window as unknown as { __exo?: { ready: Promise<void> } }).__exo !== undefined);
      await page.evaluate(() => (window as unknown as { __exo: { ready: Promise<void> } }).__exo.ready);
      expect(await page.getByTestId('guide').isHidden()).toBe(true);
      await page.getByRole('button', { name: 'How to read this page' }).click();
      expect(await page.getByTestId('guide').isVisible()).toBe(true);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('reaches tabs (aria-controls, arrow keys), the map (keys pan and zoom) and the step cards by keyboard; projector mode enlarges type', async () => {
    const { page, problems } = await openPage(h, '?scenario=breast');
    try {
      const tabs = await page.getByRole('tab').all();
      expect(tabs.length).toBe(6);
      for (const t of tabs) {
        const panel = await t.getAttribute('aria-controls');
        expect(await page.locator(`#${panel}[role="tabpanel"]`).getAttribute('aria-labelledby')).toBe(await t.getAttribute('id'));
      }
      await page.getByRole('tab', { name: 'What-if' }).focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.getByRole('tab', { name: 'Charts' }).getAttribute('aria-selected')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Charts');
      await page.locator('.map-host').focus();
      const before = await exo<{ x: number; zoom: number }>(page, 'x.app.map.view()');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('+');
      const after = await exo<{ x: number; zoom: number }>(page, 'x.app.map.view()');
      expect(after.x).toBeGreaterThan(before.x);
      expect(after.zoom).toBeCloseTo(before.zoom * 1.25, 5);
      // The five step cards open by keyboard (each title is a button).
      const opens = page.locator('.step-open');
      expect(await opens.count()).toBe(5);
      await opens.nth(2).focus();
      await page.keyboard.press('Enter');
      expect(await page.getByRole('tab', { name: 'Charts' }).getAttribute('aria-selected')).toBe('true');
      // No metric label is cut off on the cards.
      const cut = await page.locator('.counters dt, .organ-table tbody th').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
      expect(cut).toEqual([]);
      const base = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      await page.getByRole('button', { name: 'Projector' }).click();
      expect(await page.evaluate(() => document.documentElement.classList.contains('projector'))).toBe(true);
      expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(base * 1.25);
      expect(page.url()).toContain('projector=1');
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  for (const [width, height] of [[1024, 700], [390, 844]] as const) {
    it(`is usable at ${width}×${height}: nothing wider than the screen, the map, the controls and the five steps on it`, async () => {
      const { page, problems } = await openPage(h, '?scenario=breast&seed=1&t=120', { width, height });
      try {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const map = (await page.locator('.map-host canvas').boundingBox())!;
        expect(map.width).toBeGreaterThan(width * 0.55);
        expect(map.height).toBeGreaterThan(280);
        for (const name of ['Play', 'Reset', 'Share', 'Compare']) {
          const b = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
          expect(b.x + b.width, name).toBeLessThanOrEqual(width);
        }
        expect(await page.locator('.step-card').count()).toBe(5);
        const card = (await page.locator('.step-card').first().boundingBox())!;
        expect(card.width).toBeGreaterThan(180);
        if (SHOTS) await page.screenshot({ path: join(SHOTS, `layout-${width}x${height}.png`), fullPage: true });
        expect(problems.errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('exports the map as a PNG captioned with scenario, seed, tick and legend', async () => {
    const { page, problems } = await openPage(h, '?scenario=breast&seed=1&t=60');
    try {
      const canvas = await page.evaluate(() => {
        const c = document.querySelector('.map-host canvas') as HTMLCanvasElement;
        return { w: c.width, h: c.height };
      });
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByLabel('Export').selectOption('png')]);
      expect(d.suggestedFilename()).toBe('exocascade-breast-cancer-seed1-t60.png');
      const png = readFileSync(await d.path());
      // IHDR: width and height are big-endian at bytes 16 and 20.
      expect(png.readUInt32BE(16)).toBe(canvas.w);
      const heightPx = png.readUInt32BE(20);
      expect(heightPx).toBeGreaterThan(canvas.h + 60);
      // The strip under the map has light text on the dark caption background.
      const lit = await page.evaluate(async ({ b64, top }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        const px = g.getImageData(0, top, img.width, img.height - top).data;
        let bright = 0;
        for (let i = 0; i < px.length; i += 4) if (px[i] > 200 && px[i + 1] > 200 && px[i + 2] > 200) bright++;
        return bright;
      }, { b64: png.toString('base64'), top: canvas.h });
      expect(lit).toBeGreaterThan(500);
      if (SHOTS) await page.evaluate(() => undefined);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
