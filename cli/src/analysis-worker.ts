// The worker side of analysis-pool.ts: answers each message of a batch as soon as it is analysed, so
// the pool can tell which message ran over the budget. The analyse function is a parameter so a test
// worker can serve a deliberately slow one through the same loop.
import type { MessagePort } from 'node:worker_threads';
import type { Analysis } from '../../shared/src/index';
import type { WorkerAnswer, WorkerRequest } from './analysis-pool';

export function serveAnalysis(port: MessagePort, analyze: (bytes: Uint8Array) => Promise<Analysis>): void {
  const serve = async (request: WorkerRequest): Promise<void> => {
    const received: WorkerAnswer = { batch: request.batch, received: true };
    port.postMessage(received);
    for (const [i, bytes] of request.messages.entries()) {
      const answer: WorkerAnswer = {
        batch: request.batch,
        index: request.first + i,
        analysis: await analyze(bytes),
      };
      port.postMessage(answer);
    }
  };
  port.on('message', (request: WorkerRequest) => void serve(request));
}
