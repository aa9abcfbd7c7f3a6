// Moving to Junk and back. Nothing is ever deleted and no folder is ever created.
//
// messages.update(id, {junk: true}) sets junkscore 100 / origin "user" (and the IMAP `Junk`
// keyword) without training the Bayesian filter (thunderbird-platform.md §A2 "Junk + move"): good
// for backscatter, whose quoted original is the user's own text. The move is flagged as a user
// action so Thunderbird's own Undo (Ctrl+Z) also works. After a move the message gets a new id in
// the destination. On IMAP the destination first holds a placeholder header with a fake UID until
// the folder is updated, and moving that placeholder back does nothing on the server (seen in the
// e2e run: `uid store 4294967168 …`). So undo uses the id that messages.onMoved reports for the
// real copy, and only falls back to a search by Message-ID.
import type { MailFolderId, MessageHeader, MessageId, Messenger } from './api';

export const TAG_KEY = 'backscatter-guard';

/**
 * One move to Junk, and what became of it. Keyed by `moveId`, unique per move: the same Message-ID
 * can be in two accounts, or come twice, and each move is undone on its own.
 */
export interface MoveRecord {
  moveId: string;
  headerMessageId: string;
  subject: string;
  fromFolderId: MailFolderId;
  /** The folder names the user's Thunderbird shows ("Inbox", "Spam"), for notices and the history. */
  fromFolderName?: string;
  junkFolderId: MailFolderId;
  junkFolderName?: string;
  at: number;
  /** The message's id before the move. */
  sourceId?: MessageId;
  /** The id of the copy in Junk, from messages.onMoved (see undoMove). */
  movedId?: MessageId;
  /** in-junk: undo possible; restored: undone and checked; undo-failed: the last undo did not work. */
  state: 'in-junk' | 'restored' | 'undo-failed';
  undoneAt?: number;
  undoFailure?: UndoFailure;
}

export type MoveOutcome =
  | { ok: true; record: MoveRecord }
  | {
      ok: false;
      reason: 'no-junk-folder' | 'already-in-junk' | 'not-in-a-folder' | 'failed';
      moveId?: string;
    };

let moveCounter = 0;
/** Unique per move, also across event-page restarts (time + counter + random). */
export function newMoveId(now: number): string {
  moveCounter += 1;
  const random = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
  return `${now.toString(36)}-${moveCounter.toString(36)}-${random}`;
}

export async function findJunkFolderInfo(
  api: Messenger,
  accountId: string,
): Promise<{ id: MailFolderId; name: string | undefined } | undefined> {
  const folders = await api.folders.query({ accountId, specialUse: ['junk'] });
  const folder = folders[0];
  return folder ? { id: folder.id, name: folder.name } : undefined;
}

export async function findJunkFolder(api: Messenger, accountId: string): Promise<MailFolderId | undefined> {
  return (await findJunkFolderInfo(api, accountId))?.id;
}

/**
 * `beforeMove` gets the record before the move is issued: Thunderbird shows the next message as
 * soon as the move starts, and that message's banner must already find the record to offer Undo.
 */
export async function moveToJunk(
  api: Messenger,
  message: MessageHeader,
  now: number,
  beforeMove: (record: MoveRecord) => Promise<void> = async () => undefined,
): Promise<MoveOutcome> {
  const folder = message.folder;
  if (!folder) {
    return { ok: false, reason: 'not-in-a-folder' };
  }
  if (folder.specialUse?.includes('junk')) {
    return { ok: false, reason: 'already-in-junk' };
  }
  const junk = await findJunkFolderInfo(api, folder.accountId);
  if (!junk) {
    return { ok: false, reason: 'no-junk-folder' };
  }
  const record: MoveRecord = {
    moveId: newMoveId(now),
    headerMessageId: message.headerMessageId,
    subject: message.subject,
    fromFolderId: folder.id,
    ...(folder.name !== undefined ? { fromFolderName: folder.name } : {}),
    junkFolderId: junk.id,
    ...(junk.name !== undefined ? { junkFolderName: junk.name } : {}),
    at: now,
    sourceId: message.id,
    state: 'in-junk',
  };
  let marked = false;
  try {
    await api.messages.update(message.id, { junk: true });
    marked = true;
    await beforeMove(record);
    await api.messages.move([message.id], junk.id, { isUserAction: true });
  } catch (error) {
    console.warn('backscatter-guard: moving to Junk failed', error);
    // A message that stays where it was must not stay marked junk either.
    if (marked) {
      await api.messages.update(message.id, { junk: false }).catch(() => undefined);
    }
    return { ok: false, reason: 'failed', moveId: record.moveId };
  }
  return { ok: true, record };
}

/** not-found: no copy in Junk; failed: Thunderbird refused; unverified: the copy did not leave Junk. */
export type UndoFailure = 'not-found' | 'failed' | 'unverified';
export type UndoOutcome = { ok: true } | { ok: false; reason: UndoFailure };

async function findMovedCopy(api: Messenger, record: MoveRecord): Promise<MessageHeader | undefined> {
  if (record.movedId !== undefined) {
    const moved = await api.messages.get(record.movedId).catch(() => undefined);
    if (
      moved &&
      moved.headerMessageId === record.headerMessageId &&
      moved.folder?.id === record.junkFolderId
    ) {
      return moved;
    }
  }
  const found = await api.messages.query({
    headerMessageId: record.headerMessageId,
    folderId: [record.junkFolderId],
  });
  return found.messages[0];
}

/**
 * How long undo waits for an IMAP Junk folder to replace a placeholder with the real copy. On
 * localhost the update takes well under 200 ms; a copy still there unchanged after this is real.
 */
const IMAP_SETTLE_MS = 1_500;
const IMAP_POLL_MS = 200;
/** How long undo waits for the moved-back copy to leave Junk before it says it did not. */
const VERIFY_MS = 4_000;

/**
 * On IMAP the copy found in Junk may still be the placeholder Thunderbird adds before the folder
 * is updated; even messages.onMoved reports that placeholder (e2e run: `uid store 4294967168 …`,
 * no server command for the move back). Touching the message makes Thunderbird select and update
 * Junk, after which the real copy appears under a new id and the placeholder goes.
 */
async function settleImapCopy(
  api: Messenger,
  record: MoveRecord,
  copy: MessageHeader,
  sleep: (ms: number) => Promise<void>,
): Promise<MessageHeader> {
  const accounts = await api.accounts.list(false).catch(() => []);
  if (accounts.find(account => account.id === copy.folder?.accountId)?.type !== 'imap') {
    return copy;
  }
  await api.messages.update(copy.id, { junk: false });
  for (let waited = 0; waited < IMAP_SETTLE_MS; waited += IMAP_POLL_MS) {
    const found = await api.messages.query({
      headerMessageId: record.headerMessageId,
      folderId: [record.junkFolderId],
    });
    const real = found.messages.find(message => message.id !== copy.id);
    if (real) {
      return real;
    }
    await sleep(IMAP_POLL_MS);
  }
  return copy;
}

export async function undoMove(
  api: Messenger,
  record: MoveRecord,
  sleep: (ms: number) => Promise<void> = ms => new Promise(resolve => setTimeout(resolve, ms)),
): Promise<UndoOutcome> {
  let found = await findMovedCopy(api, record);
  if (!found) {
    return { ok: false, reason: 'not-found' };
  }
  // Twice at most: the copy moved may turn out to have been a placeholder, the real one still in Junk.
  for (let attempt = 1; ; attempt += 1) {
    let message: MessageHeader;
    let twins: MessageId[];
    try {
      message = await settleImapCopy(api, record, found, sleep);
      // Other copies with this Message-ID already in Junk belong to other moves: not ours to move.
      twins = (await copiesInJunk(api, record)).filter(id => id !== message.id);
      await api.messages.update(message.id, {
        junk: false,
        tags: message.tags.filter(tag => tag !== TAG_KEY),
      });
      await api.messages.move([message.id], record.fromFolderId, { isUserAction: true });
    } catch (error) {
      console.warn('backscatter-guard: moving back from Junk failed', error);
      return { ok: false, reason: 'failed' };
    }
    // "Restored" only once no copy of the message is left in Junk. Not judged by the id moved: on a
    // busy machine Junk may be updated only after undo moved the placeholder (which does nothing on
    // the server); the placeholder's id then vanishes while the real copy stays in Junk under a new
    // id (real-window sweep run at load 12: "3 restored", one still in Junk on the server).
    const left = await leftInJunk(api, record, message.id, twins, sleep);
    if (left === undefined) {
      return { ok: true };
    }
    if (left === message.id || attempt >= 2) {
      return { ok: false, reason: 'unverified' };
    }
    const real = await api.messages.get(left).catch(() => undefined);
    if (!real) {
      return { ok: false, reason: 'unverified' };
    }
    found = real;
  }
}

async function copiesInJunk(api: Messenger, record: MoveRecord): Promise<MessageId[]> {
  return api.messages
    .query({ headerMessageId: record.headerMessageId, folderId: [record.junkFolderId] })
    .then(page => page.messages.map(copy => copy.id))
    .catch(() => []);
}

/**
 * Waits for the moved message to leave Junk. Returns undefined once it has and no new copy with its
 * Message-ID is in Junk; else the id of the copy still there: the one moved, or a new one (the real
 * copy, when the one moved was an IMAP placeholder).
 */
async function leftInJunk(
  api: Messenger,
  record: MoveRecord,
  movedId: MessageId,
  twins: readonly MessageId[],
  sleep: (ms: number) => Promise<void>,
): Promise<MessageId | undefined> {
  for (let waited = 0; ; waited += IMAP_POLL_MS) {
    const still = await api.messages.get(movedId).catch(() => undefined);
    if (!still || still.folder?.id !== record.junkFolderId) {
      // Gone from Junk; a copy that was not there before the move is the real one left behind.
      return (await copiesInJunk(api, record)).find(id => id !== movedId && !twins.includes(id));
    }
    if (waited >= VERIFY_MS) {
      return movedId;
    }
    await sleep(IMAP_POLL_MS);
  }
}

/** Adds our tag, creating it once. tags.create throws when the key exists: that is the expected case. */
export async function tagMessage(api: Messenger, message: MessageHeader, label: string): Promise<void> {
  await api.messages.tags.create(TAG_KEY, label, '#C2410C').catch(() => undefined);
  if (!message.tags.includes(TAG_KEY)) {
    await api.messages.update(message.id, { tags: [...message.tags, TAG_KEY] });
  }
}
