// storage.local with its values kept in memory after the first read. The background is the only
// code that reads or writes the extension's storage (the pages ask it), so within one life of the
// event page what it last read or wrote is what storage holds. Each storage.local.get is an
// IndexedDB transaction answered on Thunderbird's main thread, the thread that also draws the
// message and its banner: a display read three keys on the banner's path (the Undo offer, the
// profile, the "not backscatter" list), about 3% of that thread's work in the window between
// the message document loading and its banner (Gecko profile of the e2e timing round).
//
// Every value handed out is a copy, as storage.local hands out copies: callers may change what
// they got. A read that was in flight while the same key was written is not kept (it may hold the
// value from before the write); a write that failed leaves the key unknown, so the next read asks
// storage again.
import type { StorageArea } from '../thunderbird/api';

type Known = { present: true; value: unknown } | { present: false };

export class MemoStorage implements StorageArea {
  private readonly known = new Map<string, Known>();
  /** Writes started per key: a read or write only records what it saw if no later write began. */
  private readonly writes = new Map<string, number>();

  constructor(private readonly area: StorageArea) {}

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    if (typeof keys !== 'string') {
      return this.area.get(keys);
    }
    const known = this.known.get(keys);
    if (known) {
      return known.present ? { [keys]: structuredClone(known.value) } : {};
    }
    const version = this.version(keys);
    const items = await this.area.get(keys);
    if (this.version(keys) === version) {
      this.known.set(
        keys,
        keys in items ? { present: true, value: structuredClone(items[keys]) } : { present: false },
      );
    }
    return items;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const keys = Object.keys(items);
    const versions = keys.map(key => this.startWrite(key));
    await this.area.set(items);
    keys.forEach((key, index) => {
      if (this.version(key) === versions[index]) {
        this.known.set(key, { present: true, value: structuredClone(items[key]) });
      }
    });
  }

  async remove(keys: string | string[]): Promise<void> {
    const list = typeof keys === 'string' ? [keys] : keys;
    const versions = list.map(key => this.startWrite(key));
    await this.area.remove(keys);
    list.forEach((key, index) => {
      if (this.version(key) === versions[index]) {
        this.known.set(key, { present: false });
      }
    });
  }

  private version(key: string): number {
    return this.writes.get(key) ?? 0;
  }

  private startWrite(key: string): number {
    const next = this.version(key) + 1;
    this.writes.set(key, next);
    this.known.delete(key);
    return next;
  }
}
