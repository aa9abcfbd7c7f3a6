// The timeline in one terminal line: eight block heights per bucket total, adjacent buckets merged
// when there are more than the line has room for. Empty buckets are spaces, so a quiet night shows.
import type { Timeline } from './types';

const BLOCKS = '▁▂▃▄▅▆▇█';

export function sparkline(timeline: Timeline, width: number): string {
  const totals = timeline.buckets.map(b => b.backscatter + b.legitimate + b.unsure);
  const room = Math.max(1, Math.floor(width));
  const per = Math.ceil(totals.length / room);
  const merged: number[] = [];
  for (let i = 0; i < totals.length; i += per) {
    merged.push(totals.slice(i, i + per).reduce((a, b) => a + b, 0));
  }
  const max = merged.reduce((a, b) => Math.max(a, b), 0);
  if (max === 0) {
    return '';
  }
  return (
    merged
      // 1…max onto the eight heights: the fullest bucket gets the full block, any message at least ▁.
      .map(n => (n === 0 ? ' ' : BLOCKS[Math.max(0, Math.ceil((n / max) * BLOCKS.length) - 1)]))
      .join('')
  );
}

/** How many buckets one character of a sparkline `width` wide stands for. */
export function sparklineStep(timeline: Timeline, width: number): number {
  return Math.ceil(timeline.buckets.length / Math.max(1, Math.floor(width)));
}
