// The Inbox sweep: the only way to reach standard NDRs, which Exchange files as REPORT.IPM.Note.NDR
// and Outlook never opens add-ins on ([MS-OXCMAIL] §2.2.3.7.1.1; office-js#6764). Cheap first
// (list the Inbox with a few fields and the message class), then the MIME of candidates only.
import type { Analysis, History } from '../../../shared/src/index';
import {
  displayText,
  HISTORY_WINDOW_HOURS,
  historyAt as engineHistoryAt,
  waveDomains,
  worthReading,
  type WaveEntry,
} from '../../../shared/src/index';
import type { Assessment, AssessFn } from '../verdict/assess';
import type { GraphClient } from './client';

/** PidTagMessageClass as a Graph single-value extended property id. */
export const MESSAGE_CLASS_PROPERTY = 'String 0x001A';

export interface GraphMessageSummary {
  id: string;
  subject?: string | null;
  receivedDateTime?: string;
  internetMessageId?: string;
  from?: { emailAddress?: { name?: string; address?: string } } | null;
  singleValueExtendedProperties?: Array<{ id: string; value: string }>;
}

export interface SweepItem {
  id: string;
  subject: string;
  from: string;
  received: string | undefined;
  messageClass: string | undefined;
  assessment: Assessment | undefined;
  error: string | undefined;
}

export interface SweepProgress {
  phase: 'listing' | 'checking' | 'done';
  listed: number;
  candidates: number;
  checked: number;
}

export interface SweepOptions {
  days: number;
  now?: Date;
  signal?: AbortSignal;
  onProgress?: (progress: SweepProgress) => void;
  /** Stops listing after this many Inbox messages (a guard for huge mailboxes; default MAX_LISTED). */
  maxListed?: number;
  /** Reads at most this much of each candidate's MIME (default MAX_MIME_BYTES). */
  maxBytes?: number;
}

/** Listing cap: a sweep of the last N days never walks more of the Inbox than this. */
export const MAX_LISTED = 20_000;
/** The engine reads 2 MB of a message (shared/src/limits.ts); a little more keeps the cut its own. */
export const MAX_MIME_BYTES = 2 * 1024 * 1024 + 64 * 1024;

/**
 * The cheap pre-filter: the message class Exchange gave it (every IPM.Report.* is a report), then the
 * engine's own gate on the sender and subject Graph lists — the same test analyze() starts with — and
 * its hints for automated mail whose list fields say so only indirectly (no sender address, a report
 * sender, an auto-reply's wording; shared/src/screen.ts, the same rules as the Thunderbird sweep). A
 * hint costs one download; the engine still decides.
 */
export function looksAutomated(message: GraphMessageSummary): boolean {
  const messageClass = messageClassOf(message);
  if (messageClass && /^report\./i.test(messageClass)) {
    return true;
  }
  const fields = {
    fromAddress: message.from?.emailAddress?.address,
    fromName: message.from?.emailAddress?.name,
    subject: message.subject ?? undefined,
  };
  return worthReading(fields);
}

/** "String 0x001A" and "String 0x1a" (Graph answers with the short form) name the same property. */
function sameProperty(a: string, b: string): boolean {
  const norm = (id: string) => {
    const m = /^(\w+)\s+0x([0-9a-f]+)$/i.exec(id.trim());
    return m ? `${m[1]!.toLowerCase()} ${parseInt(m[2]!, 16)}` : id.trim().toLowerCase();
  };
  return norm(a) === norm(b);
}

export function messageClassOf(message: GraphMessageSummary): string | undefined {
  return message.singleValueExtendedProperties?.find(p => sameProperty(p.id, MESSAGE_CLASS_PROPERTY))?.value;
}

export function inboxQuery(days: number, now: Date): string {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const params = new URLSearchParams({
    $select: 'id,subject,from,receivedDateTime,internetMessageId',
    $filter: `receivedDateTime ge ${since}`,
    $expand: `singleValueExtendedProperties($filter=id eq '${MESSAGE_CLASS_PROPERTY}')`,
    $top: '100',
  });
  return `/me/mailFolders/inbox/messages?${params.toString()}`;
}

/** Sent Items lookups (ids and by-recipient windows) live in sent-lookup.ts. */
export { sentItemsLookup } from './sent-lookup';

function summaryToItem(message: GraphMessageSummary): SweepItem {
  const from = message.from?.emailAddress;
  // The listing's subject and sender come from the message: made safe to show by the engine's rule.
  return {
    id: message.id,
    subject: displayText(message.subject ?? ''),
    from: displayText(from?.address ?? from?.name ?? ''),
    received: message.receivedDateTime,
    messageClass: messageClassOf(message),
    assessment: undefined,
    error: undefined,
  };
}

/** The window the sweep counts automated mail in, before each message (the engine's). */
export { HISTORY_WINDOW_HOURS };

/**
 * History for the message at `index`: the automated messages received in the window before it (itself
 * included), counted by the engine's rule (`waveDomains`, `historyAt`); the sweep only supplies when
 * each message arrived.
 */
export function historyAt(
  index: number,
  entries: ReadonlyArray<{ received: string | undefined; analysis: Analysis | undefined }>,
): History {
  const at = Date.parse(entries[index]?.received ?? '');
  const wave: WaveEntry[] = [];
  for (const entry of entries) {
    const time = Date.parse(entry.received ?? '');
    const domains = entry.analysis ? waveDomains(entry.analysis) : undefined;
    if (domains !== undefined && !Number.isNaN(time)) {
      wave.push({ at: time, domains });
    }
  }
  return Number.isNaN(at) ? engineHistoryAt([], 0) : engineHistoryAt(wave, at);
}

export async function sweepInbox(
  client: GraphClient,
  assess: AssessFn,
  options: SweepOptions,
): Promise<SweepItem[]> {
  const progress: SweepProgress = { phase: 'listing', listed: 0, candidates: 0, checked: 0 };
  const report = () => options.onProgress?.({ ...progress });
  const items: SweepItem[] = [];
  report();
  for await (const page of client.pages<GraphMessageSummary>(
    inboxQuery(options.days, options.now ?? new Date()),
    options.signal,
  )) {
    options.signal?.throwIfAborted();
    for (const message of page) {
      progress.listed += 1;
      if (looksAutomated(message)) {
        items.push(summaryToItem(message));
      }
    }
    progress.candidates = items.length;
    report();
    if (progress.listed >= (options.maxListed ?? MAX_LISTED)) {
      break;
    }
  }
  progress.phase = 'checking';
  report();
  // Only the analyses are kept: each candidate's bytes are dropped as soon as it is analysed (40
  // candidates of 5 MB each once stayed in memory until the end).
  for (const item of items) {
    options.signal?.throwIfAborted();
    try {
      const mime = await client.mime(item.id, options.signal, options.maxBytes ?? MAX_MIME_BYTES);
      item.assessment = await assess(mime);
    } catch (error) {
      if (options.signal?.aborted) {
        throw error;
      }
      item.error = error instanceof Error ? error.message : String(error);
    }
    progress.checked += 1;
    report();
  }
  // Second pass, offline (Sent lookups are cached): decide again with what the sweep saw around each
  // message, so a wave of bounces tips weak cases toward backscatter.
  const entries = items.map(item => ({ received: item.received, analysis: item.assessment?.analysis }));
  for (const [index, item] of items.entries()) {
    const history = historyAt(index, entries);
    if (item.assessment && assess.again && history.automatedInWindow > 1) {
      item.assessment = await assess.again(item.assessment.analysis, history);
    }
  }
  progress.phase = 'done';
  report();
  return items;
}

/** Only backscatter is selected for the user; anything else moves only if they tick it. */
export function defaultSelection(items: readonly SweepItem[]): Set<string> {
  return new Set(
    items.filter(item => item.assessment?.decision?.verdict === 'backscatter').map(item => item.id),
  );
}
