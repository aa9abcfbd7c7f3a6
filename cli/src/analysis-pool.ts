// analyze() off the main thread, with a time budget per message (issue 8 §1). Messages go to a worker
// thread in batches (one postMessage per batch, so messaging costs little next to the analysis); the
// worker answers each message as it finishes. If one message runs over the budget, the worker is
// terminated, that message is answered with overBudget() (kind `other` and a warning), a new worker
// starts, and the rest of the batch goes on.
import { Worker } from 'node:worker_threads';
import { overBudget, type Analysis } from '../../shared/src/index';

/** Worker → main: the analysis of message `index` of batch `batch`. */
export type WorkerAnswer =
  | { batch: number; index: number; analysis: Analysis }
  /** The batch arrived: the budget of its first message starts now, not while a new worker loads. */
  | { batch: number; received: true };

/** Main → worker: messages to analyse, numbered from `first` within batch `batch`. */
export interface WorkerRequest {
  batch: number;
  first: number;
  messages: Uint8Array[];
}

export const DEFAULT_BUDGET_MS = 5000;
/** A new worker that has not taken its batch by then is treated as lost. */
const START_TIMEOUT_MS = 60_000;

export interface PoolOptions {
  /** The worker's module (the CLI bundle itself in production; a test worker in tests). */
  workerUrl: URL;
  budgetMs?: number;
  execArgv?: string[];
}

export class AnalysisPool {
  private worker: Worker | undefined;
  private batchNo = 0;
  private readonly budgetMs: number;

  constructor(private readonly options: PoolOptions) {
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  }

  private start(): Worker {
    if (this.worker === undefined) {
      this.worker = new Worker(this.options.workerUrl, { execArgv: this.options.execArgv ?? [] });
      // An idle worker does not keep the process alive; a batch in flight does, through its budget timer.
      this.worker.unref();
    }
    return this.worker;
  }

  /** The analyses of `messages`, in order. Never rejects: a lost worker answers like an engine error. */
  async analyzeMany(messages: readonly Uint8Array[]): Promise<Analysis[]> {
    const results: Analysis[] = new Array<Analysis>(messages.length);
    let next = 0;
    while (next < messages.length) {
      next = await this.runFrom(messages, next, results);
    }
    return results;
  }

  /** Sends messages[from…] to a worker; resolves with the index to go on from. */
  private runFrom(messages: readonly Uint8Array[], from: number, results: Analysis[]): Promise<number> {
    const worker = this.start();
    const batch = ++this.batchNo;
    return new Promise(resolve => {
      let done = from;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (nextIndex: number) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(nextIndex);
      };
      const arm = (ms = this.budgetMs) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          // Over budget: this message gets `other`; the worker (stuck in it) is replaced.
          results[done] = overBudget();
          this.worker = undefined;
          void worker.terminate();
          finish(done + 1);
        }, ms);
      };
      const onMessage = (answer: WorkerAnswer) => {
        if (answer.batch !== batch) {
          return;
        }
        if ('received' in answer) {
          arm();
          return;
        }
        results[answer.index] = answer.analysis;
        done = answer.index + 1;
        if (done === messages.length) {
          finish(done);
        } else {
          arm();
        }
      };
      const lost = (why: string) => {
        results[done] = { ...overBudget(), warnings: [`internal-error: analysis worker ${why}`] };
        this.worker = undefined;
        finish(done + 1);
      };
      const onError = (error: Error) => lost(`failed: ${error.message}`.slice(0, 200));
      const onExit = (code: number) => lost(`exited (${code})`);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      arm(START_TIMEOUT_MS);
      const request: WorkerRequest = { batch, first: from, messages: messages.slice(from) };
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }
}
