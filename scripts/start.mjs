// `npm start`: the main job on a fresh machine. Builds, then runs the CLI over the bundled samples.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    process.exit(r.status ?? 1);
  }
};

run('npm', ['run', '--silent', 'build']);
console.log('\nBackscatter Guard: scanning the bundled sample messages in samples/\n');
run('node', ['dist/cli/backscatter-guard.mjs', 'scan', 'samples/']);
