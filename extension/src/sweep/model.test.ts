import { expect, test } from 'vitest';
import { CHUNK_SIZE, SweepModel } from './model';
import type { SweepRow } from './sweeper';

const row = (
  messageId: number,
  verdict: SweepRow['verdict'],
  headerMessageId = `m${messageId}@x`,
): SweepRow => ({
  messageId,
  headerMessageId,
  subject: 's',
  author: 'a',
  kind: 'ndr',
  verdict,
  userOverride: false,
});

test('rows are keyed by message id: the same Message-ID twice is two rows, the same id once', () => {
  const model = new SweepModel();
  expect(
    model.append([row(1, 'backscatter', 'dup@x'), row(2, 'backscatter', 'dup@x'), row(1, 'backscatter')]),
  ).toBe(2);
  model.remove([1]);
  expect(model.size).toBe(1);
  expect(model.has(2)).toBe(true);
  expect(model.selectedIds()).toEqual([2]);
});

test('counts per verdict follow appends, toggles, select-all and removals', () => {
  const model = new SweepModel();
  model.append([row(1, 'backscatter'), row(2, 'legitimate'), row(3, 'unsure'), row(4, 'legitimate')]);
  expect(Object.fromEntries(model.counts)).toEqual({
    backscatter: { total: 1, selected: 1 },
    legitimate: { total: 2, selected: 0 },
    unsure: { total: 1, selected: 0 },
  });
  model.selectAll(true, 'legitimate');
  model.toggle(1);
  expect(model.selectedIds()).toEqual([2, 4]);
  expect(model.selectedCount()).toBe(2);
  model.remove([2]);
  expect(model.counts.get('legitimate')).toEqual({ total: 1, selected: 1 });
  model.selectAll(false);
  expect(model.selectedCount()).toBe(0);
});

test('restored rows come back unselected, even backscatter', () => {
  const model = new SweepModel();
  model.append([row(9, 'backscatter')], true);
  expect(model.selectedIds()).toEqual([]);
  expect(model.chunks()[0]?.rows[0]?.restored).toBe(true);
});

test('appending or toggling changes only the chunk it touches (what the page re-renders)', () => {
  const model = new SweepModel();
  model.append(Array.from({ length: CHUNK_SIZE * 2 + 5 }, (_, index) => row(index + 1, 'unsure')));
  const before = model.chunks();
  expect(before.map(chunk => chunk.rows.length)).toEqual([CHUNK_SIZE, CHUNK_SIZE, 5]);
  model.append([row(10_000, 'unsure')]);
  model.toggle(1);
  const after = model.chunks();
  expect(after[1]).toBe(before[1]);
  expect(after[0]).not.toBe(before[0]);
  expect(after[2]?.rows).toHaveLength(6);
});
