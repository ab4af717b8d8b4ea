import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

// No engine code runs in this file, only ESLint and TypeScript, whose dependencies draw
// Math.random for their own ids (brace-expansion at load): give them a real one, from a fresh
// realm, instead of the suite's guard (tests/setup.ts).
Math.random = runInNewContext('Math.random') as () => number;
const { ESLint } = await import('eslint');
const { default: ts } = await import('typescript');

// The project's own tools enforce the engine's rules (npm run lint, npm run typecheck). These
// tests plant code in src/engine without writing any file: ESLint lints text under a path
// there, TypeScript compiles an in-memory file with the engine tsconfig's options.

const eslint = new ESLint({ cwd: process.cwd() });

/** Rule ids ESLint reports for `code` as if it were the file `path`. */
async function lintRules(code: string, path: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

/** TypeScript's error messages for `code` as the file `path`, compiled with the options of `tsconfig`. */
function typeErrors(code: string, path: string, tsconfig: string): string[] {
  const read = ts.readConfigFile(tsconfig, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, process.cwd());
  const file = ts.sys.resolvePath(path);
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, code, version) : getSourceFile(name, version, ...rest);
  host.fileExists = ((exists) => (name: string) => name === file || exists(name))(host.fileExists.bind(host));
  const program = ts.createProgram([file], parsed.options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('lint: determinism in the engine folders', () => {
  it('fails a planted Math.random() in src/engine, and accepts the same line in the app', async () => {
    expect(await lintRules('export const u = Math.random();\n', 'src/engine/planted.ts')).toEqual(['no-restricted-properties']);
    expect(await lintRules('export const u = Math.random();\n', 'src/app/planted.ts')).toEqual([]);
  });

  it('fails clocks, transcendental Math functions and ** in every engine folder', async () => {
    const planted = [
      'export const a = Date.now();', 'export const b = performance.now();', 'export const c = new Date();',
      'export const d = Math.exp(1);', 'export const e = Math.atan2(1, 2);', 'export const f = Math.hypot(3, 4);',
      'export const g = 2 ** 0.5;', 'export let h = 2; h **= 3;', 'export const { sin } = Math;',
    ];
    for (const dir of ['core', 'world', 'engine', 'catalog', 'scenario']) {
      const rules = await lintRules(`${planted.join('\n')}\n`, `src/${dir}/planted.ts`);
      expect(rules, dir).toHaveLength(planted.length);
      expect(new Set(rules), dir).toEqual(new Set(['no-restricted-properties', 'no-restricted-syntax']));
    }
    // Exact arithmetic and the square root are the same everywhere.
    expect(await lintRules('export const r = Math.sqrt(2) * Math.abs(-3) + Math.floor(1.5);\n', 'src/engine/planted.ts')).toEqual([]);
  });

  it('accepts a deliberate use only with a disable comment that gives a reason', async () => {
    const escaped = '// eslint-disable-next-line no-restricted-properties -- reference value for a test\nexport const e = Math.exp(1);\n';
    expect(await lintRules(escaped, 'src/core/planted.ts')).toEqual([]);
    const bare = '// eslint-disable-next-line no-restricted-properties\nexport const e = Math.exp(1);\n';
    expect(await lintRules(bare, 'src/core/planted.ts')).toEqual(['@eslint-community/eslint-comments/require-description']);
  });

  it('lets the engine import only types from the scenario folder', async () => {
    expect(await lintRules("import { parseWhatIf } from '../scenario/whatif';\nexport const p = parseWhatIf;\n", 'src/engine/planted.ts'))
      .toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await lintRules("import type { WhatIf } from '../scenario/whatif';\nexport type W = WhatIf;\n", 'src/engine/planted.ts')).toEqual([]);
  });
});

describe('typecheck: the engine folders know no DOM, worker or Node globals', () => {
  it('fails a planted `document` in src/engine under tsconfig.engine.json, which the app\'s tsconfig accepts', () => {
    const code = 'export const title: string = document.title;\n';
    expect(typeErrors(code, 'src/engine/planted.ts', 'tsconfig.engine.json')).toEqual([expect.stringContaining("Cannot find name 'document'")]);
    expect(typeErrors(code, 'src/engine/planted.ts', 'tsconfig.json')).toEqual([]);
  });

  it('fails Node and worker globals and the clock there too', () => {
    const errors = typeErrors('export const a = process.env;\nexport const b = self;\nexport const c = performance.now();\n', 'src/engine/planted.ts', 'tsconfig.engine.json');
    expect(errors).toHaveLength(3);
    for (const name of ['process', 'self', 'performance']) expect(errors.some((e) => e.includes(`Cannot find name '${name}'`)), name).toBe(true);
  });
});
