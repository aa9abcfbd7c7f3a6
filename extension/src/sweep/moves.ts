// The sweep page's only link to moving and Undo: the background's `move-to-junk` and `undo-moves`
// requests. Undo names exactly the moves this page made (MoveRecord.moveId), not the newest move of
// a Message-ID, which another move of a duplicate could have made.
//
// Both run in small batches so the page can show how far they got: an IMAP Undo waits for
// Thunderbird to replace placeholder copies in Junk (junk.ts) and took 6–16 s behind greyed buttons
// as one request (issue 11 item 3).
import type { MoveRecord } from '../thunderbird/junk';
import type { Ask } from '../ui/port';

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
  /** Message-IDs of the messages that are back in their folder. */
  restored: string[];
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
    result.restored.push(...report.restored.map(record => record.headerMessageId));
    result.failed += report.failed.length;
    progress(Math.min(start + batch.length, moves.length), moves.length);
  }
  return result;
}
