// What the user can configure, and what we count. Stored in storage.local; every read is
// validated because storage survives upgrades and may hold anything an older version wrote.
import type { Profile } from '../../../shared/src/index';
import type { StorageArea } from '../thunderbird/api';
import type { MoveRecord } from '../thunderbird/junk';

export const AUTO_SCAN_MODES = ['off', 'tag', 'tag-and-move'] as const;
export type AutoScanMode = (typeof AUTO_SCAN_MODES)[number];

export interface Settings {
  /** What happens to new mail: nothing, a tag on backscatter, or tag and move to Junk. */
  autoScan: AutoScanMode;
  /** Addresses that reach this mailbox without an identity (aliases, forwarders). */
  extraAddresses: string[];
  /** Hosts or domains that relay the user's outgoing mail (smarthosts, list servers). */
  trustedRelays: string[];
}

export const DEFAULT_SETTINGS: Settings = { autoScan: 'tag', extraAddresses: [], trustedRelays: [] };

export interface Stats {
  junked: number;
  undone: number;
  autoTagged: number;
  autoMoved: number;
}

const ZERO_STATS: Stats = { junked: 0, undone: 0, autoTagged: 0, autoMoved: 0 };

export interface StoredProfile {
  profile: Profile;
  learnedAt: number;
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value
        .filter((item): item is string => typeof item === 'string' && item.trim() !== '')
        .map(item => item.trim())
    : [];

export function parseSettings(raw: unknown): Settings {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const mode =
    AUTO_SCAN_MODES.find(candidate => candidate === value['autoScan']) ?? DEFAULT_SETTINGS.autoScan;
  return {
    autoScan: mode,
    extraAddresses: stringList(value['extraAddresses']),
    trustedRelays: stringList(value['trustedRelays']),
  };
}

function parseStats(raw: unknown): Stats {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const count = (key: keyof Stats) =>
    typeof value[key] === 'number' && Number.isFinite(value[key]) ? value[key] : 0;
  return {
    junked: count('junked'),
    undone: count('undone'),
    autoTagged: count('autoTagged'),
    autoMoved: count('autoMoved'),
  };
}

const MOVE_STATES = ['in-junk', 'restored', 'undo-failed'] as const;

/**
 * Records written by this version, and those of the first version (no moveId, no state: they were
 * all still in Junk), which get a stable id from their fields.
 */
function parseMoves(raw: unknown): MoveRecord[] {
  if (!Array.isArray(raw)) {
    return [];
  }
  const records: MoveRecord[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) {
      continue;
    }
    const r = item as Partial<MoveRecord>;
    if (
      typeof r.headerMessageId !== 'string' ||
      typeof r.fromFolderId !== 'string' ||
      typeof r.junkFolderId !== 'string' ||
      typeof r.at !== 'number'
    ) {
      continue;
    }
    records.push({
      ...r,
      moveId:
        typeof r.moveId === 'string' ? r.moveId : `legacy-${r.at}-${r.junkFolderId}-${r.headerMessageId}`,
      subject: typeof r.subject === 'string' ? r.subject : '',
      state: MOVE_STATES.find(state => state === r.state) ?? 'in-junk',
    } as MoveRecord);
  }
  return records;
}

/**
 * The move history kept for Undo and the options page. Not a cap on a batch (a sweep of 5,000 keeps
 * all 5,000): when the history grows past this, the oldest *finished* records (restored) go first,
 * and records still in Junk are dropped only beyond twice this.
 */
export const MAX_MOVE_HISTORY = 5_000;

function trimHistory(moves: MoveRecord[]): MoveRecord[] {
  if (moves.length <= MAX_MOVE_HISTORY) {
    return moves;
  }
  let excess = moves.length - MAX_MOVE_HISTORY;
  const kept = moves.filter(move => {
    if (excess > 0 && move.state === 'restored') {
      excess -= 1;
      return false;
    }
    return true;
  });
  return kept.slice(-2 * MAX_MOVE_HISTORY);
}

/** Typed access to storage.local. Keys: settings, stats, profile, moves, overrides, undoOffer. */
export interface UndoOffer {
  tabId: number;
  moveIds: string[];
  at: number;
  /** The message whose banner showed the offer first; it is offered there and nowhere else. */
  shownFor?: number;
}

export class Store {
  /** Recent onMoved reports not yet matched to a record: destination folder, Message-ID, new id. */
  private readonly copies: { folderId: string; headerMessageId: string; id: number }[] = [];

  constructor(private readonly area: StorageArea) {}

  async settings(): Promise<Settings> {
    return parseSettings((await this.area.get('settings'))['settings']);
  }

  async saveSettings(settings: Settings): Promise<Settings> {
    const clean = parseSettings(settings);
    await this.area.set({ settings: clean });
    return clean;
  }

  async stats(): Promise<Stats> {
    return { ...ZERO_STATS, ...parseStats((await this.area.get('stats'))['stats']) };
  }

  async count(key: keyof Stats, by = 1): Promise<void> {
    const stats = await this.stats();
    stats[key] += by;
    await this.area.set({ stats });
  }

  async profile(): Promise<StoredProfile | undefined> {
    const raw = (await this.area.get('profile'))['profile'] as StoredProfile | undefined;
    return raw && typeof raw.learnedAt === 'number' && typeof raw.profile === 'object' ? raw : undefined;
  }

  async saveProfile(stored: StoredProfile): Promise<void> {
    await this.area.set({ profile: stored });
  }

  async resetProfile(): Promise<void> {
    await this.area.remove('profile');
  }

  /**
   * The profile is to be learned again at the next check (learnedAt 0: profile.ts relearns a stale one),
   * keeping what confirmed bounces taught (profile.confirmed), which no change of settings makes wrong.
   */
  async markProfileStale(): Promise<void> {
    const stored = await this.profile();
    if (stored && stored.learnedAt !== 0) {
      await this.saveProfile({ profile: stored.profile, learnedAt: 0 });
    }
  }

  /**
   * The move history is read, changed and written back by the move itself and by onMoved, which
   * Thunderbird fires about 100 ms after an IMAP move, while the next message of a batch is being
   * recorded: one change at a time, or one overwrites the other (a copy's id was lost for 2 of 3
   * moves, and Undo waited 5 s for it).
   */
  private movesTurn: Promise<unknown> = Promise.resolve();
  private oneAtATime<T>(change: () => Promise<T>): Promise<T> {
    const run = this.movesTurn.then(change, change);
    this.movesTurn = run.catch(() => undefined);
    return run;
  }

  recordMoves(records: readonly MoveRecord[]): Promise<void> {
    return this.oneAtATime(() => this.recordMovesNow(records));
  }

  updateMoves(patches: ReadonlyMap<string, Partial<MoveRecord>>): Promise<MoveRecord[]> {
    return this.oneAtATime(() => this.updateMovesNow(patches));
  }

  noteMovedCopies(
    copies: readonly { headerMessageId: string; folderId: string; id: number }[],
  ): Promise<void> {
    return this.oneAtATime(() => this.noteMovedCopiesNow(copies));
  }

  forgetMove(moveId: string): Promise<void> {
    return this.oneAtATime(() => this.forgetMoveNow(moveId));
  }

  async moves(): Promise<MoveRecord[]> {
    return parseMoves((await this.area.get('moves'))['moves']);
  }

  private claimCopy(record: MoveRecord): number | undefined {
    const index = this.copies.findIndex(
      copy => copy.folderId === record.junkFolderId && copy.headerMessageId === record.headerMessageId,
    );
    return index === -1 ? undefined : this.copies.splice(index, 1)[0]?.id;
  }

  private async recordMovesNow(records: readonly MoveRecord[]): Promise<void> {
    // onMoved may have reported the copy already (local folders report it during the move).
    const fresh = records.map(record => {
      const movedId = record.movedId ?? this.claimCopy(record);
      return movedId === undefined ? record : { ...record, movedId };
    });
    const ids = new Set(fresh.map(record => record.moveId));
    const kept = (await this.moves()).filter(old => !ids.has(old.moveId));
    await this.area.set({ moves: trimHistory([...kept, ...fresh]) });
  }

  private async updateMovesNow(patches: ReadonlyMap<string, Partial<MoveRecord>>): Promise<MoveRecord[]> {
    const moves = (await this.moves()).map(move => {
      const patch = patches.get(move.moveId);
      if (!patch) {
        return move;
      }
      const next: MoveRecord = { ...move, ...patch, moveId: move.moveId };
      if (next.state === 'restored') {
        delete next.undoFailure;
      }
      return next;
    });
    await this.area.set({ moves });
    return moves;
  }

  /** messages.onMoved told us where moved messages now are: each copy goes to one record. */
  private async noteMovedCopiesNow(
    copies: readonly { headerMessageId: string; folderId: string; id: number }[],
  ): Promise<void> {
    const moves = await this.moves();
    let changed = false;
    for (const copy of copies) {
      const candidates = moves.filter(
        move =>
          move.state !== 'restored' &&
          move.headerMessageId === copy.headerMessageId &&
          move.junkFolderId === copy.folderId,
      );
      if (candidates.some(move => move.movedId === copy.id)) {
        continue;
      }
      // The newest record still waiting for its copy.
      const record = [...candidates].reverse().find(move => move.movedId === undefined);
      if (record) {
        record.movedId = copy.id;
        changed = true;
      } else {
        this.copies.push(copy);
        if (this.copies.length > 500) {
          this.copies.shift();
        }
      }
    }
    if (changed) {
      await this.area.set({ moves });
    }
  }

  /** A move that did not happen: its record goes, and no other. */
  private async forgetMoveNow(moveId: string): Promise<void> {
    await this.area.set({ moves: (await this.moves()).filter(record => record.moveId !== moveId) });
  }

  async undoOffer(): Promise<UndoOffer | undefined> {
    const raw = (await this.area.get('undoOffer'))['undoOffer'] as UndoOffer | undefined;
    return raw && typeof raw.tabId === 'number' && Array.isArray(raw.moveIds) && typeof raw.at === 'number'
      ? raw
      : undefined;
  }

  async setUndoOffer(offer: UndoOffer | undefined): Promise<void> {
    if (offer) {
      await this.area.set({ undoOffer: offer });
    } else {
      await this.area.remove('undoOffer');
    }
  }

  /** Message-IDs the user declared "not backscatter": never tagged or moved, shown as such. */
  async overrides(): Promise<string[]> {
    return stringList((await this.area.get('overrides'))['overrides']);
  }

  async addOverride(headerMessageId: string): Promise<void> {
    const overrides = await this.overrides();
    if (!overrides.includes(headerMessageId)) {
      await this.area.set({ overrides: [...overrides, headerMessageId].slice(-1000) });
    }
  }
}
