// Campaign history for decide() (issue 3 §1: "counts of automated messages received recently, so a
// campaign — dozens of bounces for unrelated recipients within hours — can tip unsure toward
// backscatter"). The CLI sees the whole folder, so each message gets the automated messages of the
// WINDOW_HOURS before it (by Date header), as a mail client would have counted them on arrival. Pure.
import type { Analysis, History, MessageKind } from '../../shared/src/index';

export const WINDOW_HOURS = 24;

// The kinds History counts (types.ts: ndr/delay/auto-reply/challenge/virus-notice).
const COUNTED: ReadonlySet<MessageKind> = new Set([
  'ndr',
  'delay',
  'auto-reply',
  'challenge',
  'virus-notice',
]);

/** Does this kind count toward (and get) a campaign history? */
export const countsInHistory = (kind: MessageKind): boolean => COUNTED.has(kind);

/** Domains an automated message is about: its failed recipients, or for a reply, who replied. */
function domainsOf(a: Analysis): string[] {
  const addresses =
    a.recipients.length > 0 ? a.recipients.map(r => r.address) : a.from ? [a.from.address] : [];
  return [
    ...new Set(addresses.map(x => x.slice(x.lastIndexOf('@') + 1).toLowerCase()).filter(d => d !== '')),
  ];
}

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
    .map((a, index) => ({ index, a, t: a && COUNTED.has(a.kind) ? dateOf(a) : undefined }))
    .filter((x): x is { index: number; a: Analysis; t: number } => x.t !== undefined)
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
    for (const d of domainsOf(current.a)) {
      domainCount.set(d, (domainCount.get(d) ?? 0) + 1);
    }
    for (
      let first = items[start];
      first !== undefined && first.t < current.t - windowMs;
      first = items[start]
    ) {
      for (const d of domainsOf(first.a)) {
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
