// The worker side of analysis-pool.ts: before each message it writes which one it is on, and since when,
// into shared memory (the pool's budget watch reads it), and it answers in chunks: every FLUSH_MS of
// work and at the end of a batch, so a batch of small messages costs a few messages, not one each. The
// analyse function is a parameter so a test worker can serve a deliberately slow one through the same
// loop.
import type { MessagePort } from 'node:worker_threads';
import type { Analysis } from '../../shared/src/index';
import { clock, type WorkerAnswer, type WorkerRequest } from './analysis-pool';

const FLUSH_MS = 20;

export function serveAnalysis(port: MessagePort, analyze: (bytes: Uint8Array) => Promise<Analysis>): void {
  const serve = async (request: WorkerRequest): Promise<void> => {
    const progress = new Int32Array(request.progress);
    const started = new Float64Array(request.started);
    const bytes = new Uint8Array(request.bytes);
    const count = request.offsets.length - 1;
    let first = 0;
    let analyses: Analysis[] = [];
    let flushed = clock();
    for (let k = 0; k < count; k++) {
      const now = clock();
      if (analyses.length > 0 && now - flushed >= FLUSH_MS) {
        const answer: WorkerAnswer = { batch: request.batch, first, analyses };
        port.postMessage(answer);
        first = k;
        analyses = [];
        flushed = now;
      }
      // `started` before k and batch: a reader that sees this k sees its start time (or a later one).
      started[0] = now;
      Atomics.store(progress, 1, k);
      Atomics.store(progress, 0, request.batch);
      const analysis = await analyze(bytes.subarray(request.offsets[k], request.offsets[k + 1]));
      if (request.printOnly && analysis.original !== undefined) {
        // A fresh result of this call: emptied here, not shared with anything.
        analysis.original.headers = [];
      }
      analyses.push(analysis);
    }
    const answer: WorkerAnswer = { batch: request.batch, first, analyses };
    port.postMessage(answer);
  };
  // One batch at a time, in the order they came.
  let queue = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    queue = queue.then(() => serve(request));
  });
}
