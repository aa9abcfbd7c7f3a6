import { describe, expect, test } from 'vitest';
import type { DisplayedView } from '../protocol';
import type { StorageArea } from '../thunderbird/api';
import { scenario } from '../test-support/scenario';
import { MemoStorage } from './memo-storage';

/** An in-memory storage.local that counts its reads and can hold a read or fail a write. */
function countingArea(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(initial));
  const reads: string[] = [];
  let held: (() => void) | undefined;
  let failWrites = false;
  const area: StorageArea = {
    get: async keys => {
      reads.push(String(keys));
      const wanted = typeof keys === 'string' ? [keys] : (keys ?? [...data.keys()]);
      const snapshot = Object.fromEntries(
        wanted.filter(key => data.has(key)).map(key => [key, structuredClone(data.get(key))]),
      );
      if (held === undefined) {
        await new Promise<void>(resolve => {
          held = resolve;
        });
      }
      return snapshot;
    },
    set: async items => {
      if (failWrites) {
        throw new Error('QuotaExceededError');
      }
      for (const [key, value] of Object.entries(items)) {
        data.set(key, structuredClone(value));
      }
    },
    remove: async keys => {
      for (const key of typeof keys === 'string' ? [keys] : keys) {
        data.delete(key);
      }
    },
  };
  return {
    area,
    reads,
    data,
    /** Reads answer at once from now on (the first read waits for release()). */
    release: () => {
      const waiting = held;
      held = () => undefined;
      waiting?.();
    },
    failWrites: (fail: boolean) => {
      failWrites = fail;
    },
  };
}

describe('storage.local kept in memory after the first read', () => {
  test('a key is read from storage once; every read hands out its own copy', async () => {
    const storage = countingArea({ overrides: ['a@x'] });
    storage.release();
    const memo = new MemoStorage(storage.area);
    const first = (await memo.get('overrides'))['overrides'] as string[];
    first.push('changed by the caller');
    expect(await memo.get('overrides')).toEqual({ overrides: ['a@x'] });
    expect(await memo.get('undoOffer')).toEqual({});
    expect(await memo.get('undoOffer')).toEqual({});
    expect(storage.reads).toEqual(['overrides', 'undoOffer']);
  });

  test('what was written or removed is read back without asking storage', async () => {
    const storage = countingArea({ profile: { v: 1 } });
    storage.release();
    const memo = new MemoStorage(storage.area);
    await memo.set({ undoOffer: { tabId: 1 } });
    await memo.remove('profile');
    expect(await memo.get('undoOffer')).toEqual({ undoOffer: { tabId: 1 } });
    expect(await memo.get('profile')).toEqual({});
    expect(storage.reads).toEqual([]);
    expect(storage.data.has('profile')).toBe(false);
  });

  test('a read in flight while the key is written does not bring the old value back', async () => {
    const storage = countingArea({ overrides: ['old'] });
    const memo = new MemoStorage(storage.area);
    const slowRead = memo.get('overrides');
    await memo.set({ overrides: ['new'] });
    storage.release();
    expect(await slowRead).toEqual({ overrides: ['old'] });
    expect(await memo.get('overrides')).toEqual({ overrides: ['new'] });
  });

  test('after a failed write the key is read from storage again', async () => {
    const storage = countingArea({ stats: { junked: 1 } });
    storage.release();
    const memo = new MemoStorage(storage.area);
    expect(await memo.get('stats')).toEqual({ stats: { junked: 1 } });
    storage.failWrites(true);
    await expect(memo.set({ stats: { junked: 2 } })).rejects.toThrow('QuotaExceededError');
    expect(await memo.get('stats')).toEqual({ stats: { junked: 1 } });
    expect(storage.reads).toEqual(['stats', 'stats']);
  });

  test('the banner path: a second displayed bounce reads nothing from storage', async () => {
    const s = scenario();
    const get = s.tb.messenger.storage.local.get;
    const reads: string[] = [];
    s.tb.messenger.storage.local.get = keys => {
      reads.push(String(keys));
      return get(keys);
    };
    const show = async (message: 'backscatter' | 'legit') => {
      s.tb.displayed.set(1, [s.messages[message].id]);
      const view = (await s.app.service.handle(
        { type: 'check-displayed' },
        { tab: { id: 1, active: true } },
      )) as DisplayedView;
      expect(view.result?.message.id).toBe(s.messages[message].id);
    };
    await show('backscatter');
    expect(reads.length).toBeGreaterThan(0);
    reads.length = 0;
    await show('legit');
    expect(reads).toEqual([]);
  });
});
