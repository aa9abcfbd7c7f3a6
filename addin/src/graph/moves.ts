// Moves to Junk Email and back, so that nothing is stranded. Graph's move "creates a new copy of the
// message in the destination folder and removes the original" (api/message-move): the message gets a
// new id, and the request is not idempotent. So:
// - before moving, the message's folder (parentFolderId) and Internet Message-ID are read: Undo goes
//   back to that folder, not always to the Inbox;
// - the POST is never repeated on 503/504 (client.ts); after any error the destination folder is
//   searched for the Message-ID, and a copy found there is recorded with its new id, as if the move
//   had answered.
import type { GraphClient } from './client';

export interface MoveRecord {
  /** Unique per move (never a Message-ID: one bounce can sit in two places). */
  moveId: string;
  /** The moves made by one click share it: Undo takes back one click. */
  batchId: string;
  /** The message's id before the move (the id the pane or the sweep list knows it by). */
  fromId: string;
  /** The message's id in Junk Email now. */
  junkId: string;
  /** The folder it came from (Graph id), where Undo puts it back. */
  fromFolderId: string;
  internetMessageId: string | undefined;
  subject: string;
  at: number;
}

interface MessageMeta {
  id: string;
  parentFolderId?: string;
  internetMessageId?: string;
  subject?: string | null;
}

const odataString = (value: string) => `'${value.replace(/'/g, "''")}'`;

let counter = 0;
export function newId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The id of the message with this Internet Message-ID in `folder`, or undefined. */
export async function findInFolder(
  client: GraphClient,
  folder: string,
  internetMessageId: string,
): Promise<string | undefined> {
  const params = new URLSearchParams({
    $filter: `internetMessageId eq ${odataString(internetMessageId)}`,
    $select: 'id',
    $top: '1',
  });
  const page = await client.json<{ value: Array<{ id: string }> }>(
    `/me/mailFolders/${encodeURIComponent(folder)}/messages?${params.toString()}`,
  );
  return page.value[0]?.id;
}

/** Moves, and after an error looks for the copy in the destination before giving up. */
export async function moveAndFind(
  client: GraphClient,
  id: string,
  destination: string,
  internetMessageId: string | undefined,
): Promise<string> {
  try {
    return await client.move(id, destination);
  } catch (error) {
    if (internetMessageId !== undefined) {
      const found = await findInFolder(client, destination, internetMessageId).catch(() => undefined);
      if (found !== undefined) {
        return found;
      }
    }
    throw error;
  }
}

export async function moveToJunk(client: GraphClient, id: string, batchId: string): Promise<MoveRecord> {
  const params = new URLSearchParams({ $select: 'id,parentFolderId,internetMessageId,subject' });
  const meta = await client.json<MessageMeta>(`/me/messages/${encodeURIComponent(id)}?${params.toString()}`);
  const junkId = await moveAndFind(client, id, 'junkemail', meta.internetMessageId);
  return {
    moveId: newId('move'),
    batchId,
    fromId: id,
    junkId,
    fromFolderId: meta.parentFolderId ?? 'inbox',
    internetMessageId: meta.internetMessageId,
    subject: meta.subject ?? '',
    at: Date.now(),
  };
}

/** Puts a moved message back where it was; resolves with its id there. */
export function undoMove(client: GraphClient, record: MoveRecord): Promise<string> {
  return moveAndFind(client, record.junkId, record.fromFolderId, record.internetMessageId);
}

export interface BatchOutcome {
  moved: MoveRecord[];
  /** Graph id → error text, for the ones that stayed. */
  failed: Map<string, string>;
}

/** Moves exactly the ids given, one by one, so one failure costs one message. */
export async function moveBatchToJunk(client: GraphClient, ids: Iterable<string>): Promise<BatchOutcome> {
  const batchId = newId('batch');
  const outcome: BatchOutcome = { moved: [], failed: new Map() };
  for (const id of ids) {
    try {
      outcome.moved.push(await moveToJunk(client, id, batchId));
    } catch (error) {
      outcome.failed.set(id, error instanceof Error ? error.message : String(error));
    }
  }
  return outcome;
}
