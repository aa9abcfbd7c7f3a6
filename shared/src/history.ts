// What a backscatter wave is made of (History, types.ts), in one place for every shell: which
// automated messages count, which domains each is about, and the count over a window. The shells only
// say when each message arrived; this is the rule they all apply.
import type { Analysis, History, MessageKind } from './types';

/** The window shells count automated mail in, before each message. */
export const HISTORY_WINDOW_HOURS = 24;

// The kinds a wave consists of; receipts, read receipts and feedback reports are the user's own
// correspondence or a provider's, not the flood a forger causes.
const WAVE_KINDS: ReadonlySet<MessageKind> = new Set([
  'ndr',
  'delay',
  'auto-reply',
  'challenge',
  'virus-notice',
]);

/** Does a message of this kind count toward a wave (and get a History)? */
export function countsInWave(kind: MessageKind): boolean {
  return WAVE_KINDS.has(kind);
}

/**
 * The domains an automated message counts toward a wave with — its failed recipients', or for a reply
 * or challenge that names no recipient, the replier's — or undefined when its kind does not count.
 */
export function waveDomains(analysis: Analysis): string[] | undefined {
  if (!countsInWave(analysis.kind)) {
    return undefined;
  }
  const addresses =
    analysis.recipients.length > 0
      ? analysis.recipients.map(r => r.address)
      : analysis.from
        ? [analysis.from.address]
        : [];
  return [
    ...new Set(addresses.map(x => x.slice(x.lastIndexOf('@') + 1).toLowerCase()).filter(d => d !== '')),
  ];
}

export interface WaveEntry {
  /** When the message arrived, in ms since the epoch. */
  at: number;
  domains: readonly string[];
}

/** History at `at`: the entries that arrived in the window up to and including `at`. */
export function historyAt(
  entries: Iterable<WaveEntry>,
  at: number,
  windowHours = HISTORY_WINDOW_HOURS,
): History {
  const from = at - windowHours * 3_600_000;
  let automated = 0;
  const domains = new Set<string>();
  for (const entry of entries) {
    if (entry.at < from || entry.at > at) {
      continue;
    }
    automated++;
    for (const d of entry.domains) {
      domains.add(d);
    }
  }
  return { automatedInWindow: automated, distinctRecipientDomains: domains.size, windowHours };
}
