import { chmodSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';

// The CLI is one ESM file for Node; postal-mime is bundled in so `npx backscatter-guard` needs nothing else.
export default defineConfig({
  build: {
    ssr: 'cli/src/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'backscatter-guard.mjs', banner: '#!/usr/bin/env node' } },
  },
  ssr: { noExternal: true },
  plugins: [
    {
      // The bundle is the package's `bin`: make it runnable as ./dist/cli/backscatter-guard.mjs too.
      name: 'bin-executable',
      writeBundle(options, bundle) {
        for (const file of Object.keys(bundle)) {
          chmodSync(path.join(options.dir ?? 'dist/cli', file), 0o755);
        }
      },
    },
  ],
});
