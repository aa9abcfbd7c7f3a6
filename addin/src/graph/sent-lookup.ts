// Sent Items through Microsoft Graph, answering the engine's lookups.
//
// - Ids: `internetMessageId eq '<id>'` (Graph keeps the angle brackets; the engine's ids have none).
// - By recipient (a notice without an id): the messages sent in the request's window
//   (`$filter` on sentDateTime), matched here by the engine's judgeByRecipient. Graph's `$search` can
//   find a recipient, but a message search takes no `$filter` or `$orderby`, so it cannot be held to a
//   window: the window is filtered and the recipients compared locally. A window holding more than
//   MAX_WINDOW_PAGES pages can still say `found`, never `not-found`.
// - An empty Sent Items folder (totalItemCount 0: nothing saved, or a mailbox that keeps sent mail
//   elsewhere) proves nothing: every answer is `unavailable`, as in Thunderbird and the CLI. A window that
//   starts before the oldest message there is not covered either.
import {
  foundAnswer,
  judgeByRecipient,
  lookupKey,
  lookupWindow,
  type LookupAnswer,
  type LookupRequest,
  type LookupResult,
  type Lookups,
  type RecipientLookup,
  type SentCandidate,
} from '../../../shared/src/index';
import type { GraphClient } from './client';

const MAX_WINDOW_PAGES = 10;
const PAGE_SIZE = 100;

interface Recipient {
  emailAddress?: { address?: string | null } | null;
}

interface SentItem {
  subject?: string | null;
  sentDateTime?: string | null;
  toRecipients?: Recipient[] | null;
  ccRecipients?: Recipient[] | null;
  bccRecipients?: Recipient[] | null;
}

interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/** OData string literal: single quotes doubled (OData ABNF, SQUOTE-in-string). */
const odataString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** OData DateTimeOffset literal, whole seconds. */
const odataDate = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const SENT = '/me/mailFolders/sentitems';

function candidate(item: SentItem): SentCandidate {
  const recipients: string[] = [];
  for (const list of [item.toRecipients, item.ccRecipients, item.bccRecipients]) {
    for (const r of list ?? []) {
      const address = r.emailAddress?.address;
      if (typeof address === 'string') {
        recipients.push(address);
      }
    }
  }
  const time = item.sentDateTime ? Date.parse(item.sentDateTime) : NaN;
  return { recipients, subject: item.subject ?? undefined, time: Number.isNaN(time) ? undefined : time };
}

/** What Sent Items holds: how many messages, and the oldest one's date (for window coverage). */
async function sentFolderState(client: GraphClient): Promise<{ count: number; oldest: number | undefined }> {
  const folder = await client.json<{ totalItemCount?: number }>(`${SENT}?$select=totalItemCount`);
  const count = typeof folder.totalItemCount === 'number' ? folder.totalItemCount : 0;
  if (count === 0) {
    return { count, oldest: undefined };
  }
  const params = new URLSearchParams({ $select: 'sentDateTime', $orderby: 'sentDateTime asc', $top: '1' });
  const first = await client.json<Page<SentItem>>(`${SENT}/messages?${params.toString()}`);
  const at = first.value[0]?.sentDateTime;
  const oldest = at ? Date.parse(at) : NaN;
  return { count, oldest: Number.isNaN(oldest) ? undefined : oldest };
}

async function byRecipient(
  client: GraphClient,
  request: RecipientLookup,
  oldest: number | undefined,
): Promise<LookupResult> {
  const window = lookupWindow(request);
  if (window === undefined) {
    return 'unavailable';
  }
  const params = new URLSearchParams({
    $filter: `sentDateTime ge ${odataDate(window.from)} and sentDateTime le ${odataDate(window.to)}`,
    $select: 'subject,sentDateTime,toRecipients,ccRecipients,bccRecipients',
    $top: String(PAGE_SIZE),
  });
  const candidates: SentCandidate[] = [];
  let next: string | undefined = `${SENT}/messages?${params.toString()}`;
  for (let page = 0; next !== undefined && page < MAX_WINDOW_PAGES; page++) {
    const answer: Page<SentItem> = await client.json<Page<SentItem>>(next);
    candidates.push(...answer.value.map(candidate));
    next = answer['@odata.nextLink'];
  }
  const result = judgeByRecipient(request, candidates, { oldest });
  // Pages left unread may hold the message: only a find stands.
  return next !== undefined && result !== 'found' ? 'unavailable' : result;
}

/** Looks the engine's lookups up in Sent Items. One query per id or window; answers cached for the session. */
export function sentItemsLookup(
  client: GraphClient,
): (requests: readonly LookupRequest[]) => Promise<Lookups> {
  const cache = new Map<string, Promise<LookupAnswer>>();
  let state: Promise<{ count: number; oldest: number | undefined }> | undefined;
  const folder = () => {
    state ??= sentFolderState(client).catch(error => {
      state = undefined; // a failed read is retried next time, and answers `unavailable` now
      throw error;
    });
    return state;
  };
  const one = (request: LookupRequest): Promise<LookupAnswer> => {
    const key = lookupKey(request);
    let pending = cache.get(key);
    if (!pending) {
      pending = folder()
        .then(async ({ count, oldest }): Promise<LookupAnswer> => {
          if (count === 0) {
            return 'unavailable';
          }
          if (request.kind === 'by-recipient') {
            return byRecipient(client, request, oldest);
          }
          // The copy's date and subject: the reply veto checks them against an auto-reply (issue 8 §6).
          const filter = `internetMessageId eq ${odataString(`<${request.messageId}>`)}`;
          const params = new URLSearchParams({
            $filter: filter,
            $select: 'id,subject,sentDateTime',
            $top: '1',
          });
          const page = await client.json<Page<SentItem>>(`${SENT}/messages?${params.toString()}`);
          const copy = page.value[0];
          // Cached with the copy's facts whatever the role; each request gets its own answer below.
          return copy === undefined
            ? 'not-found'
            : { result: 'found', date: copy.sentDateTime ?? undefined, subject: copy.subject ?? undefined };
        })
        .catch(() => 'unavailable' as const);
      cache.set(key, pending);
    }
    return pending;
  };
  return async requests => {
    const out: Record<string, LookupAnswer> = {};
    for (const request of requests) {
      const answer = await one(request);
      out[lookupKey(request)] = typeof answer === 'object' ? foundAnswer(request, answer) : answer;
    }
    return out;
  };
}
