// Measuring helpers for the bench: timing, percentiles, garbage collection, and peak RSS sampled from a
// worker thread (a synchronous parse never yields to a timer on the main thread; RSS is process-wide, so
// another thread can watch it).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';

setFlagsFromString('--expose-gc');
const gcFn = runInNewContext('gc') as (() => void) | undefined;

/** Full collection, twice (the second frees what finalizers released). */
export function collect(): void {
  gcFn?.();
  gcFn?.();
}

export const now = (): number => performance.now();

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

const SAMPLER = `
const { workerData } = require('node:worker_threads');
const view = new Float64Array(workerData.buffer);
const flag = new Int32Array(workerData.flag);
while (Atomics.load(flag, 0) === 0) {
  const rss = process.memoryUsage.rss();
  if (rss > view[0]) view[0] = rss;
  Atomics.wait(flag, 0, 0, 1);
}
`;

/** Samples process RSS every ~1 ms until stopped; `peak()` is the highest value seen. */
export class RssSampler {
  private readonly buffer = new SharedArrayBuffer(8);
  private readonly flag = new SharedArrayBuffer(4);
  private readonly worker: Worker;

  constructor() {
    this.worker = new Worker(SAMPLER, { eval: true, workerData: { buffer: this.buffer, flag: this.flag } });
  }

  /** Forget the peak: the next reading starts from the current RSS. */
  reset(): void {
    new Float64Array(this.buffer)[0] = process.memoryUsage.rss();
  }

  peak(): number {
    return new Float64Array(this.buffer)[0] ?? 0;
  }

  async stop(): Promise<void> {
    Atomics.store(new Int32Array(this.flag), 0, 1);
    Atomics.notify(new Int32Array(this.flag), 0);
    await this.worker.terminate();
  }
}

/** Lets the sampler thread take a reading (it runs in parallel; this only gives it a moment). */
export const settle = (ms = 5): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));

export const MB = 1024 * 1024;
