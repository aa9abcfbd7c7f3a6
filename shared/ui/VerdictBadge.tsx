// VerdictBadge: the verdict in one or two words, for lists (the Thunderbird folder sweep, the Outlook
// Inbox sweep) where a whole VerdictCard per row is too much.
//
// Props:
//   verdict     Decision.verdict ('backscatter' | 'legitimate' | 'unsure' | undefined for ordinary mail).
//   confidence? Decision.confidence; shown as a percentage in the title (tooltip) when given.
//   lang?       'en' | 'de' (default 'en').
//   kind?       Analysis.kind: a real auto-reply reads "Auto-reply", not "Real bounce", and the colour
//               follows tone.ts (default: a delivery failure).
//   userOverride? the user said "not backscatter".
//
// Renders <span class="bg-badge bg-badge--<verdict>" data-verdict> with the short label as text.
import { format, type Lang } from '../i18n/index';
import type { MessageKind, Verdict } from '../src/types';
import { shortLabel, verdictTone } from './tone';

export interface VerdictBadgeProps {
  verdict: Verdict | undefined;
  confidence?: number;
  lang?: Lang;
  kind?: MessageKind;
  userOverride?: boolean;
}

export function VerdictBadge({
  verdict,
  confidence,
  lang = 'en',
  kind = 'ndr',
  userOverride = false,
}: VerdictBadgeProps) {
  const key = verdict ?? 'none';
  const tone = verdict === undefined ? undefined : verdictTone(verdict, kind, userOverride);
  const title =
    confidence !== undefined && verdict !== undefined && verdict !== 'unsure'
      ? format('ui.confidence', { percent: Math.round(Math.min(1, Math.max(0, confidence)) * 100) }, lang)
      : undefined;
  return (
    <span
      class={`bg-badge bg-badge--${key}${tone ? ` bg-tone--${tone}` : ''}`}
      data-verdict={key}
      {...(tone ? { 'data-tone': tone } : {})}
      {...(title !== undefined ? { title } : {})}
    >
      {shortLabel(verdict, kind, lang, userOverride)}
    </span>
  );
}
