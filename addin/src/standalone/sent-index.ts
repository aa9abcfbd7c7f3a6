// The standalone analyzer's stand-in for Sent Items: the user's own sent mail, given as .mbox or .eml
// files (the CLI's --sent, in the browser). It answers the Message-ID lookups and teaches the profile.
import {
  learnProfileFromSummaries,
  looksLikeMbox,
  splitMbox,
  summarizeHeaders,
  type LookupRequest,
  type Lookups,
  type OriginalMessage,
  type Profile,
} from '../../../shared/src/index';

export interface SentIndex {
  summaries: OriginalMessage[];
  /** Message-IDs lower-cased: some gateways change the case of the right-hand side. */
  ids: ReadonlySet<string>;
}

/** Reads sent mail files: each one an mbox (mboxo/mboxrd) or a single message. */
export function indexSent(files: readonly Uint8Array[]): SentIndex {
  const summaries: OriginalMessage[] = [];
  for (const bytes of files) {
    for (const message of looksLikeMbox(bytes) ? splitMbox(bytes) : [bytes]) {
      summaries.push(summarizeHeaders(message));
    }
  }
  const ids = new Set(
    summaries.map(s => s.messageId?.toLowerCase()).filter((id): id is string => id !== undefined),
  );
  return { summaries, ids };
}

/** An empty Sent folder proves nothing: without messages every id stays `unavailable`. */
export function sentLookup(index: SentIndex): (requests: readonly LookupRequest[]) => Promise<Lookups> {
  return async requests => {
    const out: Record<string, 'found' | 'not-found' | 'unavailable'> = {};
    for (const { messageId } of requests) {
      out[messageId] =
        index.summaries.length === 0
          ? 'unavailable'
          : index.ids.has(messageId.toLowerCase())
            ? 'found'
            : 'not-found';
    }
    return out;
  };
}

export function sentProfile(index: SentIndex, addresses: readonly string[]): Profile {
  return learnProfileFromSummaries(index.summaries, addresses);
}
