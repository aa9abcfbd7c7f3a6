// The standalone analyzer's stand-in for Sent Items: the user's own sent mail, given as .mbox or .eml
// files (the CLI's --sent, in the browser). The engine's SentIndex answers the lookups — Message-IDs,
// and for notices without one, messages to the failed recipient around its date — and the same
// summaries teach the profile.
import {
  SentIndex,
  learnProfileFromSummaries,
  looksLikeMbox,
  splitMbox,
  summarizeHeaders,
  type LookupRequest,
  type Lookups,
  type OriginalMessage,
  type Profile,
} from '../../../shared/src/index';

export type { SentIndex };

/** Reads sent mail files: each one an mbox (mboxo/mboxrd) or a single message. */
export function indexSent(files: readonly Uint8Array[]): SentIndex {
  const summaries: OriginalMessage[] = [];
  for (const bytes of files) {
    for (const message of looksLikeMbox(bytes) ? splitMbox(bytes) : [bytes]) {
      summaries.push(summarizeHeaders(message));
    }
  }
  return new SentIndex(summaries);
}

/** An empty Sent file proves nothing: the index then answers every lookup `unavailable`. */
export function sentLookup(index: SentIndex): (requests: readonly LookupRequest[]) => Promise<Lookups> {
  return async requests => index.answer(requests);
}

export function sentProfile(index: SentIndex, addresses: readonly string[]): Profile {
  return learnProfileFromSummaries(index.summaries, addresses);
}
