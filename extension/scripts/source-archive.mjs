// `npm run build:source`: what addons.thunderbird.net's source review needs next to the XPI
// (thunderbird-platform.md §A4): the authored source that builds it, and BUILD.md with the exact
// tool versions and the commands that reproduce dist/backscatter-guard.xpi byte for byte.
//
//   dist/backscatter-guard-source.zip
//
// The files are the committed ones (git ls-files) that the build reads: the extension, the engine
// it bundles (shared/src, shared/i18n, shared/ui), the lockfile and the TypeScript settings. Tests,
// the corpus, the CLI and the Outlook add-in stay out. The zip is written as deterministically as the
// XPI (zip.mjs), so the same commit gives the same archive.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zip } from './zip.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const out = path.join(repoRoot, 'dist', 'backscatter-guard-source.zip');

const INCLUDE = [
  /^package(-lock)?\.json$/,
  /^tsconfig\.base\.json$/,
  /^\.npmrc$/,
  /^LICENSE/,
  /^extension\/(manifest\.json|README\.md|tsconfig\.json)$/,
  /^extension\/(public|scripts)\//,
  /^extension\/src\/(?!.*\.test\.tsx?$)(?!test-support\/)/,
  /^shared\/(src|i18n|ui)\/(?!.*\.test\.tsx?$)(?!.*\.bench\.ts$)/,
  /^shared\/tsconfig\.json$/,
];

const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' })
  .split('\0')
  .filter(file => file !== '' && INCLUDE.some(pattern => pattern.test(file)));

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8'));
const locked = name => lock.packages?.[`node_modules/${name}`]?.version ?? '?';
const npmVersion = execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();

const buildMd = `# Building Backscatter Guard ${pkg.version} for Thunderbird from source

Source of commit ${commit}. The XPI is made of bundled, unminified JavaScript: TypeScript and TSX
compiled and bundled by Vite, one IIFE file per script, no source maps, no remote code.

## Tools (the versions this archive was made with)

| tool | version |
| ---- | ------- |
| Node.js | ${process.version} (any Node ${pkg.engines?.node ?? ''} gives the same output) |
| npm | ${npmVersion} |
| vite | ${locked('vite')} (from package-lock.json) |
| typescript | ${locked('typescript')} |
| tsx | ${locked('tsx')} (reads the string tables for the per-language banners) |
| preact | ${locked('preact')} |
| postal-mime | ${locked('postal-mime')} |

Every other package is pinned by \`package-lock.json\`.

## Commands

\`\`\`sh
npm ci
npm run build:extension
\`\`\`

Output: \`dist/backscatter-guard.xpi\` (the uploaded file) and \`dist/extension/\` (the same files
unpacked). The build is byte-reproducible: entries sorted, timestamps fixed at 1980-01-01, no hashes
in names. Compare with \`sha256sum dist/backscatter-guard.xpi\` or unzip and diff against
\`dist/extension/\`.

## Layout

- \`extension/\` — the MailExtension: \`manifest.json\`, \`src/\` (background, banner, popup, options,
  sweep), \`public/\` (locales, icons, pages), \`scripts/build.mjs\`, \`scripts/banner-strings.mjs\`
  and \`scripts/zip.mjs\` (the build; one banner script per UI language).
- \`shared/src\`, \`shared/i18n\`, \`shared/ui\` — the engine and the shared UI the extension bundles.
`;

const files = tracked.map(file => ({ path: file, data: readFileSync(path.join(repoRoot, file)) }));
files.push({ path: 'BUILD.md', data: Buffer.from(buildMd, 'utf8') });
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, zip(files));
console.log(`wrote ${path.relative(repoRoot, out)} (${files.length} files) with BUILD.md`);
