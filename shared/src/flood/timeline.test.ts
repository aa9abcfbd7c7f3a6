import { describe, expect, test } from 'vitest';
import { MAX_BUCKETS, buildTimeline } from './timeline';

const H = 3_600_000;
const T0 = Date.UTC(2026, 11, 3, 0, 0, 0);

describe('buildTimeline', () => {
  test.each([
    ['two hours apart', [0, 2 * H], 'hour', 3],
    ['71 hours', [0, 71 * H], 'hour', 72],
    ['three days and more', [0, 72 * H], 'day', 4],
    ['a month', [0, 30 * 24 * H], 'day', 31],
    ['half a year', [0, 180 * 24 * H], 'week', 27],
  ] as const)('%s → per %s, %d buckets', (_name, offsets, unit, count) => {
    const t = buildTimeline(offsets.map(o => ({ at: T0 + o, verdict: 'backscatter' as const })));
    expect(t.unit).toBe(unit);
    expect(t.buckets.length).toBe(count);
  });

  test('stacks by verdict, finds the peak, counts the undated', () => {
    const t = buildTimeline([
      { at: T0 + 10, verdict: 'backscatter' },
      { at: T0 + H + 1, verdict: 'backscatter' },
      { at: T0 + H + 2, verdict: 'legitimate' },
      { at: T0 + H + 3, verdict: 'unsure' },
      { at: undefined, verdict: 'backscatter' },
    ]);
    expect(t.buckets).toEqual([
      { start: T0, backscatter: 1, legitimate: 0, unsure: 0 },
      { start: T0 + H, backscatter: 1, legitimate: 1, unsure: 1 },
    ]);
    expect(t.peak).toEqual({ start: T0 + H, count: 3, backscatter: 1 });
    expect(t.undated).toBe(1);
  });

  test('day boundaries follow the user’s offset', () => {
    // 23:30 UTC is 00:30 the next day at UTC+1.
    const t = buildTimeline(
      [
        { at: T0 - H / 2, verdict: 'unsure' },
        { at: T0 + 5 * 24 * H, verdict: 'unsure' },
      ],
      60,
    );
    expect(t.buckets[0]!.start).toBe(T0 - H);
  });

  test('a forged date decades away cannot make millions of buckets', () => {
    const t = buildTimeline([
      { at: Date.UTC(1970, 0, 1), verdict: 'backscatter' },
      { at: T0, verdict: 'backscatter' },
    ]);
    expect(t.unit).toBe('week');
    expect(t.buckets.length).toBe(MAX_BUCKETS);
    expect(t.undated).toBe(1);
  });

  test('nothing dated: no buckets, no peak', () => {
    expect(buildTimeline([])).toMatchObject({ buckets: [], peak: undefined, undated: 0 });
  });
});
