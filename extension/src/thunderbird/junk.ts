// Moving to Junk and back. Nothing is ever deleted and no folder is ever created.
//
// messages.update(id, {junk: true}) sets junkscore 100 / origin "user" (and the IMAP `Junk`
// keyword) without training the Bayesian filter (thunderbird-platform.md §A2 "Junk + move"): good
// for backscatter, whose quoted original is the user's own text. After a move the message gets a
// new id in the destination.
//
// Both moves go without `isUserAction`. With it, Thunderbird moves within an IMAP account
// "pseudo-offline": the destination first holds a placeholder header with a fake UID
// (4294967168) that reads as 0 bytes, onMoved reports that placeholder, the next move into the
// folder reuses the fake UID (two moves reported the same id), and the folder is updated with the
// real copy only when something touches it (real-window probe, 153.8: not within 15 s untouched).
// Moving a placeholder back does nothing on the server: the real copy stayed in Junk while Undo
// said "restored", and a restored message was a placeholder the sweep could not read (issue 11
// item 3). Without the flag, Thunderbird moves on the server first and onMoved reports the real
// copy, readable, about 100 ms after the move (same probe, 5 moves there and back). The price:
// Thunderbird's own Ctrl+Z does not undo these moves; the banner and the sweep offer Undo.
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
  /** After Undo: the id of the message back in its folder, when it was found there. */
  restoredId?: MessageId;
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
    await api.messages.move([message.id], junk.id);
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
/** `restoredId`: the message back in its folder, when it showed up there within a few seconds. */
export type UndoOutcome = { ok: true; restoredId?: MessageId } | { ok: false; reason: UndoFailure };

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
 * How long undo waits for an IMAP placeholder in Junk to turn into the real copy (moves made with
 * `isUserAction` by earlier versions, or by Thunderbird itself). A touch updated Junk within about
 * 2 s in the probe.
 */
const IMAP_SETTLE_MS = 5_000;
const IMAP_POLL_MS = 200;
/** The message back in its folder shows up about 100 ms after the move (probe): looked for as often. */
const RESTORED_POLL_MS = 100;
/** How long undo waits for the moved-back copy to leave Junk before it says it did not. */
const VERIFY_MS = 4_000;
/** How long undo looks for the message back in its folder (IMAP: about 100 ms after the move). */
const RESTORED_FIND_MS = 3_000;

/** An IMAP placeholder reads as 0 bytes; a real message never does. */
async function readable(api: Messenger, id: MessageId): Promise<boolean> {
  return api.messages
    .getRaw(id, { data_format: 'BinaryString' })
    .then(raw => raw.length > 0)
    .catch(() => false);
}

/**
 * The real copy in Junk, or undefined while Junk holds only a placeholder. Thunderbird 153 keeps a
 * placeholder's id for the real copy once Junk is updated (ExtensionMessages msgKeyChanged);
 * earlier versions gave the real copy a new id. Touching the placeholder (a flag store) makes
 * Thunderbird select and update Junk. Moving a placeholder must never happen: the server ignores
 * it and the real copy stays in Junk.
 */
async function realCopy(
  api: Messenger,
  record: MoveRecord,
  copy: MessageHeader,
  sleep: (ms: number) => Promise<void>,
): Promise<MessageHeader | undefined> {
  const accounts = await api.accounts.list(false).catch(() => []);
  if (accounts.find(account => account.id === copy.folder?.accountId)?.type !== 'imap') {
    return copy;
  }
  for (let waited = 0; ; waited += IMAP_POLL_MS) {
    const others = (await copiesIn(api, record, record.junkFolderId)).filter(id => id !== copy.id);
    for (const id of [copy.id, ...others]) {
      if (await readable(api, id)) {
        return id === copy.id ? copy : api.messages.get(id).catch(() => undefined);
      }
    }
    if (waited >= IMAP_SETTLE_MS) {
      return undefined;
    }
    await api.messages.update(copy.id, { junk: false }).catch(() => undefined);
    await sleep(IMAP_POLL_MS);
  }
}

/** Ids of copies of the record's message in one folder (the one it came from, or Junk). */
async function copiesIn(api: Messenger, record: MoveRecord, folderId: MailFolderId): Promise<MessageId[]> {
  return api.messages
    .query({ headerMessageId: record.headerMessageId, folderId: [folderId] })
    .then(page => page.messages.map(copy => copy.id))
    .catch(() => []);
}

/**
 * The copy that came back: an id in the source folder that was not there before the move back
 * (a duplicate that never left keeps its id). Over IMAP it appears about 100 ms after the move
 * resolved; a copy that reads as nothing is a placeholder, not yet the message.
 */
async function findRestored(
  api: Messenger,
  record: MoveRecord,
  before: readonly MessageId[],
  sleep: (ms: number) => Promise<void>,
): Promise<MessageId | undefined> {
  for (let waited = 0; ; waited += RESTORED_POLL_MS) {
    const placeholders: MessageId[] = [];
    for (const id of (await copiesIn(api, record, record.fromFolderId)).filter(
      found => !before.includes(found),
    )) {
      if (await readable(api, id)) {
        return id;
      }
      placeholders.push(id);
    }
    if (waited >= RESTORED_FIND_MS) {
      return undefined;
    }
    // Not expected without isUserAction; if Thunderbird left a placeholder, a touch updates the folder.
    for (const id of placeholders) {
      await api.messages.update(id, { junk: false }).catch(() => undefined);
    }
    await sleep(RESTORED_POLL_MS);
  }
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
    let message: MessageHeader | undefined;
    let twins: MessageId[];
    let before: MessageId[];
    try {
      message = await realCopy(api, record, found, sleep);
      if (!message) {
        return { ok: false, reason: 'unverified' };
      }
      // Other copies with this Message-ID already in Junk belong to other moves: not ours to move.
      twins = (await copiesIn(api, record, record.junkFolderId)).filter(id => id !== message?.id);
      before = await copiesIn(api, record, record.fromFolderId);
      await api.messages.update(message.id, {
        junk: false,
        tags: message.tags.filter(tag => tag !== TAG_KEY),
      });
      await api.messages.move([message.id], record.fromFolderId);
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
      const restoredId = await findRestored(api, record, before, sleep);
      return restoredId === undefined ? { ok: true } : { ok: true, restoredId };
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
      return (await copiesIn(api, record, record.junkFolderId)).find(
        id => id !== movedId && !twins.includes(id),
      );
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
