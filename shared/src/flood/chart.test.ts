import { describe, expect, test } from 'vitest';
import { chartModel, chartSvg, niceCeiling, type ChartText } from './chart';
import { sparkline } from './sparkline';
import { buildTimeline } from './timeline';
import type { Timeline } from './types';

const H = 3_600_000;
const T0 = Date.UTC(2026, 11, 3);
const text: ChartText = {
  title: 'Per hour',
  desc: 'A <wave> & more',
  empty: 'Nothing',
  series: { backscatter: 'Backscatter', unsure: 'Unsure', legitimate: 'Real' },
  tick: t => new Date(t).toISOString().slice(11, 16),
};

function timeline(counts: readonly number[]): Timeline {
  return buildTimeline(
    counts.flatMap((n, i) =>
      Array.from({ length: n }, () => ({ at: T0 + i * H, verdict: 'backscatter' as const })),
    ),
  );
}

test.each([
  [0, 1],
  [1, 1],
  [3, 5],
  [17, 20],
  [20, 20],
  [41, 50],
  [120, 200],
])('niceCeiling(%d) = %d', (n, expected) => {
  expect(niceCeiling(n)).toBe(expected);
});

describe('chartModel', () => {
  test('bars stand on the axis and the peak reaches its share of the scale', () => {
    const m = chartModel(timeline([1, 4, 17, 2]), text);
    expect(m.bars).toHaveLength(4);
    for (const b of m.bars) {
      expect(b.y + b.h).toBeCloseTo(m.plot.bottom, 1);
    }
    const peak = m.bars.find(b => b.value === 17)!;
    expect(peak.h / (m.plot.bottom - m.plot.top)).toBeCloseTo(17 / 20, 2);
    expect(m.grid.map(g => g.label)).toEqual(['0', '10', '20']);
    expect(m.xLabels.map(l => l.label)).toEqual(['00:00', '02:00', '03:00']);
  });

  test('fits 320 units and keeps text out of the plot', () => {
    const m = chartModel(timeline(Array.from({ length: 72 }, (_, i) => i % 5)), text);
    expect(m.width).toBe(320);
    expect(Math.max(...m.bars.map(b => b.x + b.w))).toBeLessThanOrEqual(m.plot.right + 0.01);
  });

  test('nothing dated: an empty chart says so', () => {
    const m = chartModel(buildTimeline([]), text);
    expect(m.bars).toEqual([]);
    expect(chartSvg(m)).toContain('>Nothing</text>');
  });

  test('the SVG is labelled, escaped and inert', () => {
    const svg = chartSvg(chartModel(timeline([2, 3]), text));
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="bg-flood-chart-title bg-flood-chart-desc"/);
    expect(svg).toContain('<desc id="bg-flood-chart-desc">A &#60;wave&#62; &#38; more</desc>');
    expect(svg).not.toMatch(/<script|href=|on[a-z]+=/i);
  });
});

describe('sparkline', () => {
  test.each([
    [[1, 0, 8, 4], 10, '▁ █▄'],
    [[2, 2, 2, 2], 10, '████'],
    [[1, 1, 0, 0, 8, 8], 3, '▁ █'],
    [[], 10, ''],
  ])('%j in %d columns → %j', (counts, width, expected) => {
    expect(sparkline(timeline(counts), width)).toBe(expected);
  });
});
