// The notice carries no copy of the message it is about, and nothing to look up: none of the checks on
// the original can run. This is a note, not a direction; decide() then leans to "unsure" unless other
// evidence (a campaign, the Sent folder) speaks.
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { nothingChecked } from './sent-original';

export const id = 'no-original';

export function evaluate(ctx: SignalContext): Evidence | undefined {
  if (ctx.original !== undefined || !nothingChecked(ctx) || ctx.analysis.answering?.inReplyTo !== undefined) {
    return undefined;
  }
  return evidence(id, 'neutral', 0, {});
}
