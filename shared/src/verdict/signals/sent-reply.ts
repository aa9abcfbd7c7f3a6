// An auto-reply or challenge answers a message by In-Reply-To/References (RFC 3834 §3.1.5). If the
// message its In-Reply-To names is in Sent, the user wrote it; if every id it names was searched and
// none is there, the user did not. Unavailable lookups say nothing. References ids can name other
// people's messages in a thread, so only "all not found" counts against, and a References hit alone
// never carries the veto. An auto-reply that names no message was looked up by its sender, subject and
// date instead (a `by-recipient` lookup, the same fact, counted once).
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { WEIGHTS } from '../thresholds';
import { recipientEvidence } from './sent-original';

export const id = 'sent-reply';

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
      ? recipientEvidence(ctx, id, byRecipient, 'answered')
      : undefined;
  }
  const results = ids.map(messageId => ({ messageId, result: ctx.lookup(messageId) }));
  // Only In-Reply-To names the message answered (RFC 5322 §3.6.4, RFC 3834 §3.1.5). References lists a
  // whole thread, and anyone can copy one of the user's real ids into it (public list archives carry
  // them), so a References hit alone is weak evidence and never the decisive veto (security issue,
  // item 6).
  const answered = results.find(r => r.result === 'found' && inReplyTo.includes(r.messageId));
  if (answered) {
    return evidence(id, 'legitimate', WEIGHTS.replyFound, {
      variant: 'found',
      messageId: answered.messageId,
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
