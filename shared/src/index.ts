// The engine's public API. Nothing else under shared/src is public, but for the flood report
// (./flood/index.ts), which shells load on demand: exported from here it landed in the Outlook task
// pane's start bundle (57.9 → 67.4 KB gzip of our code, over its 60 KB budget).
export type * from './types';
export { AUTOMATED_KINDS } from './types';
export { splitMbox, looksLikeMbox, lastSeparatorStart, type MboxFormat, type SplitMboxOptions } from './mbox';
export { analyze, analyzeSync, overBudget } from './analyze';
export { displayText, displaySafe } from './display-text';
export { summarizeHeaders } from './summarize';
export { hinted, screen, worthReading, type ListFields } from './screen';
export { HISTORY_WINDOW_HOURS, countsInWave, historyAt, waveDomains, type WaveEntry } from './history';
export { decide } from './verdict/decide';
export {
  SentIndex,
  foundAnswer,
  judgeByRecipient,
  lookupKey,
  lookupResult,
  lookupWindow,
  normalizeSubject,
  parseMailDate,
  unavailableLookups,
  type JudgeOptions,
  type SentCandidate,
} from './sent-index';
export {
  learnProfile,
  emptyProfile,
  learnProfileFromSummaries,
  learnFromConfirmed,
  withConfirmed,
  type LearnOptions,
} from './verdict/profile';
