// The flood report (issue 13): the pure function, its chart and its renderings.
export type * from './types';
export { floodReport, ACCOUNT_WAVE, ACCOUNT_WAVE_HOURS } from './report';
export { buildTimeline } from './timeline';
export {
  chartModel,
  chartSvg,
  SERIES,
  SERIES_COLOURS,
  type ChartModel,
  type ChartBar,
  type Series,
} from './chart';
export { sparkline, sparklineStep } from './sparkline';
export {
  floodView,
  formatParts,
  formatTime,
  plainText,
  type FloodView,
  type Part,
  type Text,
  type Tone,
} from './view';
export { floodHtml, escapeHtml, textHtml } from './html';
export { relayTokens } from './admin';
