// The sweep page's only link to moving and Undo: the background's `move-to-junk` and `undo-moves`
// requests. Undo names exactly the moves this page made (MoveRecord.moveId), not the newest move of
// a Message-ID, which another move of a duplicate could have made.
//
// Both run in small batches so the page can show how far they got: an IMAP Undo took 6–16 s
// behind greyed buttons as one request (issue 11 item 3).
//
// After Undo the page lists the restored messages again, each once, under the id it has now. The
// background reports that id per move (MoveRecord.restoredId, found in the folder after the move
// back); the row keeps the verdict it had before the move: the bytes did not change, and the
// Message-ID and folder say which message it is. Only a move whose message was not found at once
// is looked for again by Message-ID (`sweep-recheck`: a bounded wait, then a fresh check).
import type { MessageId } from '../thunderbird/api';
import type { MoveRecord } from '../thunderbird/junk';
import type { Ask } from '../ui/port';
import type { SweepRow } from './sweeper';

const MOVE_BATCH = 25;
const UNDO_BATCH = 5;

/** What Undo needs to know about one move made from the sweep. */
export type SweepMove = MoveRecord;

export interface MoveResult {
  /** Thunderbird message ids that left the folder. */
  movedIds: number[];
  moves: SweepMove[];
  failedIds: number[];
}

export interface UndoResult {
  /** The moves undone: their messages are back in their folder. */
  restored: SweepMove[];
  failed: number;
}

export type Progress = (done: number, total: number) => void;

export async function moveToJunk(ask: Ask, messageIds: number[], progress: Progress): Promise<MoveResult> {
  const result: MoveResult = { movedIds: [], moves: [], failedIds: [] };
  progress(0, messageIds.length);
  for (let start = 0; start < messageIds.length; start += MOVE_BATCH) {
    const batch = messageIds.slice(start, start + MOVE_BATCH);
    const report = await ask({ type: 'move-to-junk', messageIds: batch });
    const failed = new Set(report.failed.map(failure => failure.messageId));
    result.failedIds.push(...batch.filter(id => failed.has(id)));
    result.movedIds.push(...batch.filter(id => !failed.has(id)));
    result.moves.push(...report.moved);
    progress(Math.min(start + batch.length, messageIds.length), messageIds.length);
  }
  return result;
}

export async function undoMoves(ask: Ask, moves: SweepMove[], progress: Progress): Promise<UndoResult> {
  const result: UndoResult = { restored: [], failed: 0 };
  progress(0, moves.length);
  for (let start = 0; start < moves.length; start += UNDO_BATCH) {
    const batch = moves.slice(start, start + UNDO_BATCH);
    const report = await ask({ type: 'undo-moves', moveIds: batch.map(move => move.moveId) });
    result.restored.push(...report.restored);
    result.failed += report.failed.length;
    progress(Math.min(start + batch.length, moves.length), moves.length);
  }
  return result;
}

export interface Relisted {
  /** Rows to list again (not listed now), each under the id its message has now. */
  rows: SweepRow[];
  /** Moves undone whose message could not be found in the folder again. */
  missing: number;
}

/** A row's own fields, without the page's state. */
function rowOf(row: SweepRow, messageId: MessageId): SweepRow {
  const { headerMessageId, subject, author, kind, verdict, userOverride } = row;
  return { messageId, headerMessageId, subject, author, kind, verdict, userOverride };
}

/**
 * Pairs undone moves with the rows they took off the page (by the id before the move) and with the
 * message back in the folder: the background's `restoredId`, else a row `found` by Message-ID
 * (`sweep-recheck`) that is not listed yet and not taken by another move. A found row without a
 * row from before the move keeps its fresh verdict. Moves left unpaired are `missing`.
 */
export function relist(
  restored: readonly SweepMove[],
  removed: readonly SweepRow[],
  found: readonly SweepRow[],
  listed: (messageId: MessageId) => boolean,
): Relisted {
  const before = new Map(removed.map(row => [row.messageId, row]));
  const taken = new Set<MessageId>();
  const rows: SweepRow[] = [];
  let missing = 0;
  for (const move of restored) {
    const old = move.sourceId === undefined ? undefined : before.get(move.sourceId);
    let id = move.restoredId;
    let fresh: SweepRow | undefined;
    if (id === undefined || listed(id) || taken.has(id)) {
      fresh = found.find(
        row =>
          row.headerMessageId === move.headerMessageId && !listed(row.messageId) && !taken.has(row.messageId),
      );
      id = fresh?.messageId;
    }
    const row = old ?? fresh;
    if (id === undefined || !row) {
      missing += 1;
      continue;
    }
    taken.add(id);
    rows.push(rowOf(row, id));
  }
  return { rows, missing };
}

/** The moves whose message Undo did not find at once: to look for by Message-ID. */
export function unfound(restored: readonly SweepMove[], listed: (messageId: MessageId) => boolean): string[] {
  return [
    ...new Set(
      restored
        .filter(move => move.restoredId === undefined || listed(move.restoredId))
        .map(move => move.headerMessageId),
    ),
  ];
}
