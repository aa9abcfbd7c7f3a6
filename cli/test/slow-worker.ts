// A test worker for analysis-pool.test.ts: the production serve loop with an analyse function that
// stalls (a synchronous endless loop, as a backtracking regex would) on messages containing "STALL".
import { parentPort } from 'node:worker_threads';
import { analyze } from '../../shared/src/index';
import { serveAnalysis } from '../src/analysis-worker';

serveAnalysis(parentPort!, bytes => {
  if (new TextDecoder('latin1').decode(bytes).includes('STALL')) {
    for (;;) {
      // never returns
    }
  }
  return analyze(bytes);
});
