// The one line shown above the message body ("Likely backscatter: …" / "Real bounce: …"), fitted to
// Outlook's 150-character limit by notify.ts.
import type { Lang } from '../../../shared/i18n/index';
import { displayText } from '../../../shared/src/index';
import { t } from '../strings';
import type { Assessment } from './assess';

// "was not delivered" is only true of a failure; a delay notice gets the general wording.
const FAILURE_KINDS = new Set(['ndr']);

/**
 * undefined: nothing worth a banner (ordinary mail); any stale banner should be removed. The line is
 * plain text (no <bdi> there): the engine's output is already free of control and bidi characters,
 * and the finished line goes through the same rule once more, whatever assessment it was built from.
 */
export function notificationText(assessment: Assessment, lang: Lang): string | undefined {
  const text = lineFor(assessment, lang);
  return text === undefined ? undefined : displayText(text);
}

function lineFor({ analysis, decision }: Assessment, lang: Lang): string | undefined {
  if (analysis.kind === 'other') {
    return undefined;
  }
  const kind = t(`kind.${analysis.kind}`, {}, lang);
  switch (decision?.verdict) {
    case 'backscatter':
      return t('notify.backscatter', { kind }, lang);
    case 'legitimate': {
      const recipient =
        analysis.recipients.find(r => r.action === 'failed' || r.action === 'delayed') ??
        analysis.recipients[0];
      return FAILURE_KINDS.has(analysis.kind) && recipient
        ? t('notify.legitimate', { recipient: recipient.address }, lang)
        : t('notify.legitimate.other', { kind }, lang);
    }
    case 'unsure':
      return t('notify.unsure', { kind }, lang);
    default:
      return decision ? undefined : t('notify.analysis', { kind }, lang);
  }
}
