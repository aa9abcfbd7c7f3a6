// An auto-reply or challenge answers a message by In-Reply-To/References (RFC 3834 §3.1.5). If the
// message its In-Reply-To names is in Sent, the user wrote it; if every id it names was searched and
// none is there, the user did not. Unavailable lookups say nothing. References ids can name other people's messages in
// a thread, so only "all not found" counts against.
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { WEIGHTS } from '../thresholds';

export const id = 'sent-reply';

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const inReplyTo = ctx.analysis.lookups.filter(l => l.role === 'in-reply-to').map(l => l.messageId);
  const references = ctx.analysis.lookups.filter(l => l.role === 'references').map(l => l.messageId);
  if (inReplyTo.length === 0 && references.length === 0 && ctx.analysis.answering?.inReplyTo !== undefined) {
    inReplyTo.push(ctx.analysis.answering.inReplyTo);
  }
  const ids = [...inReplyTo, ...references];
  if (ids.length === 0) {
    return undefined;
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
