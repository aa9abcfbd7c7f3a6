import { chmodSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';

// The CLI is one file for Node; postal-mime is bundled in so `npx backscatter-guard` needs nothing else.
// CommonJS, not ESM: Node 20 starts a CommonJS main file without its ESM loader, 0.07 G instructions of
// a 5.7 G scan over the bench's mbox (valgrind), and nothing here needs ESM (the worker is this file).
export default defineConfig({
  build: {
    ssr: 'cli/src/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      output: { format: 'cjs', entryFileNames: 'backscatter-guard.cjs', banner: '#!/usr/bin/env node' },
    },
  },
  ssr: { noExternal: true },
  plugins: [
    {
      // The bundle is the package's `bin`: make it runnable as ./dist/cli/backscatter-guard.cjs too.
      name: 'bin-executable',
      writeBundle(options, bundle) {
        for (const file of Object.keys(bundle)) {
          chmodSync(path.join(options.dir ?? 'dist/cli', file), 0o755);
        }
      },
    },
  ],
});
