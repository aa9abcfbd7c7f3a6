// The real engine behind the Engine port: analyze() and summarizeHeaders() from shared/src, and
// the verdict module (decide, learnProfileFromSummaries). This is the only file of the extension
// that binds to the engine's functions; everything else sees the Engine interface.
import {
  analyze,
  decide,
  learnFromConfirmed,
  learnProfileFromSummaries,
  summarizeHeaders,
  withConfirmed,
} from '../../../shared/src/index';
import type { Engine } from './engine';

export const sharedEngine: Engine = {
  analyze,
  summarizeHeaders,
  verdict: {
    decide,
    learnProfile: ({ addresses, sent, trustedRelays, confirmed }) =>
      withConfirmed(learnProfileFromSummaries(sent, addresses, { relays: trustedRelays }), confirmed),
    learnFromConfirmed,
  },
};
