// Presentational components shared by the Thunderbird and Outlook shells: props in, JSX out.
// Styles: verdict.css (class names bg-*), which each shell may import or replace.
export { VerdictCard, type VerdictAction, type VerdictCardProps } from './VerdictCard';
export { EvidenceList, type EvidenceListProps } from './EvidenceList';
export { VerdictBadge, type VerdictBadgeProps } from './VerdictBadge';
export { ExplanationList, type ExplanationListProps } from './ExplanationList';
export { verdictTone, shortLabel, TONES, type Tone, type ToneColors } from './tone';
export { Formatted, FormattedText, type FormattedProps, type FormattedTextProps } from './Formatted';
export { format, formatEvidence, evidenceKey, pickLang, type Lang } from '../i18n/index';
