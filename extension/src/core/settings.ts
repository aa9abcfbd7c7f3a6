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

function parseMoves(raw: unknown): MoveRecord[] {
  if (!Array.isArray(raw)) {
    return [];
  }
  return raw.filter(
    (item): item is MoveRecord =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as MoveRecord).headerMessageId === 'string' &&
      typeof (item as MoveRecord).fromFolderId === 'string' &&
      typeof (item as MoveRecord).junkFolderId === 'string' &&
      typeof (item as MoveRecord).at === 'number',
  );
}

const MAX_MOVES = 200;

/** Typed access to storage.local. Keys: settings, stats, profile, moves, overrides. */
const copyKey = (folderId: string, headerMessageId: string) => `${folderId}\n${headerMessageId}`;

export class Store {
  /** Recent onMoved reports, by destination folder and Message-ID. */
  private readonly copies = new Map<string, number>();

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

  async moves(): Promise<MoveRecord[]> {
    return parseMoves((await this.area.get('moves'))['moves']);
  }

  async recordMoves(records: readonly MoveRecord[]): Promise<void> {
    // onMoved may have reported the copy already (local folders report it during the move).
    records = records.map(record => {
      const movedId = record.movedId ?? this.copies.get(copyKey(record.junkFolderId, record.headerMessageId));
      return movedId === undefined ? record : { ...record, movedId };
    });
    const kept = (await this.moves()).filter(
      old => !records.some(record => record.headerMessageId === old.headerMessageId),
    );
    await this.area.set({ moves: [...kept, ...records].slice(-MAX_MOVES) });
  }

  /** messages.onMoved told us where a moved message now is. */
  async noteMovedCopies(
    copies: readonly { headerMessageId: string; folderId: string; id: number }[],
  ): Promise<void> {
    for (const copy of copies) {
      this.copies.set(copyKey(copy.folderId, copy.headerMessageId), copy.id);
    }
    while (this.copies.size > MAX_MOVES) {
      const oldest = this.copies.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.copies.delete(oldest);
    }
    const moves = await this.moves();
    let changed = false;
    for (const copy of copies) {
      const record = moves.find(
        move => move.headerMessageId === copy.headerMessageId && move.junkFolderId === copy.folderId,
      );
      if (record && record.movedId !== copy.id) {
        record.movedId = copy.id;
        changed = true;
      }
    }
    if (changed) {
      await this.area.set({ moves });
    }
  }

  async forgetMoves(headerMessageIds: readonly string[]): Promise<void> {
    await this.area.set({
      moves: (await this.moves()).filter(record => !headerMessageIds.includes(record.headerMessageId)),
    });
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
