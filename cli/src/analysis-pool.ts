// analyze() off the main thread, with a time budget per message (issue 8 §1). Messages go to a worker
// thread in batches: one postMessage per batch, their bytes packed into one buffer that is transferred,
// not copied (a message split from an mbox is a view of the whole file, and cloning a view clones the
// file: 14 MB per batch, 350 MB for a 3,000-message mbox). The worker answers in chunks (every few
// milliseconds of work) and says in shared memory which message it is on and since when, so the main
// thread knows without a message per message. If one message runs over the budget, the worker is
// terminated, that message is answered with overBudget() (kind `other` and a warning), a new worker
// starts, and the rest goes on (messages finished but not yet reported are analysed again).
import { createRequire } from 'node:module';
import type * as WorkerThreadsModule from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';
import { overBudget, type Analysis } from '../../shared/src/index';

type WorkerThreads = typeof WorkerThreadsModule;

/** Worker → main: the analyses of messages `first`, `first + 1`, … of batch `batch`. */
export interface WorkerAnswer {
  batch: number;
  first: number;
  analyses: Analysis[];
}

/**
 * Main → worker: messages to analyse. Message `k` is `bytes[offsets[k], offsets[k + 1])`. The worker
 * writes into `progress` (Int32Array over `progress`: [batch, k]) and `started` (Float64Array: the
 * performance.timeOrigin-based time message k began), `started` first.
 */
export interface WorkerRequest {
  batch: number;
  bytes: ArrayBuffer;
  offsets: number[];
  progress: SharedArrayBuffer;
  started: SharedArrayBuffer;
  /** Send each returned original without its header list (see PoolOptions.printOnly). */
  printOnly: boolean;
}

export const DEFAULT_BUDGET_MS = 5000;

/** In a worker's process.argv: the CLI bundle, started as a worker, serves analyses (main.ts). */
export const ANALYSIS_WORKER_ARG = '--backscatter-guard-analysis-worker';

/**
 * node:worker_threads, loaded when first needed: a scan whose analyses never run over their budget starts
 * no worker, and loading the module (with the ones it loads) was ~0.035 G instructions of every start.
 */
export function workerThreads(): WorkerThreads {
  return createRequire(import.meta.url)('node:worker_threads') as WorkerThreads;
}
/** A new worker that has not begun its batch by then is treated as lost. */
const START_TIMEOUT_MS = 60_000;

export interface PoolOptions {
  /** The worker's module (the CLI bundle itself in production; a test worker in tests). */
  workerUrl: URL;
  budgetMs?: number;
  execArgv?: string[];
  /**
   * The caller only prints the analyses (no verdict to make): the returned original's full header list,
   * which only the verdict reads, stays in the worker. It was 40% of the bytes that cross threads, and
   * copying it ~70 ms of a 3,145-message run on the worker's side (issue 10 §4).
   */
  printOnly?: boolean;
}

interface Running {
  worker: Worker;
  progress: Int32Array;
  started: Float64Array;
}

/** Milliseconds on the clock the worker writes into `started` (shared by all threads of the process). */
export const clock = (): number => performance.timeOrigin + performance.now();

export class AnalysisPool {
  private running: Running | undefined;
  private batchNo = 0;
  private readonly budgetMs: number;

  constructor(private readonly options: PoolOptions) {
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  }

  /** The running worker, started on first need. */
  private start(): Running {
    if (this.running === undefined) {
      const worker = new (workerThreads().Worker)(this.options.workerUrl, {
        execArgv: this.options.execArgv ?? [],
        argv: [ANALYSIS_WORKER_ARG],
      });
      // An idle worker does not keep the process alive; a batch in flight does, through its budget timer.
      worker.unref();
      this.running = {
        worker,
        progress: new Int32Array(new SharedArrayBuffer(8)),
        started: new Float64Array(new SharedArrayBuffer(8)),
      };
    }
    return this.running;
  }

  /**
   * The analyses of `messages`, in order. Never rejects: a lost worker answers like an engine error.
   * Calls made while one runs wait their turn (the caller sends the next batch before printing the last).
   */
  analyzeMany(messages: readonly Uint8Array[]): Promise<Analysis[]> {
    const turn = this.tail.then(() => this.analyzeNow(messages));
    this.tail = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  private tail: Promise<void> = Promise.resolve();

  private async analyzeNow(messages: readonly Uint8Array[]): Promise<Analysis[]> {
    const results: (Analysis | undefined)[] = new Array<Analysis | undefined>(messages.length);
    let todo = messages.map((_, i) => i);
    while (todo.length > 0) {
      await this.run(messages, todo, results);
      todo = todo.filter(i => results[i] === undefined);
    }
    return results as Analysis[];
  }

  /** Sends the messages `todo` names to a worker; resolves when each is answered or one went wrong. */
  private run(
    messages: readonly Uint8Array[],
    todo: readonly number[],
    results: (Analysis | undefined)[],
  ): Promise<void> {
    const running = this.start();
    const { worker, progress, started } = running;
    const batch = ++this.batchNo;
    const offsets = [0];
    for (const i of todo) {
      offsets.push(offsets[offsets.length - 1]! + messages[i]!.length);
    }
    const packed = new Uint8Array(offsets[offsets.length - 1]!);
    todo.forEach((i, k) => packed.set(messages[i]!, offsets[k]!));
    const sent = clock();
    return new Promise(resolve => {
      let answered = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve();
      };
      /** The message the worker is on, and since when (undefined: it has not begun this batch). */
      const current = (): { k: number; since: number } | undefined => {
        const k = Atomics.load(progress, 1);
        const since = started[0] ?? 0;
        // `started` is written before `k`: an unchanged k after reading it means `since` is k's or later.
        if (Atomics.load(progress, 0) !== batch || Atomics.load(progress, 1) !== k) {
          return undefined;
        }
        return { k, since };
      };
      const watch = () => {
        const now = clock();
        const at = current();
        if (at === undefined && now - sent < START_TIMEOUT_MS) {
          arm(Math.min(this.budgetMs, START_TIMEOUT_MS - (now - sent)));
          return;
        }
        if (at !== undefined && now - at.since < this.budgetMs) {
          arm(this.budgetMs - (now - at.since));
          return;
        }
        // Over budget (or a new worker that never took its batch): this message gets `other`; the
        // worker is replaced.
        results[todo[at?.k ?? answered]!] = overBudget();
        this.running = undefined;
        void worker.terminate();
        finish();
      };
      const arm = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(watch, Math.max(1, ms));
      };
      const onMessage = (answer: WorkerAnswer) => {
        if (answer.batch !== batch) {
          return;
        }
        answer.analyses.forEach((a, j) => {
          results[todo[answer.first + j]!] = a;
        });
        answered = answer.first + answer.analyses.length;
        if (answered === todo.length) {
          finish();
        }
      };
      const lost = (why: string) => {
        const at = current();
        const k = at?.k ?? answered;
        results[todo[k]!] = { ...overBudget(), warnings: [`internal-error: analysis worker ${why}`] };
        this.running = undefined;
        void worker.terminate();
        finish();
      };
      const onError = (error: Error) => lost(`failed: ${error.message}`.slice(0, 200));
      const onExit = (code: number) => lost(`exited (${code})`);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      arm(this.budgetMs);
      const request: WorkerRequest = {
        batch,
        bytes: packed.buffer,
        offsets,
        progress: progress.buffer as SharedArrayBuffer,
        started: started.buffer as SharedArrayBuffer,
        printOnly: this.options.printOnly === true,
      };
      worker.postMessage(request, [packed.buffer]);
    });
  }

  async close(): Promise<void> {
    const r = this.running;
    this.running = undefined;
    await r?.worker.terminate();
  }
}
