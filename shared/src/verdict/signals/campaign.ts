// A backscatter wave: dozens of automated messages about unrelated recipient domains within hours.
// Real bounces of one person's mail do not come like that. The shell counts (History); this only tips
// a weak case toward backscatter, it never decides alone (decide() needs two signals). Below a wave, a
// bounce with nothing to check may still lean backscatter by co-arrival (coArrival below).
import type { Evidence, History } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { neverWrittenTo, stranger } from './correspondent';
import { nothingChecked } from './sent-original';
import { THRESHOLDS, WEIGHTS } from '../thresholds';

export const id = 'campaign';

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const h = ctx.history;
  if (h === undefined) {
    return undefined;
  }
  const a = ctx.analysis;
  // No original, and no lookup that could be answered (an answered by-recipient lookup is a check).
  const nothingToCheck = a.original === undefined && nothingChecked(ctx);
  if (
    h.windowHours <= 0 ||
    h.windowHours > THRESHOLDS.campaignMaxHours ||
    h.automatedInWindow < THRESHOLDS.campaignMessages ||
    h.distinctRecipientDomains < THRESHOLDS.campaignDomains
  ) {
    return nothingToCheck ? coArrival(ctx, h) : undefined;
  }
  // A bounce with nothing to check (no original, no id to look up), about a domain the user has never
  // written to, in the middle of a wave: the wave is then the best evidence there is, and it weighs more.
  // A real bounce without its original, for a brand-new contact, arriving during a wave is the price.
  const unchecked = nothingToCheck ? stranger(ctx) : undefined;
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

/**
 * Low-grade backscatter (a few a day, no wave): a bounce with nothing to check, about someone the user
 * never wrote to, while other automated messages nearby were called backscatter on their own evidence
 * (verdict issue, item 9). Never when the user wrote to the counterpart: a real bounce of a real
 * message to them must not be pulled along.
 */
function coArrival(ctx: SignalContext, h: History): Evidence | undefined {
  const nearby = h.backscatterNearby ?? 0;
  const needed = coArrivalNeeded(h.automatedPerDay ?? 0);
  if (nearby < needed || ctx.profile.sampleSize < THRESHOLDS.minSampleForHabits) {
    return undefined;
  }
  const counterpart = neverWrittenTo(ctx);
  if (counterpart === undefined) {
    return undefined;
  }
  return evidence(id, 'backscatter', WEIGHTS.campaignCoArrival, {
    variant: 'co-arrival',
    count: nearby,
    hours: THRESHOLDS.coArrivalHours,
    address: counterpart,
  });
}

/**
 * The smallest count of backscatter-decided neighbours that the user's own automated mail would reach by
 * chance (wrongly called ones) with probability ≤ coArrivalChance: Poisson with mean
 * rate × 2H/24 × false rate (THRESHOLDS).
 */
export function coArrivalNeeded(perDay: number): number {
  const rate = Math.max(0, Number.isFinite(perDay) ? perDay : 0);
  const mean = rate * ((2 * THRESHOLDS.coArrivalHours) / 24) * THRESHOLDS.coArrivalFalseRate;
  let n = 0;
  let term = Math.exp(-mean); // P(X = 0)
  let below = 0; // P(X < n)
  // P(X ≥ n) = 1 − P(X < n); bounded loop: the mean of any mailbox is far below 10,000.
  while (n < 10_000 && 1 - below > THRESHOLDS.coArrivalChance) {
    below += term;
    n++;
    term = (term * mean) / n;
  }
  return Math.max(THRESHOLDS.coArrivalMin, n);
}
