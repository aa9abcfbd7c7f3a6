// Entry of `backscatter-guard` (built by `npm run build:cli` into dist/cli/backscatter-guard.mjs).
// Only wiring: the real process, the real engine. Everything else is in scan.ts and friends.
import { readAllStdin } from './inputs';
import { runReport } from './report';
import { runCli, type Terminal } from './scan';
import { makeScanner } from './verdict';

const terminal: Terminal = {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  stdoutIsTty: process.stdout.isTTY === true,
  stderrIsTty: process.stderr.isTTY === true,
  columns: process.stdout.columns,
  env: process.env,
  // Output to a slow reader must not pile up in memory: wait for 'drain' when the stream asks for it.
  drain: () =>
    process.stdout.writableNeedDrain
      ? new Promise(resolve => process.stdout.once('drain', () => resolve()))
      : Promise.resolve(),
  readStdin: () => {
    if (process.stdin.isTTY) {
      // "scan -" typed at a prompt would otherwise just sit there.
      process.stderr.write('backscatter-guard: reading a message from standard input (end with Ctrl-D)\n');
    }
    return readAllStdin();
  },
};

// `backscatter-guard scan … | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(0);
  }
  throw error;
});

const argv = process.argv.slice(2);
(argv[0] === 'report' ? runReport(argv, terminal) : runCli(argv, terminal, makeScanner)).then(
  code => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`backscatter-guard: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
