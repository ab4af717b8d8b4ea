import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareMetrics } from '../../src/app/compare/key-metrics';
import { Engine } from '../../src/engine/engine';
import { METRIC_NAMES } from '../../src/engine/metrics';
import { parseScenario } from '../../src/scenario/resolve';
import { chromiumAvailable, openPage, startHarness, type Harness } from './harness';

const FILE = 'scenarios/breast.json';
const TEXT = readFileSync(FILE, 'utf8');
const SEED = 7;
/** Ticks both arms run before comparing: depleting NK cells has changed several compared metrics by then. */
const N = 40;
const WHATIF = 'deplete:nk@0=1';
/** Set to a directory to keep screenshots of compare mode and the ensemble report. */
const SHOTS = process.env.EXOCASCADE_SCREENSHOT_DIR;

function nodeEngine(whatIfs: string[]): Engine {
  const e = new Engine(parseScenario(TEXT, FILE, { seed: SEED, whatIfs }));
  e.run(N);
  return e;
}

const exo = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(async () => { const x = window.__exo; return ${fn}; })()`) as Promise<T>;

/** Runs the CLI as a user would (its own process), resolving with its exit code and stderr. */
function cli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/exocascade.mjs', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

describe.skipIf(!chromiumAvailable())('compare mode and ensembles in Chromium', () => {
  let h: Harness;
  const out = mkdtempSync(join(tmpdir(), 'exocascade-browser-ensemble-'));
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('compare mode shows the Node engine\'s hashes of baseline and what-if after N ticks, and charts their difference', async () => {
    const { page, problems } = await openPage(h, `?scenario=breast&seed=${SEED}&wi=${encodeURIComponent(WHATIF)}`);
    try {
      await page.getByRole('button', { name: 'Compare' }).click();
      await page.waitForFunction(() => ((window as unknown as { __exo: { app: { compare: { current: { runTicks: number } | null } } } }).__exo.app.compare.current?.runTicks ?? 0) > 0);
      expect(await page.getByRole('button', { name: 'Compare' }).getAttribute('aria-pressed')).toBe('true');
      const [ha, hb] = await exo<[string, string]>(page, `x.app.compare.runTo(${N})`);
      const a = nodeEngine([]);
      const b = nodeEngine([WHATIF]);
      expect(ha).toBe(a.stateHash());
      expect(hb).toBe(b.stateHash());
      expect(await page.getByTestId('compare-hash-a').textContent()).toBe(a.stateHash());
      expect(await page.getByTestId('compare-hash-b').textContent()).toBe(b.stateHash());
      expect(await page.getByTestId('compare-hash-a').getAttribute('data-tick')).toBe(String(N));
      expect(await page.getByTestId('tick').textContent()).toMatch(new RegExp(`^tick ${N} / `));
      // The difference chart shows one metric at a time, on its own scale: its last point is B − A of the two runs.
      const compared = compareMetrics(METRIC_NAMES);
      let moved = 0;
      for (const m of compared) {
        await page.getByLabel('Metric to plot for both arms').selectOption(m);
        const drawn = await exo<Record<string, number>>(page, 'x.app.compare.view.charts.lastDrawn()');
        expect(Object.keys(drawn), m).toEqual([m]);
        expect(drawn[m], m).toBe(b.metrics()[m] - a.metrics()[m]);
        if (drawn[m] !== 0) moved++;
        expect(await page.locator('[data-testid="compare-diff-chart"] .u-series').count(), m).toBe(2);
      }
      expect(moved).toBeGreaterThanOrEqual(3);
      // Both maps draw: each pane has its own canvas with agents on it.
      expect(await page.locator('.compare-map canvas').count()).toBe(2);
      const drawnA = await exo<Record<string, number>>(page, 'x.app.compare.view.a.map.counts()');
      expect(drawnA.tumour).toBeGreaterThan(0);
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'compare-mode.png') });
      // Off again: the single-run view is back and its run was left where it was.
      await page.getByRole('button', { name: 'Compare' }).click();
      expect(await page.getByTestId('compare-view').isHidden()).toBe(true);
      expect(await page.getByTestId('tick').textContent()).toMatch(/^tick 0 \//);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('an ensemble of 3 seeds × 30 ticks ends with the summary.json and report.html the CLI writes', async () => {
    // The CLI runs alongside the page; both are short.
    const cliRun = cli(['experiment', FILE, '--seeds', '1..3', '--ticks', '30', '--arm', `what-if=${WHATIF}`, '--workers', '1', '--quiet', '--out', out]);
    const { page, problems } = await openPage(h, `?scenario=breast&wi=${encodeURIComponent(WHATIF)}`);
    try {
      await page.getByRole('button', { name: 'Run ensemble' }).click();
      const dialog = page.getByRole('dialog', { name: 'Run an ensemble' });
      await dialog.getByLabel('Seeds').fill('1..3');
      await dialog.getByLabel('Ticks').fill('30');
      expect(await dialog.locator('pre.cli').textContent()).toBe(
        `npx exocascade experiment ${FILE} --seeds 1..3 --ticks 30 --arm what-if=${WHATIF} --out results`);
      await dialog.getByRole('button', { name: 'Start' }).click();
      const summaryButton = dialog.getByRole('button', { name: 'summary.json' });
      await summaryButton.waitFor({ timeout: 60_000 });
      expect(await dialog.locator('tbody tr[data-arm]').count()).toBe(6);
      expect(await page.getByTestId('ensemble-progress').textContent()).toMatch(/^6 runs in /);
      const [download] = await Promise.all([page.waitForEvent('download'), summaryButton.click()]);
      const browserSummary = readFileSync(await download.path(), 'utf8');
      const ran = await cliRun;
      expect(ran.code, ran.stderr).toBe(0);
      expect(browserSummary).toBe(readFileSync(join(out, 'summary.json'), 'utf8'));
      expect(await exo<string>(page, 'x.app.ensemble.outputs.reportHtml')).toBe(readFileSync(join(out, 'report.html'), 'utf8'));
      // The report is shown in the dialog's frame, charts drawn by its own inlined uPlot.
      const report = page.frameLocator('iframe.ensemble-report');
      expect(await report.locator('h1').textContent()).toBe('Breast cancer: what-if vs baseline');
      await expect.poll(() => report.locator('.uplot').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'ensemble.png') });
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
