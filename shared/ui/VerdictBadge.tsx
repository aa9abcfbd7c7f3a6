// VerdictBadge: the verdict in one or two words, for lists (the Thunderbird folder sweep, the Outlook
// Inbox sweep) where a whole VerdictCard per row is too much.
//
// Props:
//   verdict     Decision.verdict ('backscatter' | 'legitimate' | 'unsure' | undefined for ordinary mail).
//   confidence? Decision.confidence; shown as a percentage in the title (tooltip) when given.
//   lang?       'en' | 'de' (default 'en').
//
// Renders <span class="bg-badge bg-badge--<verdict>" data-verdict> with the short label as text.
import { format, type Lang } from '../i18n/index';
import type { Verdict } from '../src/types';

export interface VerdictBadgeProps {
  verdict: Verdict | undefined;
  confidence?: number;
  lang?: Lang;
}

export function VerdictBadge({ verdict, confidence, lang = 'en' }: VerdictBadgeProps) {
  const key = verdict ?? 'none';
  const title =
    confidence !== undefined && verdict !== undefined && verdict !== 'unsure'
      ? format('ui.confidence', { percent: Math.round(Math.min(1, Math.max(0, confidence)) * 100) }, lang)
      : undefined;
  return (
    <span class={`bg-badge bg-badge--${key}`} data-verdict={key} {...(title !== undefined ? { title } : {})}>
      {format(`verdict.${key}.short`, {}, lang)}
    </span>
  );
}
