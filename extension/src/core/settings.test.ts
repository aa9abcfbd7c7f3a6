import type { MoveRecord } from '../thunderbird/junk';
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

  test('move records: one per move (same Message-ID twice stays twice), no cap per batch, malformed dropped', async () => {
    const tb = new FakeThunderbird();
    tb.storage.set('moves', [{ headerMessageId: 'x' }, 'junk']);
    const store = new Store(tb.messenger.storage.local);
    const record = (moveId: string, at: number): MoveRecord => ({
      moveId,
      headerMessageId: 'a@b',
      subject: 's',
      fromFolderId: 'f',
      junkFolderId: 'j',
      at,
      state: 'in-junk',
    });
    await store.recordMoves([record('m1', 1)]);
    await store.recordMoves([record('m2', 2)]);
    expect((await store.moves()).map(move => move.moveId)).toEqual(['m1', 'm2']);
    await store.forgetMove('m1');
    expect((await store.moves()).map(move => move.moveId)).toEqual(['m2']);
    // 250 moves in one batch: all 250 kept (the first version kept 200).
    await store.recordMoves(Array.from({ length: 250 }, (_, index) => record(`b${index}`, 10 + index)));
    expect(await store.moves()).toHaveLength(251);
  });

  test('records of the first version (no moveId, no state) are read as still in Junk', async () => {
    const tb = new FakeThunderbird();
    tb.storage.set('moves', [
      { headerMessageId: 'a@b', subject: 's', fromFolderId: 'f', junkFolderId: 'j', at: 1 },
    ]);
    const [move] = await new Store(tb.messenger.storage.local).moves();
    expect(move).toMatchObject({ state: 'in-junk', moveId: 'legacy-1-j-a@b' });
  });

  test('an onMoved report that comes before the record is not lost, and each copy goes to one record', async () => {
    const tb = new FakeThunderbird();
    const store = new Store(tb.messenger.storage.local);
    await store.noteMovedCopies([{ headerMessageId: 'a@b', folderId: 'j', id: 99 }]);
    const base = {
      headerMessageId: 'a@b',
      subject: 's',
      fromFolderId: 'f',
      junkFolderId: 'j',
      state: 'in-junk' as const,
    };
    await store.recordMoves([{ ...base, moveId: 'm1', at: 1 }]);
    await store.recordMoves([{ ...base, moveId: 'm2', at: 2 }]);
    await store.noteMovedCopies([{ headerMessageId: 'a@b', folderId: 'j', id: 100 }]);
    expect((await store.moves()).map(move => [move.moveId, move.movedId])).toEqual([
      ['m1', 99],
      ['m2', 100],
    ]);
  });

  test('onMoved for one move while the next move is recorded: neither change is lost', async () => {
    const tb = new FakeThunderbird();
    const store = new Store(tb.messenger.storage.local);
    const base = { subject: 's', fromFolderId: 'f', junkFolderId: 'j', state: 'in-junk' as const };
    await store.recordMoves([{ ...base, headerMessageId: 'a@b', moveId: 'm1', at: 1 }]);
    // Both read the history before either writes it back (storage.local is asynchronous).
    await Promise.all([
      store.recordMoves([{ ...base, headerMessageId: 'c@d', moveId: 'm2', at: 2 }]),
      store.noteMovedCopies([{ headerMessageId: 'a@b', folderId: 'j', id: 7 }]),
    ]);
    expect((await store.moves()).map(move => [move.moveId, move.movedId])).toEqual([
      ['m1', 7],
      ['m2', undefined],
    ]);
  });
});
