// Bounce markers: structure that only a mail server writes into a delivery report. They outrank the
// words of a returned original (a returned spam that says "click the link below to verify" is still a
// bounce) and let prose reports with a customised intro or subject be read at all.
//
// Every pattern here is linear: literal phrases, bounded classes, no nested or adjacent overlapping
// quantifiers.
import { header } from '../mime/header-block';
import type { Context } from './context';
import { CARRIER_SENDER, MTA_LOCAL } from './gate';

// qmail-send's bounce (qmail-1.03 qsutil/qmail-send.c): the intro ("Hi. This is the qmail-send program
// at …") is often customised or translated, but the separator and the status suffix stay:
//   "--- Below this line is a copy of the message."
//   "Sorry, no mailbox here by that name. (#5.1.1)"
export const QMAIL_SEPARATOR =
  /^--- Below this line is (?:a copy of the message|the original bounce)\.?[ \t]*$/m;
export const QMAIL_STATUS = /\(#[45]\.\d{1,3}\.\d{1,3}\)/;

// Sentences MTAs write and people do not, across Exchange 2000/2003 ("Your message did not reach some or
// all of the intended recipients." — Microsoft KB Q258678; "This is an automatically generated Delivery
// Status Notification. Delivery to the following recipients failed." — KB Q295734), Lotus Notes/Domino
// ("Your message … was not delivered to: … because: User x not listed in Domino Directory"), Novell
// GroupWise ("The message that you sent was undeliverable to the following:" / "Message status -
// undeliverable") and the generic "Non-Delivery Report" wording: "--- Non-Delivery Report ---" (CDO),
// "Your message could not be delivered to" + the address on the next line (gateways that write it in
// two languages, "Votre message n'a pas pu etre delivre a").
export const NDR_SENTENCE =
  /did not reach (?:some or all|all or some|the following) (?:of the )?(?:intended )?recipients|following recipient\(s\) could not be reached|this is an automatically generated delivery status notification|delivery to the following recipients? (?:failed|has failed|was unsuccessful)|was undeliverable to the following|message status - undeliverable|not listed in (?:the )?(?:domino directory|public name (?:&|and) address book)|this is a non-?delivery report|non-?delivery report \(ndr\)|the following message (?:to <[^<>\s]{3,320}> )?was undeliverable|could not be delivered to the following recipients?|the following addresses? had permanent (?:fatal )?errors|unable to deliver (?:your|the) message to the following (?:recipients?|addresses)|^-{2,}[ \t]?non-?delivery report[ \t]?-{2,}|could not be delivered to the following (?:users?|recipients?|addresses)|(?:message|mail|e-?mail) could not be delivered to:?[ \t]*\n[ \t]*<?[^\s@<>]{1,64}@/im;

/** The report's own structure says a mail server wrote it: qmail separator, DSN wrapper, NDR sentences. */
export function structuralBounce(ctx: Context, region: string): boolean {
  if (reportEnvelope(ctx)) {
    return true;
  }
  const head = region.length > 8000 ? region.slice(0, 8000) : region;
  if (QMAIL_SEPARATOR.test(ctx.body) && QMAIL_STATUS.test(head)) {
    return true;
  }
  return NDR_SENTENCE.test(head);
}

/**
 * The part of structuralBounce that needs no report text: a delivery-status wrapper (RFC 3462
 * multipart/report; report-type=delivery-status) or Exim's X-Failed-Recipients header.
 */
export function reportEnvelope(ctx: Context): boolean {
  return isDsnWrapper(ctx) || header(ctx.top, 'x-failed-recipients') !== undefined;
}

/** multipart/report; report-type=delivery-status, whatever its delivery-status part holds. */
export function isDsnWrapper(ctx: Context): boolean {
  return (
    ctx.contentType.type === 'multipart/report' &&
    ctx.contentType.params['report-type']?.toLowerCase() === 'delivery-status'
  );
}

/** The sender is a mail server by its address (never by a display name, which anyone can write). */
export function daemonSender(ctx: Context): boolean {
  const fromAddr = ctx.from?.address ?? '';
  const local = fromAddr.slice(0, fromAddr.lastIndexOf('@'));
  const fromHeader = header(ctx.top, 'from') ?? '';
  return (
    /^\s*<\s*>\s*$/.test(fromHeader) ||
    (local !== '' && MTA_LOCAL.test(local)) ||
    CARRIER_SENDER.test(fromAddr) ||
    (fromAddr === '' && /mailer-daemon|postmaster/i.test(fromHeader))
  );
}
