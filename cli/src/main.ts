// Entry of `backscatter-guard` (built by `npm run build:cli` into dist/cli/backscatter-guard.cjs).
// Only wiring: the real process, the real engine. Everything else is in scan.ts and friends.
import { fstatSync } from 'node:fs';
import { analyze, analyzeSync } from '../../shared/src/index';
import { ANALYSIS_WORKER_ARG, AnalysisPool, DEFAULT_BUDGET_MS, workerThreads } from './analysis-pool';
import { serveAnalysis } from './analysis-worker';
import { tuneCompiler } from './compiler';
import { InThreadAnalyzer } from './in-thread';
import { readAllStdin } from './inputs';
import { utf8Lines } from './text';
import { runReport } from './report';
import { runCli, type MakeScanner, type Terminal } from './scan';
import { makeScanner } from './verdict';

/**
 * The scanner for the options, its analysis on this thread with a time budget per message
 * (in-thread.ts); after a stop, on a worker thread (analysis-pool.ts).
 */
const guarded: MakeScanner = async (options, terminal) => {
  const scanner = await makeScanner(options, terminal);
  const engine = new InThreadAnalyzer({
    analyze: analyzeSync,
    budgetMs: DEFAULT_BUDGET_MS,
    fallback: () =>
      new AnalysisPool({ workerUrl: new URL(import.meta.url), printOnly: scanner.decide === undefined }),
  });
  return {
    ...scanner,
    analyzeEach: (messages, finish) => engine.analyzeEach(messages, finish),
    close: () => engine.close(),
  };
};

/**
 * Whether file descriptor `fd` is a terminal, without making its stream when it cannot be one (a terminal
 * is a character device): process.stderr on a pipe loads node:net, ~0.03 G instructions of a scan.
 */
function isTerminal(fd: number, stream: () => { isTTY?: boolean }): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) {
      return false;
    }
  } catch {
    return false;
  }
  return stream().isTTY === true;
}

/**
 * Ends the process as soon as its output is written: Node's ordinary exit first tears down the engine
 * and frees its whole heap (~0.05 G instructions after the bench's scan, with the unmapping of ~100 MB),
 * which nothing needs. Only on Linux, where Node writes standard output and error synchronously to
 * files, pipes and terminals (Node's "A note on process I/O"), and only with nothing left in standard
 * output's buffer; elsewhere, or with output still queued, the ordinary exit.
 */
function exitWhenWritten(code: number): void {
  if (process.platform === 'linux' && process.stdout.writableLength === 0) {
    process.exit(code);
  }
}

function main(): void {
  tuneCompiler();
  const terminal: Terminal = {
    stdout: text => process.stdout.write(text),
    stdoutLines: lines => process.stdout.write(utf8Lines(lines)),
    stderr: text => process.stderr.write(text),
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: isTerminal(2, () => process.stderr),
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
  (argv[0] === 'report' ? runReport(argv, terminal) : runCli(argv, terminal, guarded)).then(
    code => {
      process.exitCode = code;
      exitWhenWritten(code);
    },
    (error: unknown) => {
      process.stderr.write(`backscatter-guard: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

// The bundle is also the analysis worker, used after the first stop (in-thread.ts); the pool starts it
// with ANALYSIS_WORKER_ARG, so a plain run never loads node:worker_threads.
const port = process.argv.includes(ANALYSIS_WORKER_ARG) ? workerThreads().parentPort : null;
if (port) {
  serveAnalysis(port, analyze);
} else {
  main();
}
