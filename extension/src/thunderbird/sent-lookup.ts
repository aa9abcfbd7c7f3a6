// Answers the engine's LookupRequests from the Sent folders of every account.
//
// An id counts as `found` if any searchable Sent folder of any account holds it (people send from
// one account and receive the bounce in another). It is `not-found` only when the receiving
// account's Sent folders (or, if it has none, every account's) exist and are all searchable;
// otherwise `unavailable`, which the verdict treats as "could not check".
import type { LookupRequest, Lookups, LookupResult } from '../../../shared/src/index';
import type { MessageList, Messenger } from './api';
import type { SentFolder } from './sent-folders';

async function holds(api: Messenger, messageId: string, folderIds: string[]): Promise<boolean> {
  // The id is looked up without angle brackets: that is how Thunderbird stores headerMessageId.
  let page: MessageList = await api.messages.query({ headerMessageId: messageId, folderId: folderIds });
  while (page.messages.length === 0 && page.id) {
    page = await api.messages.continueList(page.id);
  }
  return page.messages.length > 0;
}

export function coverage(sent: readonly SentFolder[], accountId: string | undefined): 'complete' | 'partial' {
  const own = sent.filter(folder => folder.accountId === accountId);
  const relevant = own.length > 0 ? own : sent;
  return relevant.length > 0 && relevant.every(folder => folder.searchable) ? 'complete' : 'partial';
}

export async function lookUpInSent(
  api: Messenger,
  requests: readonly LookupRequest[],
  sent: readonly SentFolder[],
  receivingAccountId: string | undefined,
): Promise<Lookups> {
  const searchable = sent.filter(folder => folder.searchable).map(folder => folder.id);
  const missResult: LookupResult =
    coverage(sent, receivingAccountId) === 'complete' ? 'not-found' : 'unavailable';
  const entries = await Promise.all(
    requests.map(async (request): Promise<[string, LookupResult]> => {
      const id = request.messageId.replace(/^<|>$/g, '');
      if (searchable.length === 0) {
        return [request.messageId, 'unavailable'];
      }
      try {
        return [request.messageId, (await holds(api, id, searchable)) ? 'found' : missResult];
      } catch {
        return [request.messageId, 'unavailable'];
      }
    }),
  );
  return Object.fromEntries(entries);
}
