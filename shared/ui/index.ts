// Presentational components shared by the Thunderbird and Outlook shells: props in, JSX out.
// Styles: verdict.css (class names bg-*), which each shell may import or replace.
export { VerdictCard, type VerdictAction, type VerdictCardProps } from './VerdictCard';
export { EvidenceList, type EvidenceListProps } from './EvidenceList';
export { VerdictBadge, type VerdictBadgeProps } from './VerdictBadge';
export { ExplanationList, type ExplanationListProps } from './ExplanationList';
export { Formatted, FormattedText, type FormattedProps, type FormattedTextProps } from './Formatted';
export { format, formatEvidence, evidenceKey, pickLang, type Lang } from '../i18n/index';
export {
  FloodReport,
  SweepFloodReport,
  addressesOf,
  type FloodReportProps,
  type SweepFloodReportProps,
} from './FloodReport';
export { TimelineChart, type TimelineChartProps } from './TimelineChart';
