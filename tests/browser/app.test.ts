import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSource } from '../../src/app/url-state';
import { Engine } from '../../src/engine/engine';
import { parseScenario } from '../../src/scenario/resolve';
import { chromiumAvailable, openPage, startHarness, type Harness } from './harness';

const FILE = 'scenarios/breast.json';
const TEXT = readFileSync(FILE, 'utf8');
/** Ticks run before comparing hashes: enough for every step's mechanics to have drawn numbers. */
const N = 40;

/** State hash the Node engine reaches for a scenario text, seed and what-ifs after `ticks`. */
function nodeHash(text: string, seed: number, whatIfs: string[], ticks = N): string {
  const e = new Engine(parseScenario(text, FILE, { seed, whatIfs }));
  e.run(ticks);
  return e.stateHash();
}

interface Exo {
  tick(): number;
  runId(): number | null;
  runTo(n: number): Promise<string>;
  metrics(): Record<string, number>;
  drawn(): Record<string, number>;
}
const exo = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(async () => { const x = window.__exo; return ${fn}; })()`) as Promise<T>;

describe.skipIf(!chromiumAvailable())('web app in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('loads with no console errors, showing the map, the five steps and every preset', async () => {
    const { page, problems } = await openPage(h);
    try {
      await expect.poll(() => page.locator('.map-host canvas').count()).toBe(1);
      expect(await page.locator('.step-card').count()).toBe(5);
      const presets = await page.locator('select[aria-label="Scenario"] option:not([disabled])').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(presets).toContain('breast');
      expect(presets.length).toBeGreaterThanOrEqual(8);
      expect(await exo<number | null>(page, 'x.runId()')).not.toBeNull();
      const drawn = await exo<Record<string, number>>(page, 'x.drawn()');
      expect(drawn.tumour).toBeGreaterThan(0);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('runs when Play is pressed, and the step counters advance', async () => {
    const { page, problems } = await openPage(h, '?scenario=breast&seed=2');
    try {
      const before = await page.locator('.step-card [data-metric]').allTextContents();
      await page.getByRole('button', { name: 'Play' }).click();
      await page.waitForFunction(() => (window as unknown as { __exo: Exo }).__exo.tick() >= 12, null, { timeout: 60_000 });
      await page.getByRole('button', { name: 'Pause' }).click();
      await page.waitForTimeout(200);
      const after = await page.locator('.step-card [data-metric]').allTextContents();
      const changed = after.filter((v, i) => v !== before[i]);
      expect(changed.length).toBeGreaterThan(3);
      expect(await page.getByTestId('tick').textContent()).toMatch(/tick (\d+) \/ 300/);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a shared link reproduces, tick for tick, the state hash of the Node engine', async () => {
    const whatIfs = ['dose:mir-105=2', 'deplete:nk@10=0.5'];
    const q = `?scenario=breast&seed=7&${whatIfs.map((w) => `wi=${encodeURIComponent(w)}`).join('&')}`;
    const { page, problems } = await openPage(h, q);
    try {
      expect(await exo<string>(page, `x.runTo(${N})`)).toBe(nodeHash(TEXT, 7, whatIfs));
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
    // An edited scenario travels compressed in the link.
    const edited = JSON.stringify({ ...JSON.parse(TEXT), name: 'Edited', populations: { tumourCells: 150 } }, null, 2);
    const p2 = await openPage(h, `?src=${await encodeSource(edited)}&seed=3`);
    try {
      expect(await exo<string>(p2.page, `x.runTo(${N})`)).toBe(nodeHash(edited, 3, []));
      expect(p2.problems.errors).toEqual([]);
    } finally {
      await p2.page.close();
    }
  });

  it('toggling a knockout restarts the run from the same seed and changes the outcome', async () => {
    // A cargo whose knockout changes this run in Node (the panel offers every packaged cargo).
    const cargo = parseScenario(TEXT, FILE, { seed: 4 }).cargo;
    const base = nodeHash(TEXT, 4, []);
    const target = ['mir-105', ...cargo].find((c) => cargo.includes(c) && nodeHash(TEXT, 4, [`ko:${c}`]) !== base);
    expect(target, 'no packaged cargo changes the outcome when knocked out').toBeDefined();
    const { page, problems } = await openPage(h, '?scenario=breast&seed=4');
    try {
      expect(await exo<string>(page, `x.runTo(${N})`)).toBe(base);
      const runId = await exo<number>(page, 'x.runId()');
      await page.getByRole('tab', { name: 'What-if' }).click();
      const box = page.locator(`input[data-cargo="${target}"]`).first();
      await box.scrollIntoViewIfNeeded();
      await box.uncheck();
      await page.waitForFunction((id) => (window as unknown as { __exo: Exo }).__exo.runId() !== id, runId);
      expect(await exo<number>(page, 'x.tick()')).toBe(0);
      expect(page.url()).toContain(`wi=ko%3A${target}`);
      await expect.poll(() => page.locator(`.chip[data-whatif="ko:${target}"]`).count()).toBe(1);
      const ko = await exo<string>(page, `x.runTo(${N})`);
      expect(ko).not.toBe(base);
      expect(ko).toBe(nodeHash(TEXT, 4, [`ko:${target}`]));
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a bad scenario edit is marked at its path and the previous run keeps going', async () => {
    const { page, problems } = await openPage(h, '?scenario=breast&seed=5');
    try {
      const runId = await exo<number>(page, 'x.runId()');
      await page.getByRole('button', { name: 'Play' }).click();
      await page.getByRole('tab', { name: 'Scenario' }).click();
      const bad = TEXT.replace('"tickHours": 2', '"tickHours": -1');
      expect(bad).not.toBe(TEXT);
      await page.getByLabel('Scenario JSON').fill(bad);
      await page.getByRole('button', { name: 'Apply & restart' }).click();
      const issue = page.locator('.issue[data-path="/tickHours"]');
      await expect.poll(() => issue.count()).toBe(1);
      expect(await issue.textContent()).toMatch(/out of range/);
      const marked = page.locator('.editor-mirror .ln.err');
      expect(await marked.count()).toBe(1);
      expect(await marked.textContent()).toContain('"tickHours": -1');
      // Live validation marks the issue while typing; the status says "not applied" once Apply has answered.
      await expect.poll(() => page.locator('.editor-status').textContent(), { timeout: 15_000 }).toMatch(/not applied/);
      const t1 = await exo<number>(page, 'x.tick()');
      await page.waitForFunction((t) => (window as unknown as { __exo: Exo }).__exo.tick() > t + 3, t1, { timeout: 30_000 });
      expect(await exo<number>(page, 'x.runId()')).toBe(runId);
      // A syntax error is placed too, and still nothing stops.
      await page.getByLabel('Scenario JSON').fill(TEXT.replace('"seed": 1,', '"seed": 1,,'));
      await page.getByRole('button', { name: 'Apply & restart' }).click();
      await expect.poll(() => page.locator('.issue[data-path=""]').count()).toBe(1);
      expect(await page.locator('.editor-mirror .ln.err').textContent()).toContain('"seed": 1,,');
      expect(await exo<number>(page, 'x.runId()')).toBe(runId);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
