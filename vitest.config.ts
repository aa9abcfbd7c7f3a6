import { defineConfig } from 'vitest/config';

// One runner, one project per layer: the engine and the CLI in Node, the shells' UI in happy-dom.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          environment: 'node',
          include: ['shared/src/**/*.test.ts', 'shared/test/**/*.test.ts', 'shared/i18n/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'cli',
          environment: 'node',
          include: ['cli/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'happy-dom',
          include: [
            'shared/ui/**/*.test.{ts,tsx}',
            'addin/src/**/*.test.{ts,tsx}',
            'extension/src/**/*.test.{ts,tsx}',
            'manifest.test.ts',
            'addin/test/**/*.test.{ts,tsx}',
            'extension/test/**/*.test.{ts,tsx}',
          ],
        },
      },
    ],
  },
});
