// What a shell counts for co-arrival (verdict issue, item 9), computed over the scenario set's own
// timeline: for a bounce with nothing to check, the other automated messages of the same persona within
// ±THRESHOLDS.coArrivalHours, about other domains, that decide() called backscatter on their own
// evidence (a first pass), and the persona's usual rate of automated mail per day over the whole set.
// Then the bounce is decided again with that history.
import { decide, lookupKey } from '../../src/index';
import { THRESHOLDS } from '../../src/verdict/thresholds';
import type { Analysis, History, Lookups, Profile } from '../../src/types';
import type { Outcome } from './evaluate';

export interface Redecidable extends Outcome {
  profile: Profile;
  lookups: Lookups;
  history: History | undefined;
}

// As the engine's campaign signal sees it: no original, and no lookup that was answered.
const nothingToCheck = (a: Analysis, answers: Lookups) =>
  a.original === undefined &&
  a.lookups.every(
    l => l.kind === 'by-recipient' && (answers[lookupKey(l)] ?? 'unavailable') === 'unavailable',
  );
const domainOf = (a: Analysis) => a.recipients[0]?.address.split('@')[1]?.toLowerCase();
const timeOf = (a: Analysis) => (a.date === undefined ? Number.NaN : Date.parse(a.date));

export function withCoArrival(outcomes: readonly Redecidable[]): Outcome[] {
  const byPersona = new Map<string, Redecidable[]>();
  for (const o of outcomes) {
    if (o.analysis.kind !== 'other') {
      byPersona.set(o.row.persona, [...(byPersona.get(o.row.persona) ?? []), o]);
    }
  }
  const rate = new Map<string, number>();
  for (const [persona, list] of byPersona) {
    const times = list.map(o => timeOf(o.analysis)).filter(t => !Number.isNaN(t));
    const days = times.length > 1 ? Math.max(1, (Math.max(...times) - Math.min(...times)) / 86_400_000) : 1;
    rate.set(persona, list.length / days);
  }
  const window = THRESHOLDS.coArrivalHours * 3_600_000;
  return outcomes.map(o => {
    if (o.decision.verdict === undefined || !nothingToCheck(o.analysis, o.lookups)) {
      return o;
    }
    const at = timeOf(o.analysis);
    const domain = domainOf(o.analysis);
    const nearby = (byPersona.get(o.row.persona) ?? []).filter(
      x =>
        x !== o &&
        x.decision.verdict === 'backscatter' &&
        Math.abs(timeOf(x.analysis) - at) <= window &&
        domainOf(x.analysis) !== domain,
    ).length;
    const history: History = {
      ...(o.history ?? { automatedInWindow: 0, distinctRecipientDomains: 0, windowHours: 48 }),
      backscatterNearby: nearby,
      automatedPerDay: rate.get(o.row.persona) ?? 0,
    };
    return { ...o, decision: decide(o.analysis, o.profile, o.lookups, history) };
  });
}
