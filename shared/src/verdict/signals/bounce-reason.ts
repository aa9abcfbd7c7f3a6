// Why the message was refused. Spam and virus refusals are what forged mail mostly gets; an
// authentication refusal (SPF/DKIM/DMARC, 5.7.23–5.7.26) means the receiver saw the user's domain on
// mail the domain's servers did not send. Both are weak: a real message can be refused as spam, and a
// misconfigured domain fails its own DMARC (the explanation then tells the user what to fix).
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { WEIGHTS } from '../thresholds';

export const id = 'bounce-reason';

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const a = ctx.analysis;
  if (a.kind === 'virus-notice') {
    return evidence(id, 'backscatter', WEIGHTS.bounceReasonSpam, { variant: 'spam' });
  }
  if (a.kind !== 'ndr' || a.recipients.length === 0) {
    return undefined;
  }
  const reasons = a.recipients.map(r => r.reason);
  if (reasons.every(r => r === 'auth-policy')) {
    return evidence(id, 'backscatter', WEIGHTS.bounceReasonAuth, { variant: 'auth' });
  }
  if (reasons.every(r => r === 'spam-blocked' || r === 'virus-content')) {
    return evidence(id, 'backscatter', WEIGHTS.bounceReasonSpam, { variant: 'spam' });
  }
  return undefined;
}
