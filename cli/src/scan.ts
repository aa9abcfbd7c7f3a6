// The scan command: PATHs → messages → analyze() → table or JSON lines. The engine and the terminal are
// passed in (ports), so tests run it on temp files with captured output.
import type { Analysis, Decision, History, MessageKind } from '../../shared/src/index';
import { countsInHistory, histories } from './history';
import { parseArgs, USAGE, type ScanOptions } from './args';
import {
  addToTally,
  countMessage,
  emptyTally,
  summaryLine,
  tableHeader,
  tableLayout,
  tableRow,
  toJsonRecord,
  type ScanResult,
  type ExplainText,
  type WhyText,
} from './format';
import { planInputs, readMessages, type InputMessage, type ReadStdin } from './inputs';
import { ProgressBar, wantsProgress } from './progress';
import { ansi, plain } from './text';

export interface Terminal {
  stdout: (text: string) => void;
  /** Lines for standard output, each followed by "\n", in one write; stdout() of them joined when absent. */
  stdoutLines?: (lines: readonly string[]) => void;
  stderr: (text: string) => void;
  stdoutIsTty: boolean;
  stderrIsTty: boolean;
  columns: number | undefined;
  env: Readonly<Record<string, string | undefined>>;
  readStdin: ReadStdin;
  /** Resolves when standard output can take more (a slow reader such as `| less`); absent: never waits. */
  drain?: () => Promise<void>;
}

/**
 * What runs on each message. Without `decide`, results stream out as they are analysed. With it (--me or
 * --sent), the whole input is read first so each bounce's decision can see the campaign history of the
 * folder (history.ts); results are printed afterwards, in reading order.
 */
export interface Scanner {
  analyze: (bytes: Uint8Array) => Promise<Analysis>;
  /**
   * Many messages at once, each with a time budget (in-thread.ts, analysis-pool.ts); else analyze() each.
   * `finish` turns each analysis into what the scan keeps, as soon as it is made.
   */
  analyzeEach?: <T>(
    messages: readonly Uint8Array[],
    finish: (analysis: Analysis, index: number) => T,
  ) => Promise<T[]>;
  close?: () => Promise<void>;
  decide?: ((analysis: Analysis, history: History | undefined) => Decision) | undefined;
  explain?: ExplainText;
  why?: WhyText;
}

export type Analyze = (bytes: Uint8Array) => Promise<Analysis>;

/** Builds the scanner for the options; the default only analyses. */
export type MakeScanner = (options: ScanOptions, terminal: Terminal) => Promise<Scanner>;

export const analyzeOnly =
  (analyze: Analyze): MakeScanner =>
  () =>
    Promise.resolve({ analyze });

function useColour(options: ScanOptions, terminal: Terminal): boolean {
  if (options.color !== undefined) {
    return options.color;
  }
  if (terminal.env['NO_COLOR'] !== undefined && terminal.env['NO_COLOR'] !== '') {
    return false;
  }
  if (terminal.env['FORCE_COLOR'] !== undefined && terminal.env['FORCE_COLOR'] !== '0') {
    return true;
  }
  return terminal.stdoutIsTty && terminal.env['TERM'] !== 'dumb';
}

const BATCH_MESSAGES = 128;
const BATCH_BYTES = 8 * 1024 * 1024;

/** finish() of each message's analysis, or the error that stands in for it: analyze() promises never to reject. */
async function analyzeAll<T>(
  scanner: Scanner,
  messages: readonly Uint8Array[],
  finish: (analysis: Analysis, index: number) => T,
): Promise<(T | { error: string })[]> {
  const failed = (error: unknown) => ({
    error: `analysis failed: ${error instanceof Error ? error.message : String(error)}`,
  });
  if (messages.length === 0) {
    return [];
  }
  if (scanner.analyzeEach !== undefined) {
    try {
      return await scanner.analyzeEach(messages, finish);
    } catch (error) {
      return messages.map(() => failed(error));
    }
  }
  const out: (T | { error: string })[] = [];
  for (const [k, bytes] of messages.entries()) {
    try {
      out.push(finish(await scanner.analyze(bytes), k));
    } catch (error) {
      out.push(failed(error));
    }
  }
  return out;
}

/** The parsed options, or the exit status after printing the usage error (2) or the help (0). */
export function optionsOrExit(argv: readonly string[], terminal: Terminal): ScanOptions | number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    terminal.stderr(`backscatter-guard: ${parsed.error}\n`);
    return 2;
  }
  if ('help' in parsed) {
    terminal.stdout(USAGE + '\n');
    return 0;
  }
  return parsed.options;
}

/** Runs the CLI; resolves to the exit status. Never rejects for bad input files. */
export async function runCli(
  argv: readonly string[],
  terminal: Terminal,
  makeScanner: MakeScanner,
): Promise<number> {
  const options = optionsOrExit(argv, terminal);
  if (typeof options === 'number') {
    return options;
  }
  const scanner = await makeScanner(options, terminal);
  const plan = await planInputs(options.paths);
  const totalBytes = plan.reduce((sum, p) => sum + (p.type === 'file' ? p.size : 0), 0);
  const files = plan.filter(p => p.type !== 'error').length;
  const bar = wantsProgress(totalBytes, files, terminal.stderrIsTty, options.progress)
    ? new ProgressBar(terminal.stderr, totalBytes, terminal.columns ?? 80)
    : undefined;

  const paint = useColour(options, terminal) ? ansi : plain;
  const layout = tableLayout(
    terminal.stdoutIsTty ? (terminal.columns ?? 120) : 160,
    scanner.decide !== undefined,
  );
  const tally = emptyTally();
  // Lines wait here and go out together, once per batch: one write per line was ~5% of a run over a large
  // mbox (each a system call to a file or pipe).
  let out: string[] = [];
  let outChars = 0;
  const emit = (line: string): void => {
    out.push(line);
    outChars += line.length + 1;
  };
  const writeOut = async (): Promise<void> => {
    if (out.length > 0) {
      bar?.clear();
      const lines = out;
      out = [];
      outChars = 0;
      if (terminal.stdoutLines !== undefined) {
        terminal.stdoutLines(lines);
      } else {
        terminal.stdout(lines.join('\n') + '\n');
      }
      await terminal.drain?.();
    }
  };
  if (!options.json) {
    emit(tableHeader(layout, paint));
  }

  const lineOf = (result: ScanResult): string =>
    options.json
      ? JSON.stringify(toJsonRecord(result, scanner.explain))
      : tableRow(result, layout, paint, scanner.why);
  const render = (result: ScanResult): string => {
    addToTally(tally, result);
    return lineOf(result);
  };
  const print = (result: ScanResult): void => emit(render(result));
  // Verdict mode: only messages that count in the campaign history wait for it (their Analysis is kept);
  // everything else is decided at once and waits as its rendered line, so memory follows the number of
  // bounces, not the size of the mailbox.
  const pending: ({ line: string } | { result: ScanResult })[] = [];
  let analysed = 0;
  /** `read`: bytes of all inputs read up to this message, for the progress bar. */
  const handle = (result: ScanResult | Printed, read: number): void => {
    analysed++;
    if ('line' in result) {
      countMessage(tally, result.kind, undefined);
      emit(result.line);
    } else if (scanner.decide === undefined) {
      print(result);
    } else if (result.analysis !== undefined && countsInHistory(result.analysis.kind)) {
      pending.push({ result });
    } else {
      const decided =
        result.analysis === undefined
          ? result
          : { ...result, decision: scanner.decide(result.analysis, undefined) };
      pending.push({ line: render(decided) });
    }
    bar?.update(read, analysed);
  };
  // Messages are analysed in batches (one guarded run per batch, across files: in-thread.ts), printed in
  // reading order. A batch is printed after the next one is sent, so an analysis on another thread (the
  // fallback worker) does not wait for this thread's formatting.
  interface Queued {
    message: InputMessage;
    /** Bytes of the inputs before this message's own. */
    before: number;
  }
  /** A message printed as soon as it was analysed (no verdict to wait for): its line and its kind. */
  interface Printed {
    line: string;
    kind: MessageKind;
  }
  interface InFlight {
    todo: Queued[];
    analyses: Promise<(Printed | { analysis: Analysis } | { error: string })[]>;
  }
  const handleBatch = async ({ todo, analyses }: InFlight): Promise<void> => {
    const results = await analyses;
    let k = 0;
    for (const { message: m, before } of todo) {
      const read = before + (m.position ?? 0);
      if (m.error !== undefined || m.bytes === undefined) {
        handle({ source: m.source, error: m.error ?? 'unreadable' }, read);
      } else {
        const a = results[k++]!;
        handle(
          'error' in a ? { source: m.source, error: a.error } : 'line' in a ? a : { source: m.source, ...a },
          read,
        );
      }
    }
    await writeOut();
  };
  let batch: Queued[] = [];
  let batchBytes = 0;
  let inFlight: InFlight | undefined;
  /** Sends the batch off, then prints the one before it. */
  const flush = async (): Promise<void> => {
    const todo = batch;
    batch = [];
    batchBytes = 0;
    const bytes: Uint8Array[] = [];
    const sources: string[] = [];
    for (const { message: m } of todo) {
      if (m.error === undefined && m.bytes !== undefined) {
        bytes.push(m.bytes);
        sources.push(m.source);
      }
    }
    // Without a verdict to wait for, each message becomes its line at once, and its analysis is dropped
    // while it is still young (in-thread.ts, analyzeEach).
    const finish = (analysis: Analysis, k: number): Printed | { analysis: Analysis } =>
      scanner.decide === undefined
        ? { line: lineOf({ source: sources[k]!, analysis }), kind: analysis.kind }
        : { analysis };
    const previous = inFlight;
    inFlight = { todo, analyses: analyzeAll(scanner, bytes, finish) };
    if (previous !== undefined) {
      await handleBatch(previous);
    }
  };
  let doneBytes = 0;
  for (const input of plan) {
    for await (const message of readMessages(input, terminal.readStdin)) {
      batch.push({ message, before: doneBytes });
      batchBytes += message.bytes?.length ?? 0;
      if (batch.length >= BATCH_MESSAGES || batchBytes >= BATCH_BYTES) {
        await flush();
      }
    }
    doneBytes += input.type === 'file' ? input.size : 0;
  }
  await flush();
  if (inFlight !== undefined) {
    await handleBatch(inFlight);
  }
  bar?.update(doneBytes, analysed);
  await scanner.close?.();
  if (scanner.decide !== undefined) {
    const decideOne = scanner.decide;
    const history = histories(pending.map(p => ('result' in p ? p.result.analysis : undefined)));
    for (const [i, p] of pending.entries()) {
      if ('line' in p) {
        emit(p.line);
      } else {
        const a = p.result.analysis;
        print(a === undefined ? p.result : { ...p.result, decision: decideOne(a, history[i]) });
      }
      if (outChars >= 1 << 16) {
        await writeOut();
      }
    }
  }
  await writeOut();
  bar?.clear();
  if (!options.json) {
    terminal.stdout(paint('dim', summaryLine(tally)) + '\n');
  } else if (terminal.stderrIsTty) {
    // JSON on stdout stays one object per line; the summary goes to stderr for a person watching.
    terminal.stderr(summaryLine(tally) + '\n');
  }
  return 0;
}
