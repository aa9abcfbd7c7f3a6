// An auto-reply or challenge answers a message by In-Reply-To/References (RFC 3834 §3.1.5). If that
// message is in Sent, the user wrote it; if every id it names was searched and none is there, the
// user did not. Unavailable lookups say nothing. References ids can name other people's messages in
// a thread, so only "all not found" counts against. An auto-reply that names no message was looked up
// by its sender, subject and date instead (a `by-recipient` lookup, the same fact, counted once).
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { WEIGHTS } from '../thresholds';
import { recipientEvidence } from './sent-original';

export const id = 'sent-reply';

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const ids: string[] = [];
  for (const l of ctx.analysis.lookups) {
    if (l.kind !== 'by-recipient' && (l.role === 'in-reply-to' || l.role === 'references')) {
      ids.push(l.messageId);
    }
  }
  if (ids.length === 0 && ctx.analysis.answering?.inReplyTo !== undefined) {
    ids.push(ctx.analysis.answering.inReplyTo);
  }
  if (ids.length === 0) {
    const byRecipient = ctx.analysis.lookups.find(l => l.kind === 'by-recipient' && l.role === 'answered');
    return byRecipient?.kind === 'by-recipient'
      ? recipientEvidence(ctx, id, byRecipient, 'answered')
      : undefined;
  }
  const results = ids.map(messageId => ({ messageId, result: ctx.lookup(messageId) }));
  const found = results.find(r => r.result === 'found');
  if (found) {
    return evidence(id, 'legitimate', WEIGHTS.replyFound, { variant: 'found', messageId: found.messageId });
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
