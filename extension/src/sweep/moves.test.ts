import { describe, expect, test } from 'vitest';
import type { MoveRecord } from '../thunderbird/junk';
import { relist, unfound } from './moves';
import type { SweepRow } from './sweeper';

const row = (messageId: number, headerMessageId: string, verdict: SweepRow['verdict']): SweepRow => ({
  messageId,
  headerMessageId,
  subject: 's',
  author: 'a',
  kind: 'ndr',
  verdict,
  userOverride: false,
});

const move = (sourceId: number, headerMessageId: string, restoredId?: number): MoveRecord => ({
  moveId: `move-${sourceId}`,
  headerMessageId,
  subject: 's',
  fromFolderId: 'account1://INBOX',
  junkFolderId: 'account1://Junk',
  at: 0,
  sourceId,
  ...(restoredId !== undefined ? { restoredId } : {}),
  state: 'restored',
});

/** Rows listed on the page now. */
const listedNow =
  (...ids: number[]) =>
  (id: number) =>
    ids.includes(id);

describe('relist: each undone move listed again once, under the id its message has now', () => {
  test.each([
    {
      name: 'the id the background found, with the verdict from before the move (no re-read)',
      restored: [move(1, 'a@x', 11)],
      removed: [row(1, 'a@x', 'backscatter')],
      found: [],
      listed: listedNow(),
      rows: [row(11, 'a@x', 'backscatter')],
      missing: 0,
    },
    {
      name: 'not found at once: the row found by Message-ID keeps the old verdict, not the fresh one',
      restored: [move(1, 'a@x')],
      removed: [row(1, 'a@x', 'backscatter')],
      found: [row(12, 'a@x', 'legitimate')],
      listed: listedNow(),
      rows: [row(12, 'a@x', 'backscatter')],
      missing: 0,
    },
    {
      name: 'a twin that never left (still listed) is not taken for the restored message',
      restored: [move(1, 'a@x')],
      removed: [row(1, 'a@x', 'backscatter')],
      found: [row(2, 'a@x', 'backscatter')],
      listed: listedNow(2),
      rows: [],
      missing: 1,
    },
    {
      name: 'two moves of one Message-ID, two copies found: each listed once',
      restored: [move(1, 'a@x'), move(3, 'a@x')],
      removed: [row(1, 'a@x', 'backscatter'), row(3, 'a@x', 'unsure')],
      found: [row(21, 'a@x', 'legitimate'), row(22, 'a@x', 'legitimate')],
      listed: listedNow(),
      rows: [row(21, 'a@x', 'backscatter'), row(22, 'a@x', 'unsure')],
      missing: 0,
    },
    {
      name: 'two moves of one Message-ID, one copy found: one listed, one said to be missing',
      restored: [move(1, 'a@x', 21), move(3, 'a@x')],
      removed: [row(1, 'a@x', 'backscatter'), row(3, 'a@x', 'unsure')],
      found: [row(21, 'a@x', 'legitimate')],
      listed: listedNow(),
      rows: [row(21, 'a@x', 'backscatter')],
      missing: 1,
    },
    {
      name: 'nothing found: missing, never a row without a message',
      restored: [move(1, 'a@x')],
      removed: [row(1, 'a@x', 'backscatter')],
      found: [],
      listed: listedNow(),
      rows: [],
      missing: 1,
    },
    {
      name: 'a move from elsewhere (no row on this page) found by Message-ID: its fresh row',
      restored: [move(7, 'b@x')],
      removed: [],
      found: [row(30, 'b@x', 'unsure')],
      listed: listedNow(),
      rows: [row(30, 'b@x', 'unsure')],
      missing: 0,
    },
  ])('$name', ({ restored, removed, found, listed, rows, missing }) => {
    expect(relist(restored, removed, found, listed)).toEqual({ rows, missing });
  });

  test('only moves without a usable id are looked for, each Message-ID once', () => {
    expect(
      unfound([move(1, 'a@x', 11), move(2, 'b@x'), move(3, 'b@x'), move(4, 'c@x', 5)], listedNow(5)),
    ).toEqual(['b@x', 'c@x']);
  });
});
