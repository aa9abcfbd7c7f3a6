// A test worker for analysis-pool.test.ts: the production serve loop with an analyse function that
// stalls (a synchronous endless loop, as a backtracking regex would) on messages containing "STALL", and
// takes 700 ms (blocking, as a slow parse would) on messages containing "SLOW".
import { parentPort } from 'node:worker_threads';
import { analyze } from '../../shared/src/index';
import { serveAnalysis } from '../src/analysis-worker';

serveAnalysis(parentPort!, bytes => {
  const text = new TextDecoder('latin1').decode(bytes);
  if (text.includes('SLOW')) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 700);
  }
  if (text.includes('STALL')) {
    for (;;) {
      // never returns
    }
  }
  return analyze(bytes);
});
