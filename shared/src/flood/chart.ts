// The flood timeline as a chart: geometry as data (bars, grid, labels, legend), drawn by one renderer
// per target from the same model: chartSvg() here (the HTML export and anything that wants markup) and
// TimelineChart in shared/ui (Preact). No chart library: stacked bars need only rectangles. The view
// box is 320 units wide so it reads at 320 px without scaling text down.
import type { Timeline, TimelineBucket } from './types';

export type Series = 'backscatter' | 'unsure' | 'legitimate';

/** Bottom to top: the forged wave sits on the axis where it reads best. */
export const SERIES: readonly Series[] = ['backscatter', 'unsure', 'legitimate'];

/**
 * The accents of the one colour language (shared/ui/tone.ts TONES: backscatter, unsure, info), which
 * shared/src cannot import: the sweep page shows this chart above rows painted in those tones, so
 * backscatter is amber here too, never red ("your mail did not get through"). "Real" gathers real
 * bounces (red in a row) and real auto-replies (blue): blue, "about your mail". tone.test.ts keeps the
 * values equal.
 */
export const SERIES_COLOURS: Readonly<Record<Series, string>> = {
  backscatter: '#b45309',
  unsure: '#4b5563',
  legitimate: '#1d4ed8',
};

export interface ChartBar {
  x: number;
  y: number;
  w: number;
  h: number;
  series: Series;
  value: number;
}

export interface ChartModel {
  width: number;
  height: number;
  /** Accessible name and description (already in the user's language). */
  title: string;
  desc: string;
  plot: { left: number; top: number; right: number; bottom: number };
  bars: ChartBar[];
  grid: { y: number; label: string }[];
  xLabels: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  legend: { x: number; y: number; series: Series; label: string }[];
  /** Shown instead of bars when nothing is dated. */
  empty: string | undefined;
}

export interface ChartText {
  title: string;
  desc: string;
  empty: string;
  series: Readonly<Record<Series, string>>;
  /** Label of a bucket start on the x axis. */
  tick: (start: number) => string;
}

const WIDTH = 320;
const HEIGHT = 176;
const PLOT = { left: 30, top: 8, right: WIDTH - 6, bottom: 128 };

/** 1, 2, 5, 10, 20, 50 … at or above n. */
export function niceCeiling(n: number): number {
  if (n <= 1) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= n) {
      return step * power;
    }
  }
  return 10 * power;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function chartModel(timeline: Timeline, text: ChartText): ChartModel {
  const legend = SERIES.map((series, i) => ({
    x: PLOT.left + i * 96,
    y: HEIGHT - 8,
    series,
    label: text.series[series],
  }));
  const base = {
    width: WIDTH,
    height: HEIGHT,
    title: text.title,
    desc: text.desc,
    plot: PLOT,
    legend,
  };
  const buckets = timeline.buckets;
  if (buckets.length === 0 || timeline.peak === undefined) {
    return { ...base, bars: [], grid: [], xLabels: [], empty: text.empty };
  }
  const max = niceCeiling(timeline.peak.count);
  const plotW = PLOT.right - PLOT.left;
  const plotH = PLOT.bottom - PLOT.top;
  const slot = plotW / buckets.length;
  const gap = slot >= 4 ? Math.min(2, slot * 0.2) : 0;
  const bars: ChartBar[] = [];
  buckets.forEach((b: TimelineBucket, i) => {
    let y = PLOT.bottom;
    for (const series of SERIES) {
      const value = b[series];
      if (value === 0) {
        continue;
      }
      const h = (value / max) * plotH;
      y -= h;
      bars.push({
        x: round(PLOT.left + i * slot + gap / 2),
        y: round(y),
        w: round(slot - gap),
        h: round(h),
        series,
        value,
      });
    }
  });
  const grid = [0, max / 2, max]
    .filter((v, i, all) => Number.isInteger(v) && all.indexOf(v) === i)
    .map(v => ({ y: round(PLOT.bottom - (v / max) * plotH), label: String(v) }));
  const k = Math.min(buckets.length, 3);
  const xLabels = Array.from({ length: k }, (_, i) => {
    const index = k === 1 ? 0 : Math.round((i * (buckets.length - 1)) / (k - 1));
    const anchor: 'start' | 'middle' | 'end' = i === 0 ? 'start' : i === k - 1 ? 'end' : 'middle';
    const x =
      anchor === 'start'
        ? PLOT.left + index * slot
        : anchor === 'end'
          ? PLOT.left + (index + 1) * slot
          : PLOT.left + (index + 0.5) * slot;
    return { x: round(x), label: text.tick(buckets[index]!.start), anchor };
  });
  return { ...base, bars, grid, xLabels, empty: undefined };
}

/** XML text escaping for the SVG markup. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

/** The model as an SVG document fragment (no script, no external reference). */
export function chartSvg(m: ChartModel, idPrefix = 'bg-flood-chart'): string {
  const t = `${idPrefix}-title`;
  const d = `${idPrefix}-desc`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${m.width} ${m.height}" width="100%" role="img" aria-labelledby="${t} ${d}" font-family="system-ui, sans-serif" font-size="10">`,
    `<title id="${t}">${escapeXml(m.title)}</title>`,
    `<desc id="${d}">${escapeXml(m.desc)}</desc>`,
  ];
  for (const g of m.grid) {
    parts.push(
      `<line x1="${m.plot.left}" x2="${m.plot.right}" y1="${g.y}" y2="${g.y}" stroke="#d0d0d0" stroke-width="0.5"/>`,
      `<text x="${m.plot.left - 4}" y="${g.y + 3}" text-anchor="end" fill="#444">${escapeXml(g.label)}</text>`,
    );
  }
  for (const b of m.bars) {
    parts.push(
      `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="${SERIES_COLOURS[b.series]}" data-series="${b.series}" data-value="${b.value}"/>`,
    );
  }
  parts.push(
    `<line x1="${m.plot.left}" x2="${m.plot.right}" y1="${m.plot.bottom}" y2="${m.plot.bottom}" stroke="#444" stroke-width="0.75"/>`,
  );
  for (const l of m.xLabels) {
    parts.push(
      `<text x="${l.x}" y="${m.plot.bottom + 13}" text-anchor="${l.anchor}" fill="#444">${escapeXml(l.label)}</text>`,
    );
  }
  if (m.empty !== undefined) {
    parts.push(
      `<text x="${m.width / 2}" y="${(m.plot.top + m.plot.bottom) / 2}" text-anchor="middle" fill="#444">${escapeXml(m.empty)}</text>`,
    );
  }
  for (const l of m.legend) {
    parts.push(
      `<rect x="${l.x}" y="${l.y - 8}" width="9" height="9" fill="${SERIES_COLOURS[l.series]}"/>`,
      `<text x="${l.x + 13}" y="${l.y}" fill="#222">${escapeXml(l.label)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
