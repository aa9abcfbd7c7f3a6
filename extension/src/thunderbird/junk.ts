// Moving to Junk and back. Nothing is ever deleted and no folder is ever created.
//
// messages.update(id, {junk: true}) sets junkscore 100 / origin "user" (and the IMAP `Junk`
// keyword) without training the Bayesian filter (thunderbird-platform.md §A2 "Junk + move"): good
// for backscatter, whose quoted original is the user's own text. The move is flagged as a user
// action so Thunderbird's own Undo (Ctrl+Z) also works. After a move the message gets a new id in
// the destination, so undo finds it again by its Message-ID.
import type { MailFolderId, MessageHeader, Messenger } from './api';

export const TAG_KEY = 'backscatter-guard';

export interface MoveRecord {
  headerMessageId: string;
  subject: string;
  fromFolderId: MailFolderId;
  junkFolderId: MailFolderId;
  at: number;
}

export type MoveOutcome =
  | { ok: true; record: MoveRecord }
  | { ok: false; reason: 'no-junk-folder' | 'already-in-junk' | 'not-in-a-folder' | 'failed' };

export async function findJunkFolder(api: Messenger, accountId: string): Promise<MailFolderId | undefined> {
  const folders = await api.folders.query({ accountId, specialUse: ['junk'] });
  return folders[0]?.id;
}

export async function moveToJunk(api: Messenger, message: MessageHeader, now: number): Promise<MoveOutcome> {
  const folder = message.folder;
  if (!folder) {
    return { ok: false, reason: 'not-in-a-folder' };
  }
  if (folder.specialUse?.includes('junk')) {
    return { ok: false, reason: 'already-in-junk' };
  }
  const junkFolderId = await findJunkFolder(api, folder.accountId);
  if (!junkFolderId) {
    return { ok: false, reason: 'no-junk-folder' };
  }
  try {
    await api.messages.update(message.id, { junk: true });
    await api.messages.move([message.id], junkFolderId, { isUserAction: true });
  } catch {
    return { ok: false, reason: 'failed' };
  }
  return {
    ok: true,
    record: {
      headerMessageId: message.headerMessageId,
      subject: message.subject,
      fromFolderId: folder.id,
      junkFolderId,
      at: now,
    },
  };
}

export type UndoOutcome = { ok: true } | { ok: false; reason: 'not-found' | 'failed' };

export async function undoMove(api: Messenger, record: MoveRecord): Promise<UndoOutcome> {
  const found = await api.messages.query({
    headerMessageId: record.headerMessageId,
    folderId: [record.junkFolderId],
  });
  const message = found.messages[0];
  if (!message) {
    return { ok: false, reason: 'not-found' };
  }
  try {
    await api.messages.update(message.id, { junk: false, tags: message.tags.filter(tag => tag !== TAG_KEY) });
    await api.messages.move([message.id], record.fromFolderId, { isUserAction: true });
  } catch {
    return { ok: false, reason: 'failed' };
  }
  return { ok: true };
}

/** Adds our tag, creating it once. tags.create throws when the key exists: that is the expected case. */
export async function tagMessage(api: Messenger, message: MessageHeader, label: string): Promise<void> {
  await api.messages.tags.create(TAG_KEY, label, '#C2410C').catch(() => undefined);
  if (!message.tags.includes(TAG_KEY)) {
    await api.messages.update(message.id, { tags: [...message.tags, TAG_KEY] });
  }
}
