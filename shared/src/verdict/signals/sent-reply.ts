// An auto-reply or challenge answers a message by In-Reply-To/References (RFC 3834 §3.1.5). If the
// message its In-Reply-To names is in Sent, the user wrote it; if every id it names was searched and
// none is there, the user did not. Unavailable lookups say nothing. References ids can name other
// people's messages in a thread, so only "all not found" counts against, and a References hit alone
// never carries the veto. An auto-reply that names no message was looked up by its sender, subject and
// date instead (a `by-recipient` lookup, the same fact, counted once).
//
// The veto needs more than the id (security issue 8 §6): the user's Message-IDs are public wherever
// their mail is (mailing-list archives show each post's id, subject and date), so a forged auto-reply
// can name a real one in In-Reply-To. What the forger cannot change is when the named message was sent.
// So the veto holds only when the reply arrived (its topmost Received, which the user's own server
// writes; else its Date) within ANSWERED_WINDOW_HOURS after the Sent copy, and its quoted subject does
// not contradict the copy's. The date is the condition that constrains: an archive id of last year is
// useless. The subject constrains little (the archive shows it next to the id), but it costs a genuine
// responder nothing and keeps a lure out of the subject line of a forgery built on a fresh id. A reply
// or copy without a readable date cannot show it: no veto. A found id that fails the check is ordinary
// evidence, weighed as a References hit, and the explanation says why. What remains open: an id the
// user made public days ago (a fresh list post) fits the window.
import { displayText } from '../../display-text';
import { normalizeSubject, sameSubject } from '../../sent-index';
import type { Analysis, Evidence, EvidenceParams, FoundInSent } from '../../types';
import { arrivalMismatch, type ArrivalWindow } from '../arrival';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { WEIGHTS } from '../thresholds';
import { recipientEvidence } from './sent-original';

export const id = 'sent-reply';

/**
 * When a genuine automatic reply is dated, relative to the message it answers. After: a responder answers
 * on arrival (RFC 3834 §2), but the message may wait in queues for up to five days (RFC 5321 §4.5.4.1)
 * and a client-side responder (Outlook's rules for POP/IMAP accounts) answers only when its program next
 * runs, after a holiday: 30 days. Before: one day, for a wrong zone or clock on either side (as the
 * by-recipient window for quoted dates, `LOOKUP_WINDOW_HOURS.quotedDate`).
 */
export const ANSWERED_WINDOW_HOURS: ArrivalWindow = { before: 24, after: 30 * 24 };

/** Whether a reply that names the Sent copy in In-Reply-To agrees with it; why not when it does not. */
export function answeredAgrees(
  reply: Pick<Analysis, 'date' | 'receivedAt' | 'answering'>,
  copy: FoundInSent | undefined,
):
  | { variant: undefined }
  | { variant: 'found-undated' | 'found-date-mismatch' | 'found-subject-mismatch'; params: EvidenceParams } {
  const late = arrivalMismatch(reply, copy?.date, ANSWERED_WINDOW_HOURS);
  if (late !== undefined) {
    return late;
  }
  const quoted = normalizeSubject(reply.answering?.quotedSubject);
  // The reply's subject passed through displayText when analyze() returned; the copy's as the shell
  // read it: clean it the same way, or a control character in the user's own subject would differ.
  const wrote = normalizeSubject(copy?.subject === undefined ? undefined : displayText(copy.subject));
  // Responders prepend (tags, their own prefixes in languages we do not strip): one subject holding the
  // other agrees; only two different subjects contradict.
  if (
    quoted !== undefined &&
    wrote !== undefined &&
    !sameSubject(quoted, wrote) &&
    !quoted.includes(wrote) &&
    !wrote.includes(quoted)
  ) {
    return { variant: 'found-subject-mismatch', params: {} };
  }
  return { variant: undefined };
}

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const inReplyTo: string[] = [];
  const references: string[] = [];
  for (const l of ctx.analysis.lookups) {
    if (l.kind !== 'by-recipient' && l.role === 'in-reply-to') {
      inReplyTo.push(l.messageId);
    } else if (l.kind !== 'by-recipient' && l.role === 'references') {
      references.push(l.messageId);
    }
  }
  if (inReplyTo.length === 0 && references.length === 0 && ctx.analysis.answering?.inReplyTo !== undefined) {
    inReplyTo.push(ctx.analysis.answering.inReplyTo);
  }
  const ids = [...inReplyTo, ...references];
  if (ids.length === 0) {
    const byRecipient = ctx.analysis.lookups.find(l => l.kind === 'by-recipient' && l.role === 'answered');
    return byRecipient?.kind === 'by-recipient'
      ? recipientEvidence(ctx, id, byRecipient, 'answered', ANSWERED_WINDOW_HOURS)
      : undefined;
  }
  const results = ids.map(messageId => ({ messageId, result: ctx.lookup(messageId) }));
  // Only In-Reply-To names the message answered (RFC 5322 §3.6.4, RFC 3834 §3.1.5). References lists a
  // whole thread, and anyone can copy one of the user's real ids into it (public list archives carry
  // them), so a References hit alone is weak evidence and never the decisive veto (security issue,
  // item 6).
  const answered = results.find(r => r.result === 'found' && inReplyTo.includes(r.messageId));
  if (answered) {
    // A challenge that quotes the message it answers: its id was looked up once, as the original, and
    // sent-original weighs that find (and the copy's facts are not read for that role).
    if (
      ctx.analysis.lookups.some(
        l => l.kind !== 'by-recipient' && l.role === 'original' && l.messageId === answered.messageId,
      )
    ) {
      return undefined;
    }
    const check = answeredAgrees(ctx.analysis, ctx.sentCopy(answered.messageId));
    if (check.variant === undefined) {
      return evidence(id, 'legitimate', WEIGHTS.replyFound, {
        variant: 'found',
        messageId: answered.messageId,
      });
    }
    // Named, but not shown to be answered: as much as a References hit, never the veto.
    return evidence(id, 'legitimate', WEIGHTS.replyReferencesFound, {
      variant: check.variant,
      messageId: answered.messageId,
      ...check.params,
    });
  }
  const threaded = results.find(r => r.result === 'found');
  if (threaded) {
    return evidence(id, 'legitimate', WEIGHTS.replyReferencesFound, {
      variant: 'references-found',
      messageId: threaded.messageId,
    });
  }
  const first = results[0]!;
  if (results.every(r => r.result === 'not-found')) {
    return evidence(id, 'backscatter', WEIGHTS.replyNotFound, {
      variant: 'not-found',
      messageId: first.messageId,
    });
  }
  return evidence(id, 'neutral', 0, { variant: 'unavailable', messageId: first.messageId });
}
