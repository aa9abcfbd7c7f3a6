// BATV (Bounce Address Tag Validation, draft-levine-smtp-batv): when the user's outgoing server tags
// the envelope sender (prvs=TAG=user@example.org), every real bounce comes back to a tagged address;
// backscatter comes back to the plain one, because the forger could not make a valid tag. Only used
// when the profile says the user's mail is tagged.
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { batvTag } from '../addresses';
import { evidence } from '../signal';
import { WEIGHTS } from '../thresholds';

export const id = 'return-path-tag';

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const tags = ctx.profile.returnPathTags;
  if (tags.length === 0) {
    return undefined;
  }
  // A replayed original's Return-Path carries the old message's valid tag (context.ts `originalHeadersVouch`).
  const returnPath = ctx.originalHeadersVouch ? ctx.original?.returnPath : undefined;
  const seen = [...ctx.analysis.to.map(m => m.address), returnPath].filter(
    (a): a is string => a !== undefined,
  );
  if (seen.length === 0) {
    return undefined;
  }
  const tagged = seen.map(batvTag).find(t => t !== undefined && tags.includes(t));
  if (tagged !== undefined) {
    return evidence(id, 'legitimate', WEIGHTS.returnPathTagPresent, { variant: 'present', tag: tagged });
  }
  return evidence(id, 'backscatter', WEIGHTS.returnPathTagMissing, { variant: 'missing', tags: [...tags] });
}
