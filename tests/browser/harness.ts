import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** Chromium used by the browser tests and the browser benchmark (Debian's package). */
export const CHROMIUM = process.env.EXOCASCADE_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for headless Chromium with WebGL through SwiftShader and no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** True when the browser tests can run here. */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * The test setup makes Math.random throw so that no unseeded draw reaches the engine. The dev
 * server and the browser driver are tooling that draws ids with it; let calls coming from
 * node_modules through, and keep throwing for everything else (the engine runs in the browser
 * here, and the Node reference runs stay guarded).
 */
function allowToolingRandom(): void {
  const guarded = Math.random;
  if ((guarded as { tooling?: boolean }).tooling) return;
  const cryptoRandom = () => crypto.getRandomValues(new Uint32Array(1))[0] / 2 ** 32;
  const patched = function toolingRandom(): number {
    if (/[\\/]node_modules[\\/]/.test(new Error().stack ?? '')) return cryptoRandom(); // det-ok: dev server and browser driver ids
    return guarded();
  };
  Object.assign(patched, { tooling: true });
  Math.random = patched;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The app served on a free localhost port, and a headless Chromium. */
export interface Harness {
  /** Base URL of the app, ending with '/'. */
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Serves the app and starts Chromium. 'preview' builds the production bundle into a temporary
 * directory and serves it (what users get; pages load in a fraction of the dev server's time);
 * 'dev' runs the dev server (no HMR, no file watching), which can also serve source modules by
 * URL, as the browser benchmark needs.
 */
export async function startHarness(mode: 'preview' | 'dev' = 'preview'): Promise<Harness> {
  allowToolingRandom();
  // Imported only now: both draw random ids while loading.
  const [vite, { chromium }] = await Promise.all([import('vite'), import('playwright-core')]);
  const port = await freePort();
  const server = { host: '127.0.0.1', port, strictPort: true };
  let stop: () => Promise<void>;
  if (mode === 'dev') {
    const dev = await vite.createServer({ configFile: 'vite.config.ts', logLevel: 'error', clearScreen: false, server: { ...server, hmr: false, watch: null } });
    await dev.listen();
    stop = () => dev.close();
  } else {
    const outDir = mkdtempSync(join(tmpdir(), 'exocascade-app-'));
    await vite.build({ configFile: 'vite.config.ts', logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const preview = await vite.preview({ configFile: 'vite.config.ts', logLevel: 'error', build: { outDir }, preview: server });
    stop = async () => {
      await new Promise<void>((resolve) => preview.httpServer.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    };
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    async close() {
      await browser.close();
      await stop();
    },
  };
}

/** Problems a page reported: console errors and uncaught exceptions. */
export interface PageProblems {
  errors: string[];
}

/**
 * Opens a page at `path` and records its console errors and uncaught exceptions. Unless
 * `firstVisit`, the browser has seen the first-visit guide already (each page is a fresh
 * browser profile), so it does not cover the map.
 */
export async function openPage(h: Harness, path = '', viewport = { width: 1440, height: 900 }, firstVisit = false): Promise<{ page: Page; problems: PageProblems }> {
  const page = await h.browser.newPage({ viewport });
  if (!firstVisit) {
    await page.addInitScript(() => {
      try {
        localStorage.setItem('exocascade.guideSeen', '1');
      } catch {
        // Sandboxed frames (the ensemble report) have no storage.
      }
    });
  }
  const problems: PageProblems = { errors: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(m.text());
  });
  page.on('pageerror', (e) => problems.errors.push(`${e.name}: ${e.message}`));
  await page.goto(h.url + path);
  // The app signals readiness once its first run has loaded in the worker.
  await page.waitForFunction(() => (window as unknown as { __exo?: { ready: Promise<void> } }).__exo !== undefined, null, { timeout: 60_000 });
  await page.evaluate(() => (window as unknown as { __exo: { ready: Promise<void> } }).__exo.ready);
  return { page, problems };
}
