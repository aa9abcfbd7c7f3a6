// A backscatter wave: dozens of automated messages about unrelated recipient domains within hours.
// Real bounces of one person's mail do not come like that. The shell counts (History); this only tips
// a weak case toward backscatter, it never decides alone (decide() needs two signals).
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { THRESHOLDS, WEIGHTS } from '../thresholds';

export const id = 'campaign';

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const h = ctx.history;
  if (
    h === undefined ||
    h.windowHours <= 0 ||
    h.windowHours > THRESHOLDS.campaignMaxHours ||
    h.automatedInWindow < THRESHOLDS.campaignMessages ||
    h.distinctRecipientDomains < THRESHOLDS.campaignDomains
  ) {
    return undefined;
  }
  return evidence(id, 'backscatter', WEIGHTS.campaign, {
    count: h.automatedInWindow,
    domains: h.distinctRecipientDomains,
    hours: h.windowHours,
  });
}
