import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The experiment worker's script. Loading the TypeScript sources through tsx costs each thread
// ~0.3 s (hook registration, one loader round trip per module); a single pre-bundled ES module
// starts in ~0.05 s. So the entry is bundled once with esbuild (npm packages stay external and
// resolve from node_modules as usual) into node_modules/.cache/exocascade/, keyed by a hash of
// every source file, and reused until a source changes. Bundling changes no semantics — the
// same modules run in the same order — and any failure (read-only install, esbuild missing)
// falls back to the tsx bootstrap. Node only.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = join(ROOT, 'workers', 'experiment-entry.ts');
const FALLBACK = new URL('../../workers/experiment-worker.mjs', import.meta.url);
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'exocascade');
const PREFIX = 'experiment-worker-';

/** Every file under `dir`, sorted, as paths relative to ROOT. */
function listFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) listFiles(path, out);
    else out.push(relative(ROOT, path));
  }
  return out;
}

/** Hash of the esbuild version and of every file under src/ and workers/ (names and bytes). */
export function sourceHash(esbuildVersion: string): string {
  const h = createHash('sha256').update(esbuildVersion);
  for (const file of [...listFiles(join(ROOT, 'src')), ...listFiles(join(ROOT, 'workers'))]) {
    h.update(file).update('\0').update(readFileSync(join(ROOT, file))).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

let pending: Promise<URL> | null = null;

/**
 * URL of the script to start experiment workers from: the cached bundle (built now if the
 * sources changed) or, if that cannot be had, the tsx bootstrap. Memoised per process.
 */
export function experimentWorkerUrl(): Promise<URL> {
  if (process.env.EXOCASCADE_WORKER_BUNDLE === '0') return Promise.resolve(FALLBACK);
  pending ??= bundle().catch(() => FALLBACK);
  return pending;
}

async function bundle(): Promise<URL> {
  const esbuild = await import('esbuild');
  const file = join(CACHE_DIR, `${PREFIX}${sourceHash(esbuild.version)}.mjs`);
  if (existsSync(file)) return pathToFileURL(file);
  mkdirSync(CACHE_DIR, { recursive: true });
  // Build under a private name, then rename: concurrent processes (shards on one machine,
  // tests) never see a half-written bundle, and the last rename wins with identical bytes.
  const tmp = `${file}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [ENTRY],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  renameSync(tmp, file);
  // Old bundles are dead weight once the sources moved on; keep a day's worth, since another
  // process (older sources) may be starting threads from one right now.
  const dayAgo = Date.now() - 86_400_000; // det-ok: cache housekeeping only
  for (const name of readdirSync(CACHE_DIR)) {
    const path = join(CACHE_DIR, name);
    if (name.startsWith(PREFIX) && path !== file && statSync(path).mtimeMs < dayAgo) rmSync(path, { force: true });
  }
  return pathToFileURL(file);
}
