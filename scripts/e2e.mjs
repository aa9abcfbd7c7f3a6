// Runs each shell's end-to-end suite (real Chromium for the add-in, real Thunderbird for the
// extension). Each suite is an npm script of its own so it can be run alone while working on it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const suites = Object.keys(scripts).filter(name => name.startsWith('test:e2e:'));
let failed = 0;
for (const suite of suites) {
  console.log(`\n=== ${suite} ===`);
  const run = spawnSync('npm', ['run', '--silent', suite], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    console.error(`${suite} failed (exit ${run.status})`);
  }
}
console.log(`\ne2e: ${suites.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
