// Whether an automated message arrived when a genuine one would have, after the Sent copy it names
// (security issue 8 §6). The user's Message-IDs, subjects and dates are public wherever their mail is
// (mailing-list archives), so a forger can name or quote a real one; what they cannot change is when
// that message was sent, nor the Received field the user's own server adds on delivery. One comparison
// for auto-replies (`sent-reply`) and bounces (`sent-original`); each signal owns its window.
import { parseMailDate } from '../sent-index';
import type { Analysis, EvidenceParams } from '../types';

export interface ArrivalWindow {
  /** Hours the message may arrive before the Sent copy's date (a wrong zone or clock on either side). */
  readonly before: number;
  /** Hours it may arrive after. */
  readonly after: number;
}

const HOUR = 3_600_000;

/** YYYY-MM-DD (UTC), for the explanation. */
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * `undefined` when `message` arrived (its topmost Received, which the user's server writes; else its own
 * Date) within `window` of `sentDate`; otherwise why not. `slackHours` widens the window both ways when
 * the Sent copy's date is known only to within that much (a by-recipient lookup's window).
 */
export function arrivalMismatch(
  message: Pick<Analysis, 'date' | 'receivedAt'>,
  sentDate: string | undefined,
  window: ArrivalWindow,
  slackHours = 0,
): { variant: 'found-undated' | 'found-date-mismatch'; params: EvidenceParams } | undefined {
  const sent = parseMailDate(sentDate);
  // A forger writes Date and could backdate it to fit a years-old id, but not the Received field the
  // user's server adds; Date only when no Received was read.
  const arrived = parseMailDate(message.receivedAt) ?? parseMailDate(message.date);
  if (sent === undefined || arrived === undefined) {
    return { variant: 'found-undated', params: {} };
  }
  const hours = (arrived - sent) / HOUR;
  if (hours < -(window.before + slackHours) || hours > window.after + slackHours) {
    return { variant: 'found-date-mismatch', params: { sentDate: day(sent), replyDate: day(arrived) } };
  }
  return undefined;
}
