// A backscatter wave: dozens of automated messages about unrelated recipient domains within hours.
// Real bounces of one person's mail do not come like that. The shell counts (History); this only tips
// a weak case toward backscatter, it never decides alone (decide() needs two signals).
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { stranger } from './correspondent';
import { nothingChecked } from './sent-original';
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
  // A bounce with nothing to check (no original, no id to look up), about a domain the user has never
  // written to, in the middle of a wave: the wave is then the best evidence there is, and it weighs more.
  // A real bounce without its original, for a brand-new contact, arriving during a wave is the price.
  const a = ctx.analysis;
  const unchecked = a.original === undefined && nothingChecked(ctx) ? stranger(ctx) : undefined;
  if (unchecked !== undefined) {
    return evidence(id, 'backscatter', WEIGHTS.campaignUncheckedStranger, {
      variant: 'unchecked-stranger',
      count: h.automatedInWindow,
      domains: h.distinctRecipientDomains,
      hours: h.windowHours,
      address: unchecked,
    });
  }
  return evidence(id, 'backscatter', WEIGHTS.campaign, {
    count: h.automatedInWindow,
    domains: h.distinctRecipientDomains,
    hours: h.windowHours,
  });
}
