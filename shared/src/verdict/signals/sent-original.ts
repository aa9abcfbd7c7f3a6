// Is the bounced original in the user's Sent folder? The shell looked its Message-ID up (phase one of
// decide). Found is the strongest evidence there is. Not-found is strong but not decisive: mail sent
// from a phone or a script may not be saved. Unavailable (Sent not searchable, not synced) says
// nothing, and must never be read as not-found: the Thunderbird spike junked a real bounce that way
// (../shared/handbook/thunderbird-platform.md).
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { WEIGHTS } from '../thresholds';

export const id = 'sent-original';

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const requested =
    ctx.analysis.lookups.find(l => l.role === 'original')?.messageId ?? ctx.original?.messageId;
  if (requested === undefined) {
    return undefined;
  }
  const result = ctx.lookup(requested);
  if (result === 'found') {
    return evidence(id, 'legitimate', WEIGHTS.sentFound, { variant: 'found', messageId: requested });
  }
  if (result === 'not-found') {
    return evidence(id, 'backscatter', WEIGHTS.sentNotFound, { variant: 'not-found', messageId: requested });
  }
  return evidence(id, 'neutral', 0, { variant: 'unavailable', messageId: requested });
}
