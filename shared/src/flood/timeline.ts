// The flood over time: automated messages counted per hour, day or week, stacked by verdict. The unit
// follows the span so a two-day wave shows its hours and a month shows its days, and the number of
// buckets stays bounded whatever the dates say (a forged Date header can claim any year).
import type { Verdict } from '../types';
import type { Timeline, TimelineBucket } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Spans up to this many hours are drawn per hour, up to this many days per day, longer ones per week. */
export const HOURLY_MAX_HOURS = 72;
export const DAILY_MAX_DAYS = 120;
/** Never more buckets than this: a set spanning years keeps its newest weeks. */
export const MAX_BUCKETS = 160;

export interface Dated {
  at: number | undefined;
  verdict: Verdict;
}

function floorTo(t: number, unit: number, offsetMs: number): number {
  if (unit === WEEK) {
    // Weeks start on Monday (ISO 8601): 1970-01-05 was a Monday.
    const monday = 4 * DAY;
    return Math.floor((t + offsetMs - monday) / WEEK) * WEEK + monday - offsetMs;
  }
  return Math.floor((t + offsetMs) / unit) * unit - offsetMs;
}

export function buildTimeline(items: readonly Dated[], utcOffsetMinutes = 0): Timeline {
  const offsetMs = utcOffsetMinutes * 60_000;
  const dated = items.filter(
    (i): i is { at: number; verdict: Verdict } => i.at !== undefined && Number.isFinite(i.at),
  );
  const undated = items.length - dated.length;
  if (dated.length === 0) {
    return { unit: 'hour', utcOffsetMinutes, buckets: [], peak: undefined, undated };
  }
  let first = Infinity;
  let last = -Infinity;
  for (const d of dated) {
    first = Math.min(first, d.at);
    last = Math.max(last, d.at);
  }
  const span = last - first;
  const unitName: Timeline['unit'] =
    span < HOURLY_MAX_HOURS * HOUR ? 'hour' : span < DAILY_MAX_DAYS * DAY ? 'day' : 'week';
  const unit = unitName === 'hour' ? HOUR : unitName === 'day' ? DAY : WEEK;
  const lastStart = floorTo(last, unit, offsetMs);
  const firstStart = Math.max(floorTo(first, unit, offsetMs), lastStart - (MAX_BUCKETS - 1) * unit);
  const count = Math.round((lastStart - firstStart) / unit) + 1;
  const buckets: TimelineBucket[] = Array.from({ length: count }, (_, i) => ({
    start: firstStart + i * unit,
    backscatter: 0,
    legitimate: 0,
    unsure: 0,
  }));
  let dropped = 0;
  for (const d of dated) {
    const index = Math.round((floorTo(d.at, unit, offsetMs) - firstStart) / unit);
    const bucket = buckets[index];
    if (bucket === undefined) {
      dropped++; // older than the newest MAX_BUCKETS weeks
      continue;
    }
    bucket[d.verdict]++;
  }
  let peak: Timeline['peak'];
  for (const b of buckets) {
    const total = b.backscatter + b.legitimate + b.unsure;
    if (total > 0 && (peak === undefined || total > peak.count)) {
      peak = { start: b.start, count: total, backscatter: b.backscatter };
    }
  }
  return { unit: unitName, utcOffsetMinutes, buckets, peak, undated: undated + dropped };
}
