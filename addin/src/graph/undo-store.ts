// The pane's Undo list: every move to Junk Email this add-in made, kept across ItemChanged, a new
// sweep and a closed pane (the page's localStorage; in memory where storage is blocked). Records are
// keyed by their own move id, never by Message-ID; old ones expire, and there is no cap per batch.
import type { MoveRecord } from './moves';

export const UNDO_KEY = 'backscatter-guard.undo';
/** Moves older than this are no longer offered for Undo (the message may have been handled since). */
export const UNDO_MAX_AGE_MS = 30 * 86_400_000;
/** Bounds the stored list (each record is a few hundred characters). */
export const UNDO_MAX_RECORDS = 2000;

export interface UndoStore {
  list(): MoveRecord[];
  add(records: readonly MoveRecord[]): void;
  remove(moveIds: Iterable<string>): void;
  /** Undo done: the records leave the list, and each message's id in its folder again is remembered. */
  restored(records: ReadonlyArray<{ record: MoveRecord; id: string }>): void;
  /** The id a message has now, after it was moved and moved back (undefined: never moved back). */
  currentId(fromId: string): string | undefined;
  /** Told after every change. */
  subscribe(listener: () => void): () => void;
}

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function isRecord(value: unknown): value is MoveRecord {
  const r = value as Partial<MoveRecord> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.moveId === 'string' &&
    typeof r.batchId === 'string' &&
    typeof r.junkId === 'string' &&
    typeof r.fromId === 'string' &&
    typeof r.fromFolderId === 'string' &&
    typeof r.at === 'number'
  );
}

export function createUndoStore(storage: StorageLike | undefined, now = () => Date.now()): UndoStore {
  let records: MoveRecord[] = [];
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(UNDO_KEY) ?? '[]');
    records = Array.isArray(parsed) ? parsed.filter(isRecord) : [];
  } catch {
    records = [];
  }
  const listeners = new Set<() => void>();
  const back = new Map<string, string>();
  const commit = (next: MoveRecord[]) => {
    const cutoff = now() - UNDO_MAX_AGE_MS;
    records = next.filter(r => r.at >= cutoff).slice(-UNDO_MAX_RECORDS);
    try {
      storage?.setItem(UNDO_KEY, JSON.stringify(records));
    } catch {
      // Quota or blocked storage: Undo still works for this session.
    }
    for (const listener of listeners) {
      listener();
    }
  };
  commit(records);
  return {
    list: () => records,
    add: added => commit([...records, ...added]),
    remove: ids => {
      const gone = new Set(ids);
      commit(records.filter(r => !gone.has(r.moveId)));
    },
    restored: done => {
      for (const { record, id } of done) {
        back.set(record.fromId, id);
      }
      const gone = new Set(done.map(({ record }) => record.moveId));
      commit(records.filter(r => !gone.has(r.moveId)));
    },
    currentId: fromId => {
      // Moved back more than once: follow the chain (bounded: each step is one Undo click).
      let id = back.get(fromId);
      for (let step = 0; id !== undefined && back.has(id) && step < 1000; step++) {
        id = back.get(id);
      }
      return id;
    },
    subscribe: listener => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** localStorage when the page may use it. */
export function pageStorage(): StorageLike | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The newest batch: what one Undo click takes back. */
export function lastBatch(records: readonly MoveRecord[]): MoveRecord[] {
  const last = records.at(-1);
  return last === undefined ? [] : records.filter(r => r.batchId === last.batchId);
}
