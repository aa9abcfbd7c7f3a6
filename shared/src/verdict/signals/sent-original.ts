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
//
// Found decides only when the bounce arrived when a real one would (security issue 8 §6, the bounce
// side): the user's Message-IDs are public wherever their mail is (list archives show each post whole:
// id, headers, body), so a forged "could not be delivered" can quote a real message of the user, and
// would otherwise carry the product's "real bounce" endorsement. What the forger cannot change is when
// that message was sent, nor the Received field the user's own server adds to the bounce. A found id (or
// a by-recipient find anchored on dates) outside BOUNCED_WINDOW_HOURS, or one whose dates cannot be
// compared, is ordinary evidence (`sentFoundOutOfWindow`): neither decisive nor a veto.
import type { Evidence, RecipientLookup } from '../../types';
import { arrivalMismatch, type ArrivalWindow } from '../arrival';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { WEIGHTS } from '../thresholds';

export const id = 'sent-original';

/**
 * When a genuine bounce or delay notice arrives, relative to the Sent copy of the message it returns. A
 * server gives up after its queue lifetime: Postfix `maximal_queue_lifetime` 5d, Sendmail
 * `Timeout.queuereturn` 5d, Exim's default retry rule ends after 4 days (sites commonly set 4–7),
 * Exchange's message expiration timeout 2 days; RFC 5321 §4.5.4.1 asks for at least 4–5 days. Some sites
 * raise it, and a message may wait at more than one hop (a smarthost, then the recipient's relay): 14
 * days after. Before: one day, for a wrong zone or clock on either side (as `ANSWERED_WINDOW_HOURS`).
 */
export const BOUNCED_WINDOW_HOURS: ArrivalWindow = { before: 24, after: 14 * 24 };

/** The id the shell looked the original up by, and the by-recipient request when there was no id. */
function requests(ctx: SignalContext): {
  requested: string | undefined;
  byRecipient: RecipientLookup | undefined;
} {
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
  return { requested, byRecipient };
}

/** A found original's arrival mismatch (undefined: not found by id, or within the window). */
function foundLate(ctx: SignalContext, requested: string): ReturnType<typeof arrivalMismatch> {
  return arrivalMismatch(ctx.analysis, ctx.sentCopy(requested)?.date, BOUNCED_WINDOW_HOURS);
}

/**
 * The bounce quotes a header block of a message the user really sent, found in Sent by its id, but
 * arrived long before or after any genuine bounce of it could (`found-date-mismatch`): the quoted
 * headers are a replay of that old message (copied whole from a list archive), so every field in them
 * (route, signatures, authentication results, id, From, User-Agent) is the genuine old message's and
 * says nothing about who sent this bounce's subject (security issue 8, the replay finding). Undated
 * (either side has no date) stays as it was: nothing shows a replay, only that it cannot be compared.
 */
export function replayedOriginal(
  ctx: SignalContext,
): { messageId: string; sentDate: string; arrived: string } | undefined {
  const { requested } = requests(ctx);
  if (ctx.original === undefined || requested === undefined || ctx.lookup(requested) !== 'found') {
    return undefined;
  }
  const late = foundLate(ctx, requested);
  return late?.variant === 'found-date-mismatch'
    ? {
        messageId: requested,
        sentDate: String(late.params['sentDate']),
        arrived: String(late.params['replyDate']),
      }
    : undefined;
}

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const { requested, byRecipient } = requests(ctx);
  if (requested !== undefined) {
    const result = ctx.lookup(requested);
    if (result === 'found') {
      const late = foundLate(ctx, requested);
      return late === undefined
        ? evidence(id, 'legitimate', WEIGHTS.sentFound, { variant: 'found', messageId: requested })
        : evidence(id, 'legitimate', WEIGHTS.sentFoundOutOfWindow, {
            variant: late.variant,
            messageId: requested,
            ...late.params,
          });
    }
    if (result === 'not-found') {
      return evidence(id, 'backscatter', WEIGHTS.sentNotFound, {
        variant: 'not-found',
        messageId: requested,
      });
    }
    return evidence(id, 'neutral', 0, { variant: 'unavailable', messageId: requested });
  }
  return byRecipient === undefined
    ? undefined
    : recipientEvidence(ctx, id, byRecipient, 'original', BOUNCED_WINDOW_HOURS);
}

/**
 * The evidence of a by-recipient lookup, for sent-original ('original') and sent-reply ('answered');
 * `window`: when a genuine notice of that role arrives after the message (BOUNCED_WINDOW_HOURS,
 * ANSWERED_WINDOW_HOURS).
 */
export function recipientEvidence(
  ctx: SignalContext,
  signal: string,
  request: RecipientLookup,
  role: RecipientLookup['role'],
  window: ArrivalWindow,
): Evidence {
  const result = ctx.lookup(request.key);
  const params = { address: request.address, subject: request.subject ?? '' };
  if (result === 'found') {
    // The copy lies within the lookup's window around its anchor (a quoted or the notice's own Date, both
    // written by the sender): it can be a genuine bounce's only if that window reaches the arrival window.
    const late = arrivalMismatch(ctx.analysis, request.date, window, request.windowHours);
    if (late !== undefined) {
      // Named, not shown to be the user's: as a bounce's find out of its window, or a References hit.
      const weak = role === 'original' ? WEIGHTS.sentFoundOutOfWindow : WEIGHTS.replyReferencesFound;
      return evidence(signal, 'legitimate', weak, {
        variant:
          late.variant === 'found-undated' ? 'found-recipient-undated' : 'found-recipient-date-mismatch',
        ...params,
        ...late.params,
      });
    }
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
