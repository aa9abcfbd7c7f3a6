// Type-checks every layer against its own tsconfig. The engine's tsconfig has no DOM and no Node
// types, so a platform call in shared/src fails here, not in review.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const projects = [
  ['shared/tsconfig.json', 'shared/src'],
  ['shared/tsconfig.test.json', 'shared/src'],
  ['shared/ui/tsconfig.json', 'shared/ui'],
  ['cli/tsconfig.json', 'cli/src'],
  ['addin/tsconfig.json', 'addin/src'],
  ['extension/tsconfig.json', 'extension/src'],
  ['tsconfig.tools.json', '.'],
];

const hasTs = dir =>
  existsSync(dir) &&
  readdirSync(dir, { recursive: true }).some(
    f => /\.tsx?$/.test(String(f)) && !String(f).includes('node_modules'),
  );

let failed = false;
for (const [config, dir] of projects) {
  if (!hasTs(dir)) {
    continue;
  }
  const run = spawnSync('npx', ['tsc', '-p', config], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`typecheck failed: ${config}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
