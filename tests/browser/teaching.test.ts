import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fmt } from '../../src/experiment/format';
import { chromiumAvailable, openPage, startHarness, type Harness } from './harness';

// Issue 14's teaching features in Chromium: links to moments, the lesson in causal order,
// follow a cell, "How sure?", and every control before Compare. Numbers are checked against the
// command line run in its own process, as a user would run it.

const exo = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(async () => { const x = window.__exo; return ${fn}; })()`) as Promise<T>;
/** Set to a directory to keep screenshots. */
const SHOTS = process.env.EXOCASCADE_SCREENSHOT_DIR;

/** Runs the CLI in its own process; resolves with exit code, stdout and stderr. */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/exocascade.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function cliHash(file: string, seed: number, ticks: number, whatIfs: string[]): Promise<string> {
  const r = await cli(['run', file, '--seed', String(seed), '--ticks', String(ticks), ...whatIfs.flatMap((w) => ['--what-if', w]), '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { stateHash: string }).stateHash;
}

/** A metastasis event as the CLI's `--events` file writes it. */
type EventLine = Record<string, number | string>;

/** Runs a preset's seed through the CLI with `--events` into `file` and returns its metastasis events. */
async function cliMetastases(preset: string, seed: number, file: string): Promise<EventLine[]> {
  const ran = await cli(['run', `scenarios/${preset}.json`, '--seed', String(seed), '--events', file]);
  expect(ran.code, ran.stderr).toBe(0);
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as EventLine).filter((e) => e.type === 'metastasis');
}

/** Runs the page to just after metastasis `ev` and opens "Follow a cell" on it from the Events tab; returns the panel. */
async function openFollow(page: Page, ev: EventLine) {
  await exo(page, `x.runTo(${Number(ev.tick) + 1})`);
  await page.getByRole('tab', { name: 'Events' }).click();
  await page.locator(`button.follow[data-colony="${ev.colony}"]`).click();
  const panel = page.getByTestId('follow-panel');
  await panel.waitFor();
  return panel;
}

describe.skipIf(!chromiumAvailable())('teaching features in Chromium', () => {
  let h: Harness;
  const tmp = mkdtempSync(join(tmpdir(), 'exocascade-teaching-'));
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('a link with t= and a camera lands, paused, on the CLI\'s state hash at that tick, in that view; go-to replays to a day', async () => {
    const whatIfs = ['ko:mir-105'];
    const expected = cliHash('scenarios/breast.json', 3, 137, whatIfs);
    const expectedDay5 = cliHash('scenarios/breast.json', 3, 60, whatIfs);
    const { page, problems } = await openPage(h, '?scenario=breast&seed=3&wi=ko%3Amir-105&t=137&cam=1300,800,2.5');
    try {
      expect(await exo<number>(page, 'x.tick()')).toBe(137);
      expect(await exo<boolean>(page, 'x.playing()')).toBe(false);
      await page.getByRole('tab', { name: 'About' }).click();
      await expect.poll(() => page.getByTestId('state-hash').textContent()).toBe(await expected);
      expect(await page.getByTestId('day').textContent()).toBe('day 11.4');
      const view = await exo<{ x: number; y: number; zoom: number }>(page, 'x.app.map.view()');
      expect(view.x).toBeCloseTo(1300, 0);
      expect(view.y).toBeCloseTo(800, 0);
      expect(view.zoom).toBeCloseTo(2.5, 5);
      // Share holds the moment: the same tick and view.
      await page.getByRole('button', { name: 'Share' }).click();
      const link = await page.locator('.notice input.share-url').inputValue();
      expect(link).toContain('t=137');
      expect(link).toContain('cam=1300%2C800%2C2.5');
      // Go to day 5 (tick 60 of 2 h): back in time, so the run replays from tick 0.
      await page.getByLabel('Go to tick or day').fill('d5');
      await page.getByLabel('Go to tick or day').press('Enter');
      await expect.poll(() => exo<number>(page, 'x.tick()')).toBe(60);
      await expect.poll(() => page.getByTestId('state-hash').textContent()).toBe(await expectedDay5);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  for (const [preset, seed] of [['breast', 1], ['pancreatic', 1], ['melanoma', 1]] as const) {
    it(`the lesson visits steps 1–5 in order on ${preset}, the map showing each, predictions before answers, then a summary`, async () => {
      const { page, problems } = await openPage(h, `?scenario=${preset}&seed=${seed}`);
      try {
        await page.getByLabel('Speed').selectOption({ label: 'max' });
        await page.getByLabel('Lesson mode').check();
        await page.getByRole('button', { name: 'Play' }).click();
        const dialog = page.locator('.lesson-dialog');
        const seen: Array<{ title: string; tick: number; zoom: number; region: string | null }> = [];
        for (let k = 1; k <= 5; k++) {
          await dialog.locator('.choices input').first().waitFor({ timeout: 60_000 });
          const title = (await dialog.locator('h3').textContent()) ?? '';
          // The answer is hidden until a prediction is made.
          expect(await dialog.locator('.explanation').isHidden()).toBe(true);
          expect(await dialog.getByRole('button', { name: /Continue/ }).isDisabled()).toBe(true);
          const item = await exo<{ moment: { tick: number; organ: string | null; step: number } }>(page, 'x.app.lesson.dialog.current');
          expect(await exo<boolean>(page, 'x.playing()')).toBe(false);
          expect(await exo<number>(page, 'x.tick()')).toBe(item.moment.tick);
          const view = await exo<{ x: number; y: number; zoom: number }>(page, 'x.app.map.view()');
          const region = item.moment.step <= 2 ? 'primary' : item.moment.step === 3 ? null : item.moment.organ;
          seen.push({ title, tick: item.moment.tick, zoom: view.zoom, region });
          if (region) {
            // The camera is on the step's place (the place sits left of centre, the dialog on the right).
            const r = await exo<{ x0Um: number; x1Um: number; y0Um: number; y1Um: number }>(page, `x.app.layout.regions.find((r) => r.name === ${JSON.stringify(region)})`);
            expect(view.zoom, title).toBeGreaterThan(1.5);
            expect(view.y, title).toBeGreaterThan(r.y0Um - 10);
            expect(view.y, title).toBeLessThan(r.y1Um + 10);
          } else {
            expect(view.zoom, title).toBe(1);
          }
          await dialog.locator('.choices input').nth(k % 3).check();
          expect(await dialog.locator('.explanation').isVisible()).toBe(true);
          if (SHOTS && preset === 'breast') await page.screenshot({ path: join(SHOTS, `lesson-step-${k}.png`) });
          await dialog.getByRole('button', { name: /Continue/ }).click();
        }
        expect(seen.map((s) => s.title)).toEqual([1, 2, 3, 4, 5].map((k) => expect.stringMatching(new RegExp(`^Step ${k} of 5`))));
        for (let k = 1; k < seen.length; k++) expect(seen[k].tick).toBeGreaterThanOrEqual(seen[k - 1].tick);
        await dialog.locator('.lesson-summary').waitFor();
        expect(await dialog.locator('.lesson-summary li').count()).toBe(5);
        expect(await dialog.locator('.lesson-summary li.skipped').count()).toBe(0);
        const right = await exo<number>(page, 'x.app.lesson.dialog.predictions.filter((p) => p.correct).length');
        expect(await dialog.locator('p').first().textContent()).toBe(`You predicted ${right} of 5 steps right.`);
        expect(problems.errors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('the lesson turned on mid-run offers a restart, and after it opens step 1, not a later step', async () => {
    const { page, problems } = await openPage(h, '?scenario=breast&seed=1&t=200');
    try {
      expect(await exo<number>(page, 'x.tick()')).toBe(200);
      await page.getByLabel('Lesson mode').check();
      const dialog = page.locator('.lesson-dialog');
      expect(await dialog.locator('h3').textContent()).toBe('Start the lesson from the beginning?');
      expect(await exo<boolean>(page, 'x.playing()')).toBe(false);
      await dialog.getByRole('button', { name: 'Restart from day 0' }).click();
      await expect.poll(() => exo<number>(page, 'x.tick()')).toBe(0);
      await page.getByRole('button', { name: 'Play' }).click();
      await dialog.locator('.choices input').first().waitFor({ timeout: 30_000 });
      expect(await dialog.locator('h3').textContent()).toBe('Step 1 of 5 · Migration');
      expect(await exo<number>(page, 'x.tick()')).toBeLessThan(200);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('follow a cell ends at the colony whose id the CLI\'s events give, the cell found at every stage of its path', async () => {
    const events = await cliMetastases('breast', 1, join(tmp, 'events.jsonl'));
    const first = events[0];
    expect(Number(first.invadedTick), 'breast seed 1\'s first metastasis was founded by a cell that invaded').toBeGreaterThanOrEqual(0);
    const { page, problems } = await openPage(h, '?scenario=breast&seed=1');
    try {
      const panel = await openFollow(page, first);
      const stages = await exo<number>(page, 'x.app.follow.stages.length');
      expect(stages).toBeGreaterThanOrEqual(7);
      const next = panel.getByRole('button', { name: 'Next ›' });
      const found: Array<string | null> = [];
      for (let k = 0; k < stages; k++) {
        await expect.poll(() => exo<number>(page, 'x.app.follow.index'), { timeout: 30_000 }).toBe(k);
        await expect.poll(() => panel.locator('h4').textContent()).toMatch(new RegExp(`^${k + 1} of ${stages}`));
        found.push(await exo<string | null>(page, 'x.app.follow.cell && x.app.follow.cell.state'));
        if (SHOTS && k === 3) await page.screenshot({ path: join(SHOTS, 'follow-arrest.png') });
        if (k < stages - 1) await next.click();
      }
      expect(await next.isDisabled()).toBe(true);
      // Once it has left the blood it is on the map at every stage: arrested, then out, then in its colony.
      expect(found.slice(3).every((s) => s !== null)).toBe(true);
      expect(found[found.length - 1]).toMatch(/^colonising/);
      expect(await exo<number>(page, 'x.app.follow.cell.columns.colony')).toBe(first.colony);
      expect(await exo<number>(page, 'x.app.follow.cell.columns.lineage')).toBe(first.lineage);
      expect(await page.getByTestId('follow-caption').textContent()).toContain(`colony #${first.colony}`);
      expect(await exo<number>(page, 'x.tick()')).toBe(Number(first.tick) + 1);
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'follow-colony.png') });
      // A founder the growing tumour pushed into a vessel (passive shedding) never invaded: its
      // story starts in the blood.
      const passive = events.find((e) => Number(e.invadedTick) < 0)!;
      expect(passive, 'breast seed 1 has a metastasis founded by a passively shed cell').toBeDefined();
      await page.getByRole('button', { name: 'Close follow a cell' }).click();
      await openFollow(page, passive);
      await expect.poll(() => exo<string>(page, 'x.app.follow.stages.map((s) => s.id).join()'), { timeout: 30_000 }).toBe('intravasate,blood,arrest,extravasate,colony,metastasis');
      expect(await page.getByTestId('follow-caption').textContent()).toContain('pushed into a leaky vessel next to it by the growing tumour (passive shedding)');
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('follows a metastasis that another seeded: its founder was shed by a liver colony, and the story says so', async () => {
    const seeded = (await cliMetastases('pancreatic', 9, join(tmp, 'events-pancreatic.jsonl'))).find((e) => e.shedFrom === 'liver')!;
    expect(seeded, 'pancreatic seed 9 has a metastasis founded by a cell a liver colony shed (its lineage invaded: at 0.8.0 seeds 1, 2 and 6 have none)').toBeDefined();
    const { page, problems } = await openPage(h, '?scenario=pancreatic&seed=9');
    try {
      const panel = await openFollow(page, seeded);
      await expect.poll(() => exo<number>(page, 'x.app.follow.index'), { timeout: 30_000 }).toBe(0);
      expect(await page.getByTestId('follow-caption').textContent()).toContain('an ancestor of the cell turned mesenchymal');
      await panel.getByRole('button', { name: 'Next ›' }).click();
      await expect.poll(() => exo<number>(page, 'x.app.follow.index'), { timeout: 30_000 }).toBe(1);
      expect(await page.getByTestId('follow-caption').textContent()).toContain('shed into the blood by a colony its ancestors had founded in the liver');
      expect(await exo<number>(page, 'x.tick()')).toBe(Number(seeded.leftTick) + 1);
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('"How sure?" answers in one sentence whose numbers are those of exocascade experiment for the same 10 seeds', async () => {
    const out = join(tmp, 'mif');
    const cliRun = cli(['experiment', 'scenarios/pancreatic.json', '--seeds', '1..10', '--arm', 'what-if=ko:mif', '--workers', '1', '--quiet', '--out', out]);
    const { page, problems } = await openPage(h, '?scenario=pancreatic&wi=ko%3Amif');
    try {
      await page.getByRole('button', { name: /How sure/ }).click();
      const sentence = page.getByTestId('how-sure-sentence');
      await sentence.waitFor({ timeout: 120_000 });
      const text = (await sentence.textContent()) ?? '';
      const ran = await cliRun;
      expect(ran.code, ran.stderr).toBe(0);
      const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
        stats: Record<string, Record<string, { mean: number }>>; effects: Record<string, Record<string, { direction: { lower: number; same: number; higher: number }; paired: { mean: number } }>>;
      };
      const e = s.effects['what-if']['metastases.liver'];
      const n = e.direction.lower + e.direction.same + e.direction.higher;
      expect(n).toBe(10);
      const k = e.paired.mean < 0 ? e.direction.lower : e.direction.higher;
      const verb = e.paired.mean < 0 ? 'lowered' : 'raised';
      expect(text).toContain(`Knocking out MIF ${verb} liver metastases in ${k} of 10 seeds, ${fmt(s.stats.baseline['metastases.liver'].mean)} → ${fmt(s.stats['what-if']['metastases.liver'].mean)} on average`);
      // The CLI's report says the very same sentence.
      expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(text.replace(/&/g, '&amp;'));
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'how-sure.png') });
      expect(problems.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
