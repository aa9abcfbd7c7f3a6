// analyze() with a time budget (issue 8 §1): the pane runs the engine in a Web Worker, so a message
// that takes too long cannot freeze the pane. A message over budget gets kind `other` with the warning
// `time-limit`, the worker is ended and a fresh one serves the next message: the pane goes on.
// Where Workers are missing (the Report handler's JavaScript-only runtime, unit tests), the engine runs
// in place, as before.
import type { Analysis } from '../../../shared/src/index';
import type { EnginePort } from './assess';

/** The engine's bench reads a message in about a millisecond; three seconds is far beyond any real one. */
export const ANALYZE_BUDGET_MS = 3000;

/** What a message over budget gets: the engine's own empty answer, kind `other`, and the warning. */
export function overBudget(blank: Analysis): Analysis {
  return { ...blank, kind: 'other', warnings: ['time-limit'] };
}

interface Pending {
  resolve: (analysis: Analysis) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Minimal Worker shape (a seam for tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export function budgetedAnalyze(
  makeWorker: () => WorkerLike,
  blank: () => Promise<Analysis>,
  budgetMs = ANALYZE_BUDGET_MS,
): (bytes: Uint8Array) => Promise<Analysis> {
  let worker: WorkerLike | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const reset = () => {
    worker?.terminate();
    worker = undefined;
    // Everything that was queued behind the stuck message is answered as over budget too: its worker
    // is gone. (The pane analyses one message at a time, the sweep one after the other.)
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer);
      void blank().then(empty => entry.resolve(overBudget(empty)));
      pending.delete(id);
    }
  };
  const current = (): WorkerLike => {
    if (!worker) {
      const created = makeWorker();
      created.onmessage = (event: MessageEvent) => {
        const { id, analysis } = event.data as { id: number; analysis: Analysis };
        const entry = pending.get(id);
        if (entry) {
          clearTimeout(entry.timer);
          pending.delete(id);
          entry.resolve(analysis);
        }
      };
      created.onerror = () => reset();
      worker = created;
    }
    return worker;
  };
  return bytes =>
    new Promise<Analysis>(resolve => {
      const id = nextId++;
      const timer = setTimeout(() => {
        if (pending.has(id)) {
          reset();
        }
      }, budgetMs);
      pending.set(id, { resolve, timer });
      current().postMessage({ id, bytes });
    });
}

/** The pane's engine: analyze() in a worker with a budget, decide() in place (microseconds). */
export function workerEngine(base: EnginePort): EnginePort {
  if (typeof Worker === 'undefined') {
    return base;
  }
  const analyze = budgetedAnalyze(
    () =>
      new Worker(new URL('./analyze.worker.ts', import.meta.url), {
        type: 'module',
      }) as unknown as WorkerLike,
    // The engine's answer to no bytes at all (instant): the shape of an Analysis that found nothing.
    () => base.analyze(new Uint8Array(0)),
  );
  return base.decide ? { analyze, decide: base.decide } : { analyze };
}
