// Is the bounced original in the user's Sent folder? The shell looked its Message-ID up (phase one of
// decide). Found is the strongest evidence there is. Not-found is strong but not decisive: mail sent
// from a phone or a script may not be saved. Unavailable (Sent not searchable, not synced) says
// nothing, and must never be read as not-found: the Thunderbird spike junked a real bounce that way
// (../shared/handbook/thunderbird-platform.md).
//
// With no id to look up, the shell searched Sent for a message to the failed recipient around the
// reported date (a `by-recipient` lookup, sent-index.ts). Its not-found is the same fact as the id's
// and weighs the same (one evidence item, one group in SAME_FACT). Its found is decisive only when the
// subject matched too: a message to that person that week, about something unknown, only leans.
import type { Evidence, RecipientLookup } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { WEIGHTS } from '../thresholds';

export const id = 'sent-original';

export function evaluate(ctx: SignalContext): Evidence | undefined {
  let requested: string | undefined;
  let byRecipient: RecipientLookup | undefined;
  for (const l of ctx.analysis.lookups) {
    if (l.role !== 'original') {
      continue;
    }
    if (l.kind === 'by-recipient') {
      byRecipient ??= l;
    } else {
      requested ??= l.messageId;
    }
  }
  requested ??= ctx.original?.messageId;
  if (requested !== undefined) {
    const result = ctx.lookup(requested);
    if (result === 'found') {
      return evidence(id, 'legitimate', WEIGHTS.sentFound, { variant: 'found', messageId: requested });
    }
    if (result === 'not-found') {
      return evidence(id, 'backscatter', WEIGHTS.sentNotFound, {
        variant: 'not-found',
        messageId: requested,
      });
    }
    return evidence(id, 'neutral', 0, { variant: 'unavailable', messageId: requested });
  }
  return byRecipient === undefined ? undefined : recipientEvidence(ctx, id, byRecipient, 'original');
}

/** The evidence of a by-recipient lookup, for sent-original ('original') and sent-reply ('answered'). */
export function recipientEvidence(
  ctx: SignalContext,
  signal: string,
  request: RecipientLookup,
  role: RecipientLookup['role'],
): Evidence {
  const result = ctx.lookup(request.key);
  const params = { address: request.address, subject: request.subject ?? '' };
  if (result === 'found') {
    const full = role === 'original' ? WEIGHTS.sentFound : WEIGHTS.replyFound;
    return request.subject !== undefined
      ? evidence(signal, 'legitimate', full, { variant: 'found-recipient', ...params })
      : evidence(signal, 'legitimate', WEIGHTS.sentFoundRecipientOnly, {
          variant: 'found-recipient-only',
          ...params,
        });
  }
  if (result === 'not-found') {
    const weight = role === 'original' ? WEIGHTS.sentNotFound : WEIGHTS.replyNotFound;
    return evidence(signal, 'backscatter', weight, { variant: 'not-found-recipient', ...params });
  }
  return evidence(signal, 'neutral', 0, { variant: 'unavailable-recipient', ...params });
}

/**
 * Nothing about the original could be checked: no id to look up, and the by-recipient lookup (if any)
 * could not be answered. A by-recipient answer is a check like an id's.
 */
export function nothingChecked(ctx: SignalContext): boolean {
  return ctx.analysis.lookups.every(l => l.kind === 'by-recipient' && ctx.lookup(l.key) === 'unavailable');
}
