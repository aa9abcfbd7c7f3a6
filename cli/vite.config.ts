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
});
