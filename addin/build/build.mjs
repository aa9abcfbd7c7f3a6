// `npm run build:addin [-- --base-url https://host/path] [--graph-client-id GUID]`
// Builds the task pane (Preact, one HTML entry that is also the standalone analyzer), the
// spam-reporting handler as one classic script (classic Outlook on Windows runs it in a
// JavaScript-only runtime where "Imports aren't currently supported"), the icons, config.json and
// the manifest for the chosen origin, into dist/addin/.
import { mkdir, readFile, writeFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { renderIcons } from './icons.mjs';
import { DEV_ORIGIN, manifestFor, normalizeBaseUrl } from './manifest.mjs';
import { unifiedManifestText } from './unified-manifest.mjs';

const addinDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(addinDir, '..');

function parseArgs(argv) {
  const options = {
    baseUrl: process.env.BSG_BASE_URL ?? DEV_ORIGIN,
    graphClientId: process.env.BSG_GRAPH_CLIENT_ID ?? '',
    outDir: join(repoRoot, 'dist/addin'),
    quiet: false,
    sizeReport: false,
    // The end-to-end test's local Graph stand-in: accepted in config.json and allowed by the CSP in
    // that build only. Never set for a deployment.
    testGraphOrigin: '',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (name === '--base-url') {
      options.baseUrl = value();
    } else if (name === '--graph-client-id') {
      options.graphClientId = value();
    } else if (name === '--out') {
      options.outDir = resolve(value());
    } else if (name === '--quiet') {
      options.quiet = true;
    } else if (name === '--size-report') {
      options.sizeReport = true;
    } else if (name === '--test-graph-origin') {
      options.testGraphOrigin = new URL(value()).origin;
    } else {
      throw new TypeError(`build:addin: unknown option ${arg}`);
    }
  }
  options.baseUrl = normalizeBaseUrl(options.baseUrl);
  if (
    options.graphClientId &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.graphClientId)
  ) {
    throw new TypeError(
      '--graph-client-id must be the application (client) id GUID of the Entra app registration',
    );
  }
  return options;
}

const shared = {
  configFile: false,
  logLevel: 'warn',
  // Preact's automatic runtime, as the tsconfig declares (jsxImportSource preact).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
};

async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) {
      out.push(...(await listFiles(join(dir, entry.name), `${rel}/`)));
    } else {
      out.push(rel);
    }
  }
  return out;
}

/** gzip sizes of every script; `initial` marks the ones taskpane.html loads at start (the rest are lazy). */
export async function bundleReport(outDir) {
  const html = await readFile(join(outDir, 'taskpane.html'), 'utf8').catch(() => '');
  const initial = new Set([...html.matchAll(/(?:src|href)="\.\/([^"]+\.js)"/g)].map(m => m[1]));
  const files = (await listFiles(outDir)).filter(f => f.endsWith('.js'));
  const rows = [];
  for (const file of files) {
    const bytes = await readFile(join(outDir, file));
    rows.push({
      file,
      bytes: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      initial: initial.has(file),
    });
  }
  return rows.sort((a, b) => a.file.localeCompare(b.file));
}

// Third-party packages, left out when measuring "our code" (the engine, shared UI and strings, the shell).
const THIRD_PARTY = [/^preact(\/|$)/, /^postal-mime(\/|$)/, /^@azure\/msal-browser(\/|$)/];

/** gzip size of the task pane's start-up script without third-party packages (the ≤ 60 KB budget). */
export async function ownCodeSize() {
  const outDir = join(repoRoot, '.e2e-tmp', 'addin-own-code');
  await build({
    ...shared,
    root: addinDir,
    base: './',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: { taskpane: join(addinDir, 'taskpane.html') },
        external: id => THIRD_PARTY.some(re => re.test(id)),
      },
    },
  });
  const rows = await bundleReport(outDir);
  return rows.filter(row => row.initial).reduce((sum, row) => sum + row.gzip, 0);
}

export async function buildAddin(argv = []) {
  const options = parseArgs(argv);
  await mkdir(options.outDir, { recursive: true });
  await build({
    ...shared,
    root: addinDir,
    base: './',
    publicDir: join(addinDir, 'public'),
    define: { __BSG_TEST_GRAPH_ORIGIN__: JSON.stringify(options.testGraphOrigin) },
    build: {
      outDir: options.outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: { taskpane: join(addinDir, 'taskpane.html'), analyzer: join(addinDir, 'analyzer.html') },
      },
    },
  });
  if (options.testGraphOrigin) {
    const page = join(options.outDir, 'taskpane.html');
    const html = await readFile(page, 'utf8');
    await writeFile(
      page,
      html.replace("connect-src 'self'", `connect-src 'self' ${options.testGraphOrigin}`),
    );
  }
  await build({
    ...shared,
    root: addinDir,
    publicDir: false,
    build: {
      outDir: options.outDir,
      emptyOutDir: false,
      target: 'es2020',
      sourcemap: false,
      lib: {
        entry: join(addinDir, 'src/commands/spam-report-entry.ts'),
        formats: ['iife'],
        name: 'backscatterGuardSpamReport',
        fileName: () => 'spamreporting.js',
      },
    },
  });
  await mkdir(join(options.outDir, 'assets'), { recursive: true });
  for (const [name, png] of renderIcons()) {
    await writeFile(join(options.outDir, 'assets', name), png);
  }
  const manifest = manifestFor(await readFile(join(repoRoot, 'manifest.xml'), 'utf8'), options.baseUrl);
  await writeFile(join(options.outDir, 'manifest.xml'), manifest);
  // The unified manifest (Microsoft 365 admin center), generated from the same XML for the same origin.
  await writeFile(join(options.outDir, 'manifest.json'), unifiedManifestText(manifest));
  // Read by the task pane at start, so a deployment can set the client id without rebuilding.
  await writeFile(
    join(options.outDir, 'config.json'),
    `${JSON.stringify({ graphClientId: options.graphClientId }, null, 2)}\n`,
  );
  const report = await bundleReport(options.outDir);
  if (!options.quiet) {
    console.log(`add-in built for ${options.baseUrl} → ${options.outDir}`);
    for (const row of report) {
      const role =
        row.file === 'spamreporting.js'
          ? 'Report handler'
          : row.initial
            ? 'task pane start'
            : 'lazy (MSAL at Graph sign-in, or the standalone analyzer)';
      const kb = n => (n / 1024).toFixed(1);
      console.log(
        `  ${row.file.padEnd(46)} ${kb(row.bytes).padStart(6)} KB ${kb(row.gzip).padStart(5)} KB gzip  ${role}`,
      );
    }
  }
  let ownGzip;
  if (options.sizeReport) {
    ownGzip = await ownCodeSize();
    if (!options.quiet) {
      console.log(
        `  our code at task pane start (preact, postal-mime, MSAL left out): ${(ownGzip / 1024).toFixed(1)} KB gzip`,
      );
    }
  }
  return { options, report, ownGzip };
}

const invokedDirectly =
  process.argv[1] &&
  (await stat(process.argv[1]).catch(() => undefined)) &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  buildAddin(process.argv.slice(2)).catch(error => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
