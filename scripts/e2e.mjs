// Runs each shell's end-to-end suite (real Chromium for the add-in, real Thunderbird for the
// extension). Each suite is an npm script of its own so it can be run alone while working on it.
// A suite whose system packages are missing is reported in one line and not run; under CI=true that
// fails the run (scripts/e2e-requirements.mjs).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { plan } from './e2e-requirements.mjs';

const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const suites = Object.keys(scripts).filter(name => name.startsWith('test:e2e:'));
const { run, skipped, fail } = plan(suites);
for (const s of skipped) {
  console.log(s.line);
}
let failed = 0;
for (const suite of run) {
  console.log(`\n=== ${suite} ===`);
  const result = spawnSync('npm', ['run', '--silent', suite], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`${suite} failed (exit ${result.status})`);
  }
}
console.log(`\ne2e: ${run.length - failed} passed, ${failed} failed, ${skipped.length} not run`);
process.exit(failed === 0 && !fail ? 0 : 1);
