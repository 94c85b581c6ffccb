// Lint with type-aware-free rules (fast) plus import boundaries between packages (design.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noCrossPackageSrc = {
  group: ['**/packages/*/src/**', '**/apps/*/src/**', '../../packages/**', '../../apps/**'],
  message: 'Import another package by its name (@viplane/...), never by a path into its source.',
};
const noNode = { group: ['node:*'], message: 'This package runs in the browser too: no node:* imports.' };

/** `pure` packages run in the browser worker: no Node built-ins. */
function boundary(files, allowed, { pure = false } = {}) {
  const all = [
    '@viplane/model',
    '@viplane/sync',
    '@viplane/validator',
    '@viplane/templates',
    '@viplane/formats',
    '@viplane/server',
    '@viplane/web',
    '@viplane/cli',
  ];
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: all
            .filter((p) => !allowed.includes(p))
            .map((name) => ({ name, message: `not a dependency of this package (design.md layout)` })),
          patterns: [noCrossPackageSrc, ...(pure ? [noNode] : [])],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.tsbuild/**', 'coverage/**', 'data/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  boundary(['packages/model/src/**/*.ts'], [], { pure: true }),
  boundary(['packages/validator/src/**/*.ts'], ['@viplane/model'], { pure: true }),
  boundary(['packages/templates/src/**/*.ts'], ['@viplane/model'], { pure: true }),
  boundary(['packages/sync/src/**/*.ts'], ['@viplane/model'], { pure: true }),
  // formats: browser-safe except the PNG renderer, which is its own subpath export.
  boundary(['packages/formats/src/**/*.ts'], ['@viplane/model', '@viplane/validator'], { pure: true }),
  boundary(['packages/formats/src/png.ts'], ['@viplane/model', '@viplane/validator']),
  boundary(
    ['packages/*/test/**/*.ts', 'packages/*/src/**/*.test.ts', 'packages/*/scripts/**/*.ts', 'packages/*/bench/**/*.ts'],
    ['@viplane/model', '@viplane/sync', '@viplane/validator', '@viplane/templates', '@viplane/formats'],
  ),
  boundary(['apps/cli/**/*.ts'], ['@viplane/model', '@viplane/validator', '@viplane/templates', '@viplane/formats']),
  boundary(['apps/server/**/*.ts'], ['@viplane/model', '@viplane/sync', '@viplane/validator', '@viplane/templates', '@viplane/formats']),
  boundary(['apps/web/**/*.{ts,tsx}'], ['@viplane/model', '@viplane/sync', '@viplane/validator', '@viplane/templates', '@viplane/formats']),
);
