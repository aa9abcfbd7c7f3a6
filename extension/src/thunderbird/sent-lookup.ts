// Answers the engine's LookupRequests from the Sent folders of every account.
//
// An id counts as `found` if any searchable Sent folder of any account holds it (people send from
// one account and receive the bounce in another). A miss is `not-found` only when every Sent folder
// that should hold the original exists and is searchable: the receiving account's (or, if it has
// none, every account's), and that of any account the original claims to be from — a bounce that
// lands in one account about mail sent from another must not read an unsynced Sent folder of the
// sender's account as "not sent" (issue 8 §5). Otherwise `unavailable`, which the verdict treats as
// "could not check".
//
// A notice without an id (a `by-recipient` request) is answered from the Sent messages dated in its
// window (messages.query fromDate/toDate, in every version from 128 on), judged by the engine's own
// rule on their To/Cc/Bcc and subject. The recipients are compared here rather than with the query's
// `recipients` field so Cc and Bcc count too, and the same rule holds as in the CLI and Outlook; a
// window older than every Sent message is not covered (`unavailable`).
import {
  foundAnswer,
  judgeByRecipient,
  lookupKey,
  lookupWindow,
  type Analysis,
  type LookupAnswer,
  type LookupRequest,
  type LookupResult,
  type Lookups,
  type RecipientLookup,
  type SentCandidate,
} from '../../../shared/src/index';
import type { MessageHeader, MessageList, Messenger } from './api';
import type { SentFolder } from './sent-folders';

/** Headers read per window at most: a window holding more can still say `found`, never `not-found`. */
const MAX_WINDOW_MESSAGES = 2000;

/** The Sent copy holding this id, if any. */
async function copyOf(
  api: Messenger,
  messageId: string,
  folderIds: string[],
): Promise<MessageHeader | undefined> {
  // The id is looked up without angle brackets: that is how Thunderbird stores headerMessageId.
  let page: MessageList = await api.messages.query({ headerMessageId: messageId, folderId: folderIds });
  while (page.messages.length === 0 && page.id) {
    page = await api.messages.continueList(page.id);
  }
  return page.messages[0];
}

/** A header's date as ISO 8601, or undefined (the reply veto needs a readable one: issue 8 §6). */
function isoDate(header: MessageHeader): string | undefined {
  const time = new Date(header.date).getTime();
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

/** "Name <a@b>" or "a@b" → a@b. */
function addressOf(value: string): string {
  const open = value.lastIndexOf('<');
  const close = open === -1 ? -1 : value.indexOf('>', open);
  return (close === -1 ? value : value.slice(open + 1, close)).trim();
}

function candidate(header: MessageHeader): SentCandidate {
  const time = new Date(header.date).getTime();
  return {
    recipients: [...(header.recipients ?? []), ...(header.ccList ?? []), ...(header.bccList ?? [])].map(
      addressOf,
    ),
    subject: header.subject,
    time: Number.isFinite(time) ? time : undefined,
  };
}

async function byRecipient(
  api: Messenger,
  request: RecipientLookup,
  folderIds: string[],
): Promise<LookupResult> {
  const window = lookupWindow(request);
  if (window === undefined) {
    return 'unavailable';
  }
  const candidates: SentCandidate[] = [];
  let page: MessageList = await api.messages.query({
    folderId: folderIds,
    fromDate: new Date(window.from),
    toDate: new Date(window.to),
  });
  for (;;) {
    candidates.push(...page.messages.map(candidate));
    if (!page.id || candidates.length >= MAX_WINDOW_MESSAGES) {
      break;
    }
    page = await api.messages.continueList(page.id);
  }
  const result = judgeByRecipient(request, candidates);
  if (page.id && result !== 'found') {
    return 'unavailable';
  }
  // "Nothing to them then" needs the Sent folders to reach back that far (as the engine's index checks
  // against its oldest message): one message dated before the window is enough.
  return result === 'not-found' && !(await anyBefore(api, folderIds, window.from)) ? 'unavailable' : result;
}

async function anyBefore(api: Messenger, folderIds: string[], time: number): Promise<boolean> {
  let page: MessageList = await api.messages.query({
    folderId: folderIds,
    toDate: new Date(time),
    messagesPerPage: 1,
  });
  while (page.messages.length === 0 && page.id) {
    page = await api.messages.continueList(page.id);
  }
  return page.messages.length > 0;
}

/** The addresses the bounced original claims to be from (or, with no original, the notice went to). */
export function sendersOf(analysis: Pick<Analysis, 'original' | 'to'>): string[] {
  const from = analysis.original?.from ?? [];
  return (from.length > 0 ? from : analysis.to).map(m => m.address.toLowerCase());
}

export function coverage(
  sent: readonly SentFolder[],
  accountId: string | undefined,
  senders: readonly string[] = [],
): 'complete' | 'partial' {
  const own = sent.filter(folder => folder.accountId === accountId);
  const sendersAccounts = sent.filter(folder => folder.identities.some(address => senders.includes(address)));
  const relevant = own.length > 0 ? [...own, ...sendersAccounts] : sent;
  return relevant.length > 0 && relevant.every(folder => folder.searchable) ? 'complete' : 'partial';
}

export async function lookUpInSent(
  api: Messenger,
  requests: readonly LookupRequest[],
  sent: readonly SentFolder[],
  receivingAccountId: string | undefined,
  senders: readonly string[] = [],
): Promise<Lookups> {
  const searchable = sent.filter(folder => folder.searchable).map(folder => folder.id);
  const complete = coverage(sent, receivingAccountId, senders) === 'complete';
  const entries = await Promise.all(
    requests.map(async (request): Promise<[string, LookupAnswer]> => {
      const key = lookupKey(request);
      if (searchable.length === 0) {
        return [key, 'unavailable'];
      }
      try {
        if (request.kind !== 'by-recipient') {
          const copy = await copyOf(api, request.messageId.replace(/^<|>$/g, ''), searchable);
          if (copy !== undefined) {
            return [key, foundAnswer(request, { date: isoDate(copy), subject: copy.subject })];
          }
        }
        const result =
          request.kind === 'by-recipient' ? await byRecipient(api, request, searchable) : 'not-found';
        return [key, result === 'not-found' && !complete ? 'unavailable' : result];
      } catch {
        return [key, 'unavailable'];
      }
    }),
  );
  return Object.fromEntries(entries);
}
