// analyze() off the background page's thread, with a time budget per message (issue 8 §1): a message
// whose analysis runs over the budget is answered with overBudget() (kind `other` and a warning), the
// worker is terminated and a new one started, and the next message goes on. Without the budget one
// hostile message blocked the whole background page (no banner, no popup, no sweep) at every start.
import { overBudget, type Analysis } from '../../../shared/src/index';

/** The part of a Web Worker this uses, so tests can pass a fake one. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** Worker → background: the analysis of request `id`. */
export interface AnalysisAnswer {
  id: number;
  analysis: Analysis;
}

export const BUDGET_MS = 5000;

interface Job {
  bytes: Uint8Array;
  first: boolean;
  resolve: (analysis: Analysis) => void;
  reject: (error: unknown) => void;
}

export class BudgetedAnalyzer {
  private worker: WorkerLike | undefined;
  private nextId = 0;
  private readonly waiting: Job[] = [];
  private busy = false;

  /**
   * `fallback` analyses in this thread when no worker can be started or the worker fails to load
   * (then there is no budget, but the extension still works).
   */
  constructor(
    private readonly makeWorker: () => WorkerLike,
    private readonly fallback: (bytes: Uint8Array) => Promise<Analysis>,
    private readonly budgetMs = BUDGET_MS,
  ) {}

  /**
   * One message at a time through the worker. A shown message's (`first`) goes before every
   * background message still waiting, after the shown ones already waiting: a sweep keeps several
   * analyses queued, and the banner must not wait for them (foreground.ts).
   */
  analyze = (bytes: Uint8Array, first = false): Promise<Analysis> =>
    new Promise((resolve, reject) => {
      const job = { bytes, first, resolve, reject };
      const at = first ? this.waiting.findIndex(waiting => !waiting.first) : -1;
      this.waiting.splice(at === -1 ? this.waiting.length : at, 0, job);
      this.pump();
    });

  private pump(): void {
    const job = this.busy ? undefined : this.waiting.shift();
    if (!job) {
      return;
    }
    this.busy = true;
    new Promise<Analysis>(resolve => resolve(this.runOne(job.bytes)))
      .then(job.resolve, job.reject)
      .finally(() => {
        this.busy = false;
        this.pump();
      });
  }

  private runOne(bytes: Uint8Array): Promise<Analysis> {
    let worker: WorkerLike;
    try {
      worker = this.worker ??= this.makeWorker();
    } catch {
      return this.fallback(bytes);
    }
    const id = ++this.nextId;
    return new Promise(resolve => {
      const settle = (analysis: Analysis | Promise<Analysis>) => {
        clearTimeout(timer);
        worker.onmessage = null;
        worker.onerror = null;
        resolve(analysis);
      };
      const timer = setTimeout(() => {
        worker.terminate();
        this.worker = undefined;
        settle(overBudget());
      }, this.budgetMs);
      worker.onmessage = event => {
        const answer = event.data as AnalysisAnswer;
        if (answer.id === id) {
          settle(answer.analysis);
        }
      };
      worker.onerror = () => {
        worker.terminate();
        this.worker = undefined;
        settle(this.fallback(bytes));
      };
      worker.postMessage({ id, bytes });
    });
  }
}
