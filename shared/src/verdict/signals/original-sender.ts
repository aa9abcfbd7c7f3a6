// Whose address is on the original? A bounce comes back to the envelope sender; if the original's From
// is not one of the user's addresses, only the envelope was forged with the user's address (the
// commonest spam-run setup). A match says little, since forgers put the user's address in From too.
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { THRESHOLDS, WEIGHTS } from '../thresholds';

export const id = 'original-sender';

export function evaluate(ctx: SignalContext): Evidence | undefined {
  // From, or the envelope sender the receiving side recorded (Return-Path) when the From is missing.
  const from = ctx.original?.from[0]?.address ?? ctx.original?.returnPath;
  if (from === undefined || ctx.book.size === 0) {
    return undefined;
  }
  if (
    ctx.book.has(from) ||
    (ctx.original?.sender !== undefined && ctx.book.has(ctx.original.sender.address))
  ) {
    // Anyone can write the user's address: behind a foreign entry it vouches for nothing.
    return ctx.senderFieldsVouch
      ? evidence(id, 'legitimate', WEIGHTS.senderMatch, { variant: 'match', address: from })
      : undefined;
  }
  const learned = ctx.profile.sampleSize >= THRESHOLDS.minSampleForHabits;
  return evidence(id, 'backscatter', learned ? WEIGHTS.senderForeign : WEIGHTS.senderForeignUnlearned, {
    variant: 'foreign',
    address: from,
  });
}
