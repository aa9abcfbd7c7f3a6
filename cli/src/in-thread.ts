// analyze() on the CLI's own thread, with the per-message time budget of issue 8 §1 kept. Each batch runs
// inside node:vm's runInContext with a `timeout`: its watchdog thread stops the running JavaScript when
// the budget is spent (V8's TerminateExecution, the same stop worker.terminate() makes), whatever realm
// the running function belongs to. The engine is synchronous (analyzeSync), so all of a batch's work
// happens inside that one call.
//
// Why not the worker pool for everything (analysis-pool.ts, which this replaced as the default): a second
// isolate costs its start (~55 ms before it takes a message), a structured clone of every result, and it
// analysed ~15% slower than this thread, measured over the bench's mbox (issue 10 §4).
//
// A stopped analysis may leave the engine's module state half-written (a memo, a regular expression's
// lastIndex), so after the first stop this thread's engine is never used again: the message that ran over
// is answered overBudget() if it was the batch's first (it had the whole budget), and everything after it
// — that message too, if others used part of the budget before it — goes to the worker pool, which keeps
// the budget with a fresh engine per stop.
import vm from 'node:vm';
import { overBudget, type Analysis } from '../../shared/src/index';

/** Where the messages go once this thread has stopped an analysis: the worker pool in production. */
export interface Fallback {
  analyzeMany: (messages: readonly Uint8Array[]) => Promise<Analysis[]>;
  close: () => Promise<void>;
}

export interface InThreadOptions {
  /** The synchronous engine (a deliberately slow one in tests). */
  analyze: (bytes: Uint8Array) => Analysis;
  budgetMs: number;
  /** Made when first needed: a run that never stops an analysis never starts a worker. */
  fallback: () => Fallback;
}

/** The code the watchdog guards: it only calls the batch's job, set on the context before each run. */
const RUN_JOB = new vm.Script('job()', { filename: 'backscatter-guard-analysis' });

const isTimeout = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';

export class InThreadAnalyzer {
  private readonly context = vm.createContext({ job: undefined as (() => void) | undefined });
  private fallback: Fallback | undefined;
  /** Set by the first stop: from then on this thread's engine is not trusted. */
  private stopped = false;

  constructor(private readonly options: InThreadOptions) {}

  /** The analyses of `messages`, in order. Never rejects; a stop answers like the pool's budget does. */
  analyzeMany(messages: readonly Uint8Array[]): Promise<Analysis[]> {
    return this.analyzeEach(messages, analysis => analysis);
  }

  /**
   * `finish(analysis, k)` of each message `k`, in order, each made as soon as its analysis is. A scan
   * that only prints keeps the printed line, not the analysis: an analysis holds slices of its whole
   * message, and a batch of them kept to its end outlived V8's young generation — copied and promoted
   * by the collector, 5% of a run over the bench's mbox (issue 10 §4). `finish` runs inside the budget
   * too; it must not throw and must leave no state half-written if stopped (the caller counts later).
   */
  analyzeEach<T>(
    messages: readonly Uint8Array[],
    finish: (analysis: Analysis, index: number) => T,
  ): Promise<T[]> {
    if (this.stopped) {
      return this.fallbackPool()
        .analyzeMany(messages)
        .then(analyses => analyses.map(finish));
    }
    const { analyze, budgetMs } = this.options;
    const results: T[] = [];
    /** The message being analysed: in progress while it has no result. */
    let running = -1;
    this.context['job'] = () => {
      for (let k = results.length; k < messages.length; k = results.length) {
        running = k;
        results.push(finish(analyze(messages[k]!), k));
      }
    };
    try {
      RUN_JOB.runInContext(this.context, { timeout: budgetMs });
      return Promise.resolve(results);
    } catch (error) {
      this.stopped = true;
      // A stop between two messages leaves nothing in progress: the next one goes to the fallback.
      const inProgress = running === results.length;
      if (inProgress && !isTimeout(error)) {
        // The engine promises never to throw (analyzeSync catches); if the call did, say so for this
        // message, as the pool does for a lost worker, and trust this thread no more.
        const why = error instanceof Error ? error.message : String(error);
        results.push(
          finish({ ...overBudget(), warnings: [`internal-error: ${why}`.slice(0, 200)] }, running),
        );
      } else if (inProgress && running === 0) {
        // The batch's first message began as the watchdog started: it had the whole budget.
        results.push(finish(overBudget(), 0));
      }
      // A later message had only what the ones before it left: it goes to the fallback with a budget of
      // its own (and is answered overBudget() there if it runs over again).
      return this.rest(messages, results, finish);
    } finally {
      this.context['job'] = undefined;
    }
  }

  /** `results` completed by the fallback from the first message without an answer. */
  private async rest<T>(
    messages: readonly Uint8Array[],
    results: T[],
    finish: (analysis: Analysis, index: number) => T,
  ): Promise<T[]> {
    const from = results.length;
    if (from < messages.length) {
      const analyses = await this.fallbackPool().analyzeMany(messages.slice(from));
      results.push(...analyses.map((a, j) => finish(a, from + j)));
    }
    return results;
  }

  private fallbackPool(): Fallback {
    this.fallback ??= this.options.fallback();
    return this.fallback;
  }

  /** Whether an analysis was stopped (the rest of the run went to the fallback). */
  get hasStopped(): boolean {
    return this.stopped;
  }

  async close(): Promise<void> {
    await this.fallback?.close();
  }
}
