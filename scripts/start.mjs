// `npm start`: the main job on a fresh machine. Builds, then runs the CLI over the bundled samples.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    process.exit(r.status ?? 1);
  }
};

run('npm', ['run', '--silent', 'build']);
console.log('\nBackscatter Guard: scanning samples/inbox as the user alice.martin@gmail.com,');
console.log('whose Sent folder is samples/sent/Sent.mbox (see samples/README.md)\n');
run('node', [
  'dist/cli/backscatter-guard.cjs',
  'scan',
  '--me',
  'alice.martin@gmail.com',
  '--sent',
  'samples/sent',
  'samples/inbox',
]);

// The Thunderbird extension: builds the XPI and says how to install it.
run('npm', ['run', '--silent', 'build:extension']);
console.log('\nThunderbird (128 ESR or newer): Add-ons and Themes → ⚙ → Install Add-on From File… →');
console.log('dist/backscatter-guard.xpi  (build and permissions: extension/README.md)\n');

// The Outlook add-in (keep this last: it serves until Ctrl+C). Builds dist/addin, then serves it over
// HTTPS on https://localhost:3000 with a locally generated certificate and prints the sideloading
// steps and the standalone analyzer's URL. It opens nothing by itself.
run('npm', ['run', '--silent', 'build:addin']);
run('npm', ['run', '--silent', 'serve:addin']);
