// Finds every Sent folder of every account and says which ones can be searched.
//
// messages.query() searches Thunderbird's local message database only. A never-synced IMAP Sent
// folder reports totalMessageCount 0, and a local mbox that was never opened has no summary, so
// query() silently returns nothing (thunderbird-platform.md §A2 "Sent-folder lookup"). An empty
// answer from such a folder means "we could not look", never "the user did not send it".
import type { MailFolder, MailFolderId, Messenger } from './api';

export interface SentFolder {
  id: MailFolderId;
  accountId: string;
  path: string;
  /** The addresses of the account's identities, lower-cased: whose sent mail belongs here. */
  identities: string[];
  /** False when the folder is empty or not synced: a miss there proves nothing. */
  searchable: boolean;
  messageCount: number;
}

export async function listSentFolders(api: Messenger): Promise<SentFolder[]> {
  let folders: MailFolder[];
  try {
    folders = await api.folders.query({ specialUse: ['sent'] });
  } catch {
    return [];
  }
  const identities = new Map<string, string[]>();
  for (const account of await api.accounts.list(false).catch(() => [])) {
    identities.set(
      account.id,
      account.identities.map(identity => identity.email.trim().toLowerCase()),
    );
  }
  return Promise.all(
    folders
      .filter(folder => !folder.isVirtual && !folder.isUnified)
      .map(async folder => {
        const count = await api.folders.getFolderInfo(folder.id).then(
          info => info.totalMessageCount ?? 0,
          () => 0,
        );
        return {
          id: folder.id,
          accountId: folder.accountId,
          path: folder.path,
          identities: identities.get(folder.accountId) ?? [],
          searchable: count > 0,
          messageCount: count,
        };
      }),
  );
}
