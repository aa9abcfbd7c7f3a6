// ESLint is a correctness gate, not a style gate: Prettier owns layout.
// It also enforces the architecture: the engine (shared/src) is pure, shells stay at the edge.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const platformGlobals = [
  'Office',
  'browser',
  'messenger',
  'chrome',
  'window',
  'document',
  'process',
  'Buffer',
  'navigator',
  'localStorage',
  'fetch',
].map(name => ({
  name,
  message: 'The engine is pure: platform objects belong in a shell (cli/, addin/, extension/).',
}));

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', '.e2e-tmp/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        project: [
          './shared/tsconfig.test.json',
          './shared/ui/tsconfig.json',
          './cli/tsconfig.json',
          './addin/tsconfig.json',
          './extension/tsconfig.json',
          './tsconfig.tools.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      curly: ['error', 'all'],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-control-regex': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine: bytes in, evidence out. No platform, no UI, no shells.
    files: ['shared/src/**/*.ts', 'shared/i18n/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...platformGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'The engine may not touch Node: pass bytes in.',
            },
            { group: ['preact', 'preact/*', '**/ui/**'], message: 'The engine holds no UI.' },
            {
              group: ['**/cli/**', '**/addin/**', '**/extension/**'],
              message: 'The engine may not import a shell.',
            },
          ],
        },
      ],
      'no-console': 'error',
    },
  },
  {
    // Shared UI: DOM is fine, platform mail APIs are not.
    files: ['shared/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Office', 'browser', 'messenger', 'chrome', 'process'].map(name => ({
          name,
          message: 'Shared UI gets data and callbacks as props.',
        })),
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', '**/cli/**', '**/addin/**', '**/extension/**'] }] },
      ],
    },
  },
  {
    // Shells never reach into each other.
    files: ['addin/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/extension/**', '**/cli/**'] }] }],
    },
  },
  {
    files: ['extension/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/addin/**', '**/cli/**'] }] }] },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
      },
    },
  },
);
