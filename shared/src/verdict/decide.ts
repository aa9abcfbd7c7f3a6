// Phase two of the verdict: given the analysis, the user's profile, the Sent-folder lookups the shell
// performed, and optionally recent history, weigh the evidence. Synchronous and pure.
import type { Analysis, Decision, Evidence, History, Lookups, Profile, Verdict } from '../types';
import { buildContext } from './context';
import { explain } from './explain';
import { SIGNALS } from './registry';
import { SAME_FACT, THRESHOLDS } from './thresholds';

// `other` is ordinary mail and `feedback-report` is an abuse report about someone else's mail: no verdict.
const NO_VERDICT = new Set<Analysis['kind']>(['other', 'feedback-report']);

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x / THRESHOLDS.confidenceScale));
}

export function decide(analysis: Analysis, profile: Profile, lookups: Lookups, history?: History): Decision {
  if (NO_VERDICT.has(analysis.kind)) {
    return { verdict: undefined, confidence: 0, evidence: [], explanation: [] };
  }
  const ctx = buildContext(analysis, profile, lookups, history);
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
