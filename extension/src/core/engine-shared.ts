// The real engine behind the Engine port: analyze() and summarizeHeaders() from shared/src, and
// the verdict module (decide, learnProfileFromSummaries). This is the only file of the extension
// that binds to the engine's functions; everything else sees the Engine interface.
// analyze() runs in a Web Worker (analysisWorker.js) with a time budget per message (engine-budget.ts).
import {
  analyze,
  decide,
  learnFromConfirmed,
  learnProfileFromSummaries,
  summarizeHeaders,
  withConfirmed,
} from '../../../shared/src/index';
import type { Engine } from './engine';
import { BudgetedAnalyzer, type WorkerLike } from './engine-budget';

const budgeted = new BudgetedAnalyzer(
  () => new Worker(browser.runtime.getURL('analysisWorker.js')) as unknown as WorkerLike,
  analyze,
);

export const sharedEngine: Engine = {
  analyze: budgeted.analyze,
  summarizeHeaders,
  verdict: {
    decide,
    learnProfile: ({ addresses, sent, trustedRelays, confirmed }) =>
      withConfirmed(learnProfileFromSummaries(sent, addresses, { relays: trustedRelays }), confirmed),
    learnFromConfirmed,
  },
};
