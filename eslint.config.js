// ESLint (flat config, typescript-eslint's parser): the determinism and layering rules of the
// engine, checked by `npm run lint`, which `npm test` runs. Deliberate exceptions are written
// in place as `// eslint-disable-next-line <rule> -- <why>`; a disable without a reason, or
// one that no longer disables anything, is an error itself.
import comments from '@eslint-community/eslint-plugin-eslint-comments';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Folders whose code changes simulation state: it must give the same bits in Node and in any browser. */
export const DETERMINISTIC = ['src/core/**', 'src/world/**', 'src/engine/**', 'src/catalog/**', 'src/scenario/**'];

/** Math functions whose last bits differ between JS engines (use src/core/detmath.ts). */
const TRANSCENDENTAL = ['sin', 'cos', 'tan', 'exp', 'expm1', 'log', 'log1p', 'log2', 'log10', 'pow', 'atan', 'atan2', 'asin', 'acos', 'sinh', 'cosh', 'tanh', 'cbrt', 'hypot'];

const UNSEEDED = 'all randomness comes from a seeded stream (src/core/rng.ts)';
const CLOCK = 'simulation code never reads a clock: time is the tick';
const ROUNDING = 'differs in the last bits between Node and browsers: use src/core/detmath.ts';

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'out/**'] },
  {
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: { parser: tseslint.parser, sourceType: 'module' },
  },
  {
    plugins: { '@eslint-community/eslint-comments': comments },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: { '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }] },
  },
  {
    files: DETERMINISTIC,
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: UNSEEDED },
        { object: 'Date', property: 'now', message: CLOCK },
        { object: 'performance', property: 'now', message: CLOCK },
        ...TRANSCENDENTAL.map((property) => ({ object: 'Math', property, message: ROUNDING })),
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date']", message: CLOCK },
        { selector: "BinaryExpression[operator='**']", message: `** ${ROUNDING} (x * x for squares)` },
        { selector: "AssignmentExpression[operator='**=']", message: `**= ${ROUNDING}` },
      ],
    },
  },
  {
    // The engine may read the scenario's types (RunConfig, WhatIf), never its code: values flow
    // scenario → config → engine, so the scenario may import from the engine but not back. Units
    // are converted once, when a scenario is resolved: the engine never loads mathjs.
    files: ['src/core/**', 'src/world/**', 'src/engine/**', 'src/catalog/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'mathjs', message: 'quantities are converted in src/scenario, once; the engine works in plain numbers' }],
        patterns: [{ group: ['**/scenario/*'], allowTypeImports: true, message: 'engine code imports only types from src/scenario' }],
      }],
    },
  },
);
