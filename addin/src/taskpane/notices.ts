// The one-line notices under a verdict: what the check could not use, in words a user can act on
// ("Sent Items not searched: your organisation has not set this up"), never a developer message.
import type { GraphAvailability } from '../graph/port';
import type { Assessment } from '../verdict/assess';
import type { Notice } from './check-item';

export interface NoticeInputs {
  graph: GraphAvailability;
  /** Graph is signed in: Sent Items lookups and the Sent profile are in use. */
  connected: boolean;
  /** Messages of the user's own the pane has learned from (roaming settings). */
  learnedSamples: number;
}

export function noticesFor(assessment: Assessment, inputs: NoticeInputs): Notice[] {
  const verdict = assessment.decision?.verdict;
  if (verdict === undefined || inputs.connected) {
    return [];
  }
  const out: Notice[] = [];
  if (assessment.analysis.lookups.length > 0) {
    out.push({
      key:
        inputs.graph === 'not-configured'
          ? 'limit.sent.not-configured'
          : inputs.graph === 'not-supported'
            ? 'limit.sent.not-supported'
            : 'limit.sent.not-connected',
    });
  }
  out.push(
    inputs.learnedSamples > 0
      ? { key: 'limit.learned', params: { count: inputs.learnedSamples } }
      : { key: 'limit.no-profile' },
  );
  return out;
}
