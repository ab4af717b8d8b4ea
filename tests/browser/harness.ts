import { existsSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';

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

/** A vite dev server for the app on a free localhost port, and a headless Chromium. */
export interface Harness {
  /** Base URL of the app, ending with '/'. */
  url: string;
  server: ViteDevServer;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the dev server (no HMR, no file watching) and Chromium. */
export async function startHarness(): Promise<Harness> {
  allowToolingRandom();
  // Imported only now: both draw random ids while loading.
  const [{ createServer }, { chromium }] = await Promise.all([import('vite'), import('playwright-core')]);
  const port = await freePort();
  const server = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    clearScreen: false,
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null },
  });
  await server.listen();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Problems a page reported: console errors and uncaught exceptions. */
export interface PageProblems {
  errors: string[];
}

/** Opens a page at `path` and records its console errors and uncaught exceptions. */
export async function openPage(h: Harness, path = '', viewport = { width: 1440, height: 900 }): Promise<{ page: Page; problems: PageProblems }> {
  const page = await h.browser.newPage({ viewport });
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
