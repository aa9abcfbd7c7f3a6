// Campaign history for decide() (issue 3 §1: "counts of automated messages received recently, so a
// campaign — dozens of bounces for unrelated recipients within hours — can tip unsure toward
// backscatter"). The CLI sees the whole folder, so each message gets the automated messages of the
// WINDOW_HOURS up to it (by Date header), counted by the engine's own rule (`historyAt`: every message
// dated in the window up to and including this one's time, so two bounces stamped the same second both
// count two). The CLI only finds each window by binary search over the sorted dates. Pure.
import {
  HISTORY_WINDOW_HOURS,
  countsInWave,
  historyAt,
  parseMailDate,
  waveDomains,
  type Analysis,
  type History,
  type MessageKind,
  type WaveEntry,
} from '../../shared/src/index';

export const WINDOW_HOURS = HISTORY_WINDOW_HOURS;

/** Does this kind count toward (and get) a campaign history? The engine's rule. */
export const countsInHistory = (kind: MessageKind): boolean => countsInWave(kind);

/** The first index whose entry is dated after `t` (strict) or at/after it. */
function bound(entries: readonly WaveEntry[], t: number, strict: boolean): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = entries[mid]!.at;
    if (strict ? at <= t : at < t) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** One History per analysis (undefined when the message has no usable Date or is not counted). */
export function histories(
  analyses: readonly (Analysis | undefined)[],
  windowHours = WINDOW_HOURS,
): (History | undefined)[] {
  const dated: { index: number; entry: WaveEntry }[] = [];
  analyses.forEach((a, index) => {
    const domains = a ? waveDomains(a) : undefined;
    const at = domains !== undefined ? parseMailDate(a?.date) : undefined;
    if (domains !== undefined && at !== undefined) {
      dated.push({ index, entry: { at, domains } });
    }
  });
  dated.sort((x, y) => x.entry.at - y.entry.at);
  const entries = dated.map(d => d.entry);
  const out: (History | undefined)[] = analyses.map(() => undefined);
  for (const { index, entry } of dated) {
    const window = entries.slice(
      bound(entries, entry.at - windowHours * 3_600_000, false),
      bound(entries, entry.at, true),
    );
    out[index] = historyAt(window, entry.at, windowHours);
  }
  return out;
}
