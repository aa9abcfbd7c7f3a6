// Campaign history for decide() (issue 3 §1: "counts of automated messages received recently, so a
// campaign — dozens of bounces for unrelated recipients within hours — can tip unsure toward
// backscatter"). The CLI sees the whole folder, so each message gets the automated messages of the
// WINDOW_HOURS before it (by Date header), as a mail client would have counted them on arrival. Pure.
import {
  HISTORY_WINDOW_HOURS,
  countsInWave,
  waveDomains,
  type Analysis,
  type History,
  type MessageKind,
} from '../../shared/src/index';

export const WINDOW_HOURS = HISTORY_WINDOW_HOURS;

/** Does this kind count toward (and get) a campaign history? The engine's rule. */
export const countsInHistory = (kind: MessageKind): boolean => countsInWave(kind);

function dateOf(a: Analysis): number | undefined {
  if (a.date === undefined) {
    return undefined;
  }
  const t = Date.parse(a.date.replace(/\s*\([^)]*\)\s*$/, ''));
  return Number.isNaN(t) ? undefined : t;
}

/** One History per analysis (undefined when the message has no usable Date or is not counted). */
export function histories(
  analyses: readonly (Analysis | undefined)[],
  windowHours = WINDOW_HOURS,
): (History | undefined)[] {
  const items = analyses
    .map((a, index) => {
      const domains = a ? waveDomains(a) : undefined;
      return { index, domains, t: domains !== undefined && a ? dateOf(a) : undefined };
    })
    .filter(
      (x): x is { index: number; domains: string[]; t: number } =>
        x.t !== undefined && x.domains !== undefined,
    )
    .sort((x, y) => x.t - y.t);
  const out: (History | undefined)[] = analyses.map(() => undefined);
  const windowMs = windowHours * 3600 * 1000;
  const domainCount = new Map<string, number>();
  let start = 0;
  // Two pointers over the time-sorted messages; domains counted as a multiset so removal is O(1).
  for (let end = 0; end < items.length; end++) {
    const current = items[end];
    if (current === undefined) {
      continue;
    }
    for (const d of current.domains) {
      domainCount.set(d, (domainCount.get(d) ?? 0) + 1);
    }
    for (
      let first = items[start];
      first !== undefined && first.t < current.t - windowMs;
      first = items[start]
    ) {
      for (const d of first.domains) {
        const n = (domainCount.get(d) ?? 1) - 1;
        if (n === 0) {
          domainCount.delete(d);
        } else {
          domainCount.set(d, n);
        }
      }
      start++;
    }
    out[current.index] = {
      automatedInWindow: end - start + 1,
      distinctRecipientDomains: domainCount.size,
      windowHours,
    };
  }
  return out;
}
