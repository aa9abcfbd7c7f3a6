// What analyze() asks the shell to look up in the user's Sent folder: the ids the notice names, strongest
// first; and when it names none, who the user would have written to, about what, and when.
import type { Analysis, LookupRequest, MessageKind, RecipientLookup } from './types';
import { normalizeSubject, parseMailDate, subjectOfNotice } from './sent-index';

const MAX_LOOKUPS = 12;

// Notices about a message the user sent to someone: the failed (or delayed, delivered) recipient is who
// it went to.
const ABOUT_A_RECIPIENT: ReadonlySet<MessageKind> = new Set([
  'ndr',
  'delay',
  'delivery-receipt',
  'virus-notice',
]);

/**
 * Windows around the date a lookup is anchored on. The quoted original's Date is the Sent copy's own Date
 * header: a day either way covers a missing or wrong zone. A notice's own date comes after the
 * message, by up to the sending server's queue lifetime (Postfix and Sendmail give up after 5 days, Exim
 * after 4; RFC 5321 §4.5.4.1 asks for at least 4–5): six days. An auto-reply answers on arrival (RFC
 * 3834 §2), but a vacation responder may run when the mailbox is next polled: three days.
 */
export const LOOKUP_WINDOW_HOURS = { quotedDate: 24, noticeDate: 144, autoReply: 72 } as const;

type Facts = Pick<Analysis, 'kind' | 'original' | 'answering' | 'recipients' | 'from' | 'date' | 'subject'>;

export function lookupsFor(a: Facts): LookupRequest[] {
  const out: LookupRequest[] = [];
  const seen = new Set<string>();
  const add = (messageId: string | undefined, role: 'original' | 'in-reply-to' | 'references') => {
    if (messageId && !seen.has(messageId) && out.length < MAX_LOOKUPS) {
      seen.add(messageId);
      out.push({ messageId, role });
    }
  };
  add(a.original?.messageId, 'original');
  add(a.answering?.inReplyTo, 'in-reply-to');
  for (const id of [...(a.answering?.references ?? [])].reverse()) {
    add(id, 'references');
  }
  if (out.length === 0) {
    const byRecipient = recipientLookup(a);
    if (byRecipient !== undefined) {
      out.push(byRecipient);
    }
  }
  return out;
}

/** One @, a dotted domain, nothing a header parser would have split on; no regex (attacker text). */
const plausibleAddress = (x: string | undefined): x is string => {
  if (x === undefined || x.length > 254 || /[\s<>()",;]/.test(x)) {
    return false;
  }
  const at = x.indexOf('@');
  const dot = x.lastIndexOf('.');
  return at > 0 && at === x.lastIndexOf('@') && dot > at + 1 && dot < x.length - 1;
};

/** The address the user would have written to, for a notice about a recipient. */
function counterpartOfNotice(a: Facts): string | undefined {
  const written = [...(a.original?.to ?? []), ...(a.original?.cc ?? [])].map(m => m.address.toLowerCase());
  const reported = a.recipients.map(r => r.address.toLowerCase());
  // A recipient both reported and on the original's To/Cc is certain. Otherwise the original's To is what
  // the user typed (an alias or forward may have been expanded to the reported address since); only with
  // no quoted recipients does the reported one stand in.
  return (
    reported.find(r => written.includes(r) && plausibleAddress(r)) ??
    written.find(plausibleAddress) ??
    reported.find(plausibleAddress)
  );
}

function recipientLookup(a: Facts): RecipientLookup | undefined {
  let role: RecipientLookup['role'];
  let address: string | undefined;
  let subject: string | undefined;
  let anchor: number | undefined;
  let windowHours: number;
  if (ABOUT_A_RECIPIENT.has(a.kind)) {
    role = 'original';
    address = counterpartOfNotice(a);
    // "Undeliverable: <subject>" (Exchange) names the subject when nothing is quoted.
    subject =
      a.original?.subject !== undefined ? normalizeSubject(a.original.subject) : subjectOfNotice(a.subject);
    const quoted = parseMailDate(a.original?.date);
    anchor = quoted ?? parseMailDate(a.date);
    windowHours = quoted !== undefined ? LOOKUP_WINDOW_HOURS.quotedDate : LOOKUP_WINDOW_HOURS.noticeDate;
  } else if (a.kind === 'auto-reply') {
    // A challenge comes from the vendor's address, not from whoever the user wrote to: none here.
    role = 'answered';
    address = a.from?.address.toLowerCase();
    subject = normalizeSubject(a.answering?.quotedSubject);
    anchor = parseMailDate(a.date);
    windowHours = LOOKUP_WINDOW_HOURS.autoReply;
  } else {
    return undefined;
  }
  if (!plausibleAddress(address) || anchor === undefined) {
    return undefined;
  }
  const date = new Date(anchor).toISOString();
  return {
    kind: 'by-recipient',
    key: `by-recipient:${role}:${address}:${date}:${windowHours}:${subject ?? ''}`,
    role,
    address,
    subject,
    date,
    windowHours,
  };
}
