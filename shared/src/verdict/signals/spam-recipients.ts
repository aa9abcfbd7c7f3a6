// The original's recipient list as a spam run leaves it: dozens of addresses at once, the list hidden
// ("undisclosed-recipients:;" group syntax, RFC 5322 §3.4), or the message "from you to you" while the
// failed recipient is someone else (the real recipients were in the envelope only).
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { THRESHOLDS, WEIGHTS } from '../thresholds';

export const id = 'spam-recipients';

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const o = ctx.original;
  if (o === undefined) {
    return undefined;
  }
  const count = o.to.length + o.cc.length;
  if (count >= THRESHOLDS.manyRecipients) {
    return evidence(id, 'backscatter', WEIGHTS.recipientsMany, { variant: 'many', count });
  }
  const toHeader = o.headers.find(h => h.name === 'to')?.value;
  if (
    count === 0 &&
    toHeader !== undefined &&
    /undisclosed|unlisted|recipient list suppressed/i.test(toHeader)
  ) {
    return evidence(id, 'backscatter', WEIGHTS.recipientsUndisclosed, {
      variant: 'undisclosed',
      to: toHeader.trim().slice(0, 60),
    });
  }
  const from = o.from[0]?.address.toLowerCase();
  const failed = ctx.analysis.recipients.map(r => r.address.toLowerCase());
  if (
    from !== undefined &&
    o.to.length === 1 &&
    o.cc.length === 0 &&
    o.to[0]!.address.toLowerCase() === from &&
    failed.length > 0 &&
    !failed.includes(from)
  ) {
    return evidence(id, 'backscatter', WEIGHTS.recipientsSelf, { variant: 'self', address: from });
  }
  return undefined;
}
