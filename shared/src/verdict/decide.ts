// Phase two of the verdict: given the analysis, the user's profile, the Sent-folder lookups the shell
// performed, and optionally recent history, weigh the evidence. Synchronous and pure.
import type { Analysis, Decision, Evidence, History, Lookups, Profile, Verdict } from '../types';
import { type SignalContext, buildContext } from './context';
import { explain } from './explain';
import { SIGNALS } from './registry';
import { SAME_FACT, THRESHOLDS } from './thresholds';

// `other` is ordinary mail and `feedback-report` is an abuse report about someone else's mail: no verdict.
const NO_VERDICT = new Set<Analysis['kind']>(['other', 'feedback-report']);

const NONE: Decision = { verdict: undefined, confidence: 0, evidence: [], explanation: [] };

/**
 * A person's message that carries or quotes a bounce ("I got this back, do you have another address?")
 * is theirs, not an automated message: it is never backscatter and gets no verdict. The bounce inside
 * counts as the user's only when the user forwarded it (verdict issue, item 10). The engine marks such
 * mail (`contains: ['forwarded-report']`, kind `other`); a bounce read out of a forward (`via: 'forwarded'`) from
 * someone else is the same case.
 */
function forwardedByAnother(ctx: SignalContext): boolean {
  const a = ctx.analysis;
  const marked = a.contains?.includes('forwarded-report') === true || a.original?.via === 'forwarded';
  return marked && !(a.from !== undefined && ctx.book.has(a.from.address));
}

/**
 * Phishing dressed as a bounce: a notice in prose that names no failed recipient but the user, no
 * status or diagnostic, and returns no original has nothing a verdict could rest on (verdict issue,
 * item 10). A real bounce says who could not be reached and why, or gives the message back.
 */
function proseWithoutSubstance(ctx: SignalContext): boolean {
  const a = ctx.analysis;
  // A by-recipient lookup is no substance: it only asks about the recipient the notice names.
  if (a.kind !== 'ndr' || a.original !== undefined || a.lookups.some(l => l.kind !== 'by-recipient')) {
    return false;
  }
  return !a.recipients.some(
    r => !ctx.book.has(r.address) || r.status !== undefined || r.diagnostic !== undefined,
  );
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x / THRESHOLDS.confidenceScale));
}

export function decide(analysis: Analysis, profile: Profile, lookups: Lookups, history?: History): Decision {
  if (NO_VERDICT.has(analysis.kind)) {
    return NONE;
  }
  const ctx = buildContext(analysis, profile, lookups, history);
  if (forwardedByAnother(ctx) || proseWithoutSubstance(ctx)) {
    return NONE;
  }
  const found: Evidence[] = [];
  for (const signal of SIGNALS) {
    const e = signal.evaluate(ctx);
    if (e !== undefined) {
      found.push(e);
    }
  }
  const { verdict, confidence } = weigh(found);
  return {
    verdict,
    confidence,
    evidence: found,
    explanation: explain(analysis),
  };
}

/**
 * The verdict a list of evidence adds up to. Exported for the method scripts (the ablation report
 * removes one signal's evidence and weighs the rest again); sorts `found` in place, strongest first.
 */
export function weigh(found: Evidence[]): { verdict: Verdict; confidence: number } {
  // Strongest first; neutral notes last; ties keep registry order (Array.prototype.sort is stable).
  found.sort(
    (a, b) =>
      (b.direction === 'neutral' ? -1 : 0) - (a.direction === 'neutral' ? -1 : 0) || b.weight - a.weight,
  );

  let back = 0;
  let legit = 0;
  let backSignals = 0;
  let veto = false;
  const counted = new Map<string, number>(); // "<fact>/<direction>" → weight already counted
  for (const e of found) {
    if (e.direction === 'neutral') {
      continue;
    }
    const variant = e.params['variant'];
    const fact =
      (typeof variant === 'string' ? SAME_FACT[`${e.signal}/${variant}`] : undefined) ?? SAME_FACT[e.signal];
    let weight = e.weight;
    if (fact !== undefined) {
      const key = `${fact}/${e.direction}`;
      const already = counted.get(key) ?? 0;
      weight = Math.max(0, e.weight - already);
      counted.set(key, Math.max(already, e.weight));
    }
    if (e.direction === 'backscatter') {
      back += weight;
      backSignals += weight > 0 ? 1 : 0;
    } else {
      legit += weight;
      veto ||= e.weight >= THRESHOLDS.vetoLegitimate;
    }
  }
  const margin = back - legit;
  let verdict: Verdict;
  if (veto) {
    // The user's Sent folder holds the original (or the message an auto-reply answers): they sent it,
    // whatever else the message looks like. Only someone who knows the user's sent ids could fake this.
    verdict = 'legitimate';
  } else if (margin >= THRESHOLDS.backscatter && backSignals >= THRESHOLDS.backscatterMinSignals) {
    verdict = 'backscatter';
  } else if (-margin >= THRESHOLDS.legitimate) {
    verdict = 'legitimate';
  } else {
    verdict = 'unsure';
  }
  const confidence =
    verdict === 'unsure'
      ? // how far the evidence leans, either way: 0.5 when it says nothing
        Math.max(logistic(margin), 1 - logistic(margin))
      : logistic(Math.max(Math.abs(margin), veto ? THRESHOLDS.legitimate : 0));
  return { verdict, confidence: Math.round(confidence * 1000) / 1000 };
}
