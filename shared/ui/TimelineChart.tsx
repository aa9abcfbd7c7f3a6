// TimelineChart: the flood timeline as inline SVG, drawn from the same ChartModel as the HTML export
// (shared/src/flood/chart.ts chartSvg), so the pane and the exported file show the same chart.
// Accessible: role="img" named by the model's <title>, described by its <desc> (counts, span, peak).
import { SERIES_COLOURS, type ChartModel } from '../src/flood/chart';

export interface TimelineChartProps {
  model: ChartModel;
  /** Prefix for the title/desc ids; give each chart on a page its own. */
  idPrefix?: string;
}

export function TimelineChart({ model: m, idPrefix = 'bg-flood-chart' }: TimelineChartProps) {
  const t = `${idPrefix}-title`;
  const d = `${idPrefix}-desc`;
  return (
    <svg
      class="bg-flood__chart"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${m.width} ${m.height}`}
      width="100%"
      role="img"
      aria-labelledby={`${t} ${d}`}
      font-family="system-ui, sans-serif"
      font-size="10"
    >
      <title id={t}>{m.title}</title>
      <desc id={d}>{m.desc}</desc>
      {m.grid.map(g => (
        <g key={`g${g.y}`}>
          <line x1={m.plot.left} x2={m.plot.right} y1={g.y} y2={g.y} stroke="#d0d0d0" stroke-width="0.5" />
          <text x={m.plot.left - 4} y={g.y + 3} text-anchor="end" fill="#444">
            {g.label}
          </text>
        </g>
      ))}
      {m.bars.map(b => (
        <rect
          key={`${b.x}-${b.series}`}
          x={b.x}
          y={b.y}
          width={b.w}
          height={b.h}
          fill={SERIES_COLOURS[b.series]}
          data-series={b.series}
          data-value={b.value}
        />
      ))}
      <line
        x1={m.plot.left}
        x2={m.plot.right}
        y1={m.plot.bottom}
        y2={m.plot.bottom}
        stroke="#444"
        stroke-width="0.75"
      />
      {m.xLabels.map(l => (
        <text key={`x${l.x}`} x={l.x} y={m.plot.bottom + 13} text-anchor={l.anchor} fill="#444">
          {l.label}
        </text>
      ))}
      {m.empty !== undefined ? (
        <text x={m.width / 2} y={(m.plot.top + m.plot.bottom) / 2} text-anchor="middle" fill="#444">
          {m.empty}
        </text>
      ) : null}
      {m.legend.map(l => (
        <g key={l.series}>
          <rect x={l.x} y={l.y - 8} width="9" height="9" fill={SERIES_COLOURS[l.series]} />
          <text x={l.x + 13} y={l.y} fill="#222">
            {l.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
