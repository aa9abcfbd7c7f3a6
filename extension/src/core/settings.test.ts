import { describe, expect, test } from 'vitest';
import { FakeThunderbird } from '../test-support/fake-messenger';
import { DEFAULT_SETTINGS, parseSettings, Store } from './settings';

describe('parseSettings: whatever storage holds becomes valid settings', () => {
  test.each([
    { raw: undefined, expected: DEFAULT_SETTINGS },
    { raw: 'tag-and-move', expected: DEFAULT_SETTINGS },
    { raw: { autoScan: 'delete-everything' }, expected: DEFAULT_SETTINGS },
    { raw: { autoScan: 'off' }, expected: { ...DEFAULT_SETTINGS, autoScan: 'off' } },
    {
      raw: {
        autoScan: 'tag-and-move',
        extraAddresses: [' Alias@Example.test ', '', 3, null],
        trustedRelays: 'smtp.example.test',
      },
      expected: { autoScan: 'tag-and-move', extraAddresses: ['Alias@Example.test'], trustedRelays: [] },
    },
  ])('$raw', ({ raw, expected }) => {
    expect(parseSettings(raw)).toEqual(expected);
  });

  test('the default mode is "tag only"', () => {
    expect(DEFAULT_SETTINGS.autoScan).toBe('tag');
  });
});

describe('Store', () => {
  test('counts add up; corrupt stored counts restart from zero', async () => {
    const tb = new FakeThunderbird();
    tb.storage.set('stats', { junked: 'many', undone: 2 });
    const store = new Store(tb.messenger.storage.local);
    await store.count('junked', 3);
    await store.count('undone');
    expect(await store.stats()).toEqual({ junked: 3, undone: 3, autoTagged: 0, autoMoved: 0 });
  });

  test('move records: a newer move of the same message replaces the older; malformed ones are dropped', async () => {
    const tb = new FakeThunderbird();
    tb.storage.set('moves', [{ headerMessageId: 'x' }, 'junk']);
    const store = new Store(tb.messenger.storage.local);
    const record = { headerMessageId: 'a@b', subject: 's', fromFolderId: 'f', junkFolderId: 'j', at: 1 };
    await store.recordMoves([record]);
    await store.recordMoves([{ ...record, at: 2 }]);
    expect(await store.moves()).toEqual([{ ...record, at: 2 }]);
    await store.forgetMoves(['a@b']);
    expect(await store.moves()).toEqual([]);
  });

  test('an onMoved report that comes before the record is not lost', async () => {
    const tb = new FakeThunderbird();
    const store = new Store(tb.messenger.storage.local);
    await store.noteMovedCopies([{ headerMessageId: 'a@b', folderId: 'j', id: 99 }]);
    await store.recordMoves([
      { headerMessageId: 'a@b', subject: 's', fromFolderId: 'f', junkFolderId: 'j', at: 1 },
    ]);
    expect((await store.moves())[0]?.movedId).toBe(99);
  });
});
