// The sweep page's list: rows keyed by Thunderbird's message id (two messages may share a
// Message-ID, and moving one must not hide the other — issue 11 item 3), counts per verdict kept up
// to date as rows come and go, and the rows cut into fixed chunks with a version each, so the page
// re-renders only the chunk that changed (appending 20 rows to a list of 600 touches one chunk).
import type { SweepRow } from './sweeper';

export type RowVerdict = SweepRow['verdict'];

export interface RowState extends SweepRow {
  selected: boolean;
  /** Moved back by Undo and listed again. */
  restored: boolean;
}

export interface VerdictCount {
  total: number;
  selected: number;
}

export const CHUNK_SIZE = 100;
export const VERDICT_ORDER: RowVerdict[] = ['backscatter', 'unsure', 'legitimate', 'none'];

export interface Chunk {
  key: string;
  version: number;
  rows: RowState[];
}

export class SweepModel {
  private rows: RowState[] = [];
  private readonly position = new Map<number, number>();
  private versions: number[] = [];
  private generation = 0;
  private cache: (Chunk | undefined)[] = [];
  readonly counts = new Map<RowVerdict, VerdictCount>();

  get size(): number {
    return this.rows.length;
  }

  has(messageId: number): boolean {
    return this.position.has(messageId);
  }

  /** Adds rows not listed yet; backscatter comes preselected unless `restored`. */
  append(rows: readonly SweepRow[], restored = false): number {
    let added = 0;
    for (const row of rows) {
      if (this.position.has(row.messageId)) {
        continue;
      }
      const state: RowState = { ...row, selected: !restored && row.verdict === 'backscatter', restored };
      this.position.set(row.messageId, this.rows.length);
      this.rows.push(state);
      this.bump(this.rows.length - 1);
      this.count(state, 1);
      added += 1;
    }
    return added;
  }

  toggle(messageId: number): void {
    const at = this.position.get(messageId);
    const row = at === undefined ? undefined : this.rows[at];
    if (at === undefined || !row) {
      return;
    }
    this.set(at, { ...row, selected: !row.selected });
  }

  /** Selects or clears every row of one verdict (all verdicts when undefined). */
  selectAll(selected: boolean, verdict?: RowVerdict): void {
    this.rows.forEach((row, at) => {
      if ((verdict === undefined || row.verdict === verdict) && row.selected !== selected) {
        this.set(at, { ...row, selected });
      }
    });
  }

  selectedIds(): number[] {
    return this.rows.filter(row => row.selected).map(row => row.messageId);
  }

  /** Takes rows out (they were moved); returns them, for Undo to list them again. */
  remove(messageIds: readonly number[]): RowState[] {
    const gone = new Set(messageIds);
    const removed = this.rows.filter(row => gone.has(row.messageId));
    if (removed.length === 0) {
      return [];
    }
    this.rows = this.rows.filter(row => !gone.has(row.messageId));
    this.position.clear();
    this.rows.forEach((row, at) => this.position.set(row.messageId, at));
    for (const row of removed) {
      this.count(row, -1);
    }
    // Every chunk after the first removed row shifted: new keys, fresh renders.
    this.generation += 1;
    this.versions = [];
    this.cache = [];
    return removed;
  }

  chunks(): Chunk[] {
    const chunks: Chunk[] = [];
    for (let index = 0; index * CHUNK_SIZE < this.rows.length; index += 1) {
      const version = this.versions[index] ?? 0;
      let chunk = this.cache[index];
      if (!chunk || chunk.version !== version) {
        chunk = {
          key: `${this.generation}-${index}`,
          version,
          rows: this.rows.slice(index * CHUNK_SIZE, (index + 1) * CHUNK_SIZE),
        };
        this.cache[index] = chunk;
      }
      chunks.push(chunk);
    }
    return chunks;
  }

  selectedCount(): number {
    let selected = 0;
    for (const count of this.counts.values()) {
      selected += count.selected;
    }
    return selected;
  }

  private set(at: number, row: RowState): void {
    const before = this.rows[at];
    if (before) {
      this.count(before, -1);
    }
    this.rows[at] = row;
    this.count(row, 1);
    this.bump(at);
  }

  private bump(at: number): void {
    const index = Math.floor(at / CHUNK_SIZE);
    this.versions[index] = (this.versions[index] ?? 0) + 1;
  }

  private count(row: RowState, sign: 1 | -1): void {
    const count = this.counts.get(row.verdict) ?? { total: 0, selected: 0 };
    count.total += sign;
    count.selected += row.selected ? sign : 0;
    this.counts.set(row.verdict, count);
  }
}
