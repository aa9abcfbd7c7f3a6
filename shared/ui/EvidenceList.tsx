// EvidenceList: the evidence behind a verdict, one line of plain text per item.
//
// Props:
//   evidence       Evidence[] from decide(), already ordered strongest first (Decision.evidence).
//   lang?          'en' | 'de' (default 'en'); missing strings fall back to English.
//   limit?         show at most this many items (default: all).
//   includeNeutral? show neutral notes too (default true).
//   showWeights?   append each item's weight, for a details view (default false).
//
// Renders <ul class="bg-evidence"> with one <li data-signal data-direction> per item, or nothing when
// there is nothing to show. Text only: params from the message (subjects, hosts) are rendered as text,
// each in its own <bdi> (Formatted), so right-to-left data cannot reorder the sentence.
import { evidenceKey, format, type Lang } from '../i18n/index';
import { Formatted } from './Formatted';
import type { Evidence } from '../src/types';

export interface EvidenceListProps {
  evidence: readonly Evidence[];
  lang?: Lang;
  limit?: number;
  includeNeutral?: boolean;
  showWeights?: boolean;
}

export function EvidenceList({
  evidence,
  lang = 'en',
  limit,
  includeNeutral = true,
  showWeights = false,
}: EvidenceListProps) {
  const shown = evidence
    .filter(item => includeNeutral || item.direction !== 'neutral')
    .slice(0, limit ?? evidence.length);
  if (shown.length === 0) {
    return null;
  }
  return (
    <ul class="bg-evidence">
      {shown.map((item, index) => (
        <li
          key={`${item.signal}-${index}`}
          class={`bg-evidence__item bg-evidence__item--${item.direction}`}
          data-signal={item.signal}
          data-direction={item.direction}
        >
          <span class="bg-evidence__direction">{format(`ui.toward.${item.direction}`, {}, lang)}: </span>
          <span class="bg-evidence__text">
            <Formatted k={evidenceKey(item)} params={item.params} lang={lang} />
          </span>
          {showWeights ? (
            <span class="bg-evidence__weight"> ({format('ui.weight', { weight: item.weight }, lang)})</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
