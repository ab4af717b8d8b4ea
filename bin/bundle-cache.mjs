// Cached esbuild bundles of the TypeScript entry points that Node runs: the CLI and the
// experiment worker. Loading the sources through tsx costs a process ~0.6–1 s (a loader
// round trip per module) and mathjs's full module graph another ~0.5 s; one bundle per entry,
// with mathjs tree-shaken into it, starts in ~0.2 s. ajv is bundled too: as CommonJS loaded
// from an ES module, each of its ~40 files went through Node's export scanner, whose
// compilation alone took ~0.2 s of a core. The scenario validator is compiled here too (ajv
// standalone code), not in every command. Plain JavaScript so bin/exocascade.mjs can use it
// before any TypeScript loads.
//
// Bundling changes no semantics: the same modules run in the same order, every other npm
// package (bar the bundled packages' own dependencies) stays external, resolved from
// node_modules as usual (comlink must: the test suite's Math.random guard recognises it by
// path), and `import.meta.url` in each source file is replaced by that file's own URL, so
// paths computed from it are what they were. Bundles live in node_modules/.cache/exocascade/,
// keyed by a hash of the project path, esbuild's and the bundled packages' versions, the lock
// file and every source file, so any edit rebuilds on next use.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'exocascade');
const SOURCE_DIRS = ['src', 'workers', 'bin'];
/** Packages compiled into the bundle (tree-shaken); every other import stays external. */
const BUNDLED_PACKAGES = ['mathjs', 'ajv'];
const require = createRequire(import.meta.url);

/** Every file under `dir`, sorted, as paths relative to ROOT. */
function listFiles(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) listFiles(path, out);
    else out.push(relative(ROOT, path));
  }
  return out;
}

function packageVersion(name) {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
}

let memoHash = null;

/**
 * Hash of what a bundle depends on: project path, tool and bundled package versions, sources.
 * Computed once per process (~25 ms): a process never outlives a change to its own sources.
 */
export function sourceHash() {
  memoHash ??= computeSourceHash();
  return memoHash;
}

function computeSourceHash() {
  const h = createHash('sha256').update(ROOT).update('\0');
  for (const name of ['esbuild', ...BUNDLED_PACKAGES]) h.update(`${name}@${packageVersion(name)}\0`);
  // The lock file pins the bundled packages' own dependencies.
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(lock)) h.update(readFileSync(lock)).update('\0');
  for (const dir of SOURCE_DIRS) {
    for (const file of listFiles(join(ROOT, dir))) h.update(file).update('\0').update(readFileSync(join(ROOT, file))).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

/** esbuild plugin: keeps imports of packages external, except BUNDLED_PACKAGES. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const pkg = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      if (BUNDLED_PACKAGES.includes(pkg)) return undefined;
      // A bundled package's own dependencies are bundled with it (its require() calls could
      // not reach external modules from inside an ES module bundle).
      if (args.importer.includes(`${join('node_modules', '')}`)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** The scenario validator module, swapped in the bundle for a precompiled copy. */
const VALIDATOR_SOURCE = join(ROOT, 'src', 'scenario', 'validator.ts');

/**
 * esbuild plugin: src/scenario/validator.ts becomes ajv's standalone code for the scenario
 * schema, compiled here once per bundle instead of in every command (~0.1 s each). The
 * schema and options come from the sources themselves, bundled to a scratch file and loaded.
 */
function precompiledValidator(esbuild, scratchDir) {
  return {
    name: 'precompiled-validator',
    setup(build) {
      build.onLoad({ filter: /validator\.ts$/ }, async (args) => {
        if (args.path !== VALIDATOR_SOURCE) return undefined;
        const scratch = join(scratchDir, 'validator-source.mjs');
        await esbuild.build({
          stdin: {
            contents: "export { scenarioSchema } from './src/scenario/schema.ts'; export { VALIDATOR_OPTIONS } from './src/scenario/validator.ts';",
            resolveDir: ROOT,
            loader: 'ts',
          },
          outfile: scratch,
          bundle: true,
          platform: 'node',
          format: 'esm',
          target: 'node20',
          plugins: [externalPackages],
          logLevel: 'silent',
        });
        const { scenarioSchema, VALIDATOR_OPTIONS } = await import(pathToFileURL(scratch).href);
        rmSync(scratch, { force: true });
        const Ajv = require('ajv').default;
        const standaloneCode = require('ajv/dist/standalone').default;
        const ajv = new Ajv({ ...VALIDATOR_OPTIONS, code: { source: true, esm: true } });
        const code = standaloneCode(ajv, ajv.compile(scenarioSchema()));
        return {
          contents: `${code}\nexport const VALIDATOR_OPTIONS = ${JSON.stringify(VALIDATOR_OPTIONS)};\nexport function scenarioValidator() { return validate; }\n`,
          loader: 'js',
          resolveDir: ROOT,
        };
      });
    },
  };
}

/** esbuild plugin: `import.meta.url` in a project source becomes that file's own URL. */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts|mjs|js)$/ }, (args) => {
      if (args.path.includes(`${join('node_modules', '')}`)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const contents = text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: args.path.endsWith('ts') ? 'ts' : 'js' };
    });
  },
};

const pending = new Map();

/**
 * URL of the bundle of `entry` (a path relative to the project root), built now if the
 * sources changed since the last build. Rejects if esbuild is missing or the cache is not
 * writable; callers fall back to tsx. Memoised per process and entry.
 */
export function cachedBundle(entry, name) {
  if (!pending.has(entry)) pending.set(entry, build(entry, name));
  return pending.get(entry);
}

/** True unless EXOCASCADE_BUNDLE=0 asks every entry to run through tsx instead. */
export function bundlingEnabled() {
  return process.env.EXOCASCADE_BUNDLE !== '0';
}

async function build(entry, name) {
  const prefix = `${name}-`;
  const dir = join(CACHE_DIR, `${prefix}${sourceHash()}`);
  const main = join(dir, `${basename(entry).replace(/\.[^.]+$/, '')}.mjs`);
  if (existsSync(main)) return pathToFileURL(main);
  const esbuild = await import('esbuild');
  mkdirSync(CACHE_DIR, { recursive: true });
  // Build into a private directory, then rename it into place: concurrent processes (shards on
  // one machine, tests) never see a half-written bundle; if another won the race, use theirs.
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    outdir: tmp,
    entryNames: '[name]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Code reached only through import() becomes its own chunk, loaded when first needed.
    // Without splitting esbuild inlines such code in lazy wrappers and can no longer drop
    // what it does not use: mathjs alone then weighed 0.76 MB instead of 0.07 MB.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [externalPackages, precompiledValidator(esbuild, tmp), ownImportMetaUrl],
    logLevel: 'silent',
  });
  try {
    renameSync(tmp, dir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(main)) throw err;
  }
  // Old bundles are dead weight once the sources moved on; keep a day's worth, since another
  // process (older sources) may be starting from one right now.
  const dayAgo = Date.now() - 86_400_000; // det-ok: cache housekeeping only
  for (const old of readdirSync(CACHE_DIR)) {
    const path = join(CACHE_DIR, old);
    if (old.startsWith(prefix) && path !== dir && statSync(path).mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true });
  }
  return pathToFileURL(main);
}
