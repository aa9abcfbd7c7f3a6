// `npm run build:extension`: the XPI and its unpacked tree, byte-reproducible from the lockfile.
//
//   dist/extension/            the unpacked add-on (load it with "Debug Add-ons → Load Temporary")
//   dist/backscatter-guard.xpi the same files, zipped deterministically (zip.mjs)
//
// Vite's own temp files go to node_modules/.vite; nothing else is written.
//
// Every script is its own IIFE bundle: message display scripts are classic scripts, and one file
// per page keeps the shipped code readable for review (no minification, no chunk hashes, no
// source maps with local paths). No eval and no remote code: Preact and the engine are bundled.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { build } from 'vite';
import { bannerTables } from './banner-strings.mjs';
import { timingEpilogue, timingPrologue } from './banner-timing.mjs';
import { zip } from './zip.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionDir = path.resolve(here, '..');
const repoRoot = path.resolve(extensionDir, '..');
// `--out DIR` builds elsewhere (DIR/extension, DIR/backscatter-guard.xpi): the e2e suite rebuilds
// into a temp dir and compares bytes, to prove the build reproducible.
const outArg = process.argv.indexOf('--out');
const distDir =
  outArg > 0 && process.argv[outArg + 1]
    ? path.resolve(process.argv[outArg + 1])
    : path.join(repoRoot, 'dist');
const outDir = path.join(distDir, 'extension');
const xpiPath = path.join(distDir, 'backscatter-guard.xpi');

// The banner, evaluated in every displayed message, is built once per UI language with only that
// language's strings (banner-strings.mjs): banner-en.js, banner-de.js.
const { tables, LANGS } = await tsImport(path.join(repoRoot, 'shared/i18n/index.ts'), import.meta.url);
const tableModules = Object.fromEntries(
  LANGS.map(lang => [path.join(repoRoot, `shared/i18n/${lang}.ts`), lang]),
);
const entries = {
  background: 'src/background.ts',
  ...Object.fromEntries(LANGS.map(lang => [`banner-${lang}`, 'src/banner/banner.tsx'])),
  popup: 'src/popup/main.tsx',
  options: 'src/options/main.tsx',
  sweep: 'src/sweep/main.tsx',
  // The background page's analysis worker (src/core/engine-budget.ts), a classic worker script.
  analysisWorker: 'src/core/engine-worker.ts',
};

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

/** Replaces shared/i18n's table modules by the banner's (only for the banner-<lang> entries). */
function bannerStrings(lang) {
  const replaced = new Set();
  const contents = bannerTables(lang, tables);
  return {
    name: 'backscatter-guard-banner-strings',
    enforce: 'pre',
    load(id) {
      const table = tableModules[id.split('?')[0]];
      if (table === undefined) {
        return null;
      }
      replaced.add(table);
      return `export const ${table} = ${JSON.stringify(contents[table] ?? {}, null, 2)};\n`;
    },
    buildEnd() {
      // shared/i18n moved or split: fail rather than ship a banner with both tables, or none.
      if (replaced.size !== LANGS.length) {
        throw new Error(`banner-${lang}: replaced ${[...replaced]} of shared/i18n's tables ${LANGS}`);
      }
    },
  };
}

for (const [name, entry] of Object.entries(entries)) {
  const bannerLang = /^banner-(.+)$/.exec(name)?.[1];
  await build({
    configFile: false,
    plugins: bannerLang ? [bannerStrings(bannerLang)] : [],
    root: repoRoot,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      sourcemap: false,
      target: 'firefox128',
      reportCompressedSize: false,
      // A measuring build (banner-timing.mjs), never shipped.
      rollupOptions:
        bannerLang && process.env.BSG_BANNER_TIMING
          ? { output: { banner: timingPrologue, footer: timingEpilogue } }
          : undefined,
      lib: {
        entry: path.join(extensionDir, entry),
        formats: ['iife'],
        name: `backscatterGuard_${name.replace(/\W/g, '_')}`,
        fileName: () => `${name}.js`,
      },
    },
  });
}

// The default MV3 CSP forbids eval; fail the build rather than ship code that would break at run time.
for (const name of Object.keys(entries)) {
  const code = readFileSync(path.join(outDir, `${name}.js`), 'utf8');
  if (/\beval\s*\(|\bnew\s+Function\s*\(/.test(code)) {
    throw new Error(`${name}.js contains eval or new Function`);
  }
}

// Each banner carries its own language's text and not another's.
for (const lang of LANGS) {
  const code = readFileSync(path.join(outDir, `banner-${lang}.js`), 'utf8');
  for (const other of LANGS) {
    const sample = JSON.stringify(tables[other]['verdict.unsure.summary']);
    if (code.includes(sample) !== (other === lang)) {
      throw new Error(
        `banner-${lang}.js: the ${other} strings are ${other === lang ? 'missing' : 'included'}`,
      );
    }
  }
}

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
if (manifest.version !== pkg.version) {
  throw new Error(
    `extension/manifest.json version ${manifest.version} differs from package.json ${pkg.version}`,
  );
}
writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
cpSync(path.join(extensionDir, 'public'), outDir, { recursive: true });
// Pages get the shared verdict card's stylesheet in front of their own.
const sharedCss = readFileSync(path.join(repoRoot, 'shared/ui/verdict.css'), 'utf8');
writeFileSync(
  path.join(outDir, 'pages.css'),
  sharedCss + '\n' + readFileSync(path.join(extensionDir, 'public/pages.css'), 'utf8'),
);

const files = readdirSync(outDir, { recursive: true })
  .map(String)
  .filter(file => statSync(path.join(outDir, file)).isFile())
  .map(file => ({ path: file.split(path.sep).join('/'), data: readFileSync(path.join(outDir, file)) }));
writeFileSync(xpiPath, zip(files));
console.log(
  `built ${path.relative(repoRoot, xpiPath)} (${statSync(xpiPath).size} bytes, ${files.length} files) and ${path.relative(repoRoot, outDir)}/`,
);
