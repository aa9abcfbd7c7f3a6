// RFC 3464 delivery status notifications: multipart/report; report-type=delivery-status with a
// message/delivery-status part (RFC 6533 message/global-delivery-status for SMTPUTF8). Many MTAs that
// have their own text layout also attach one, so this generic decoder covers most of the corpus
// (Postfix, Sendmail, Exchange, Gmail, Amazon SES, …). Some put the same fields in a text part.
import type { MessageKind, RecipientReport } from '../../types';
import { MAX_DIAGNOSTIC } from '../../limits';
import { codesIn, reasonFor } from '../reason';
import { parseDeliveryStatus } from '../dsn';
import type { Format, FormatResult } from './types';

export function kindOfRecipients(recipients: readonly RecipientReport[]): MessageKind | undefined {
  if (recipients.some(r => r.action === 'failed')) {
    return 'ndr';
  }
  if (recipients.some(r => r.action === 'delayed')) {
    return 'delay';
  }
  if (recipients.some(r => r.action === 'delivered' || r.action === 'relayed' || r.action === 'expanded')) {
    return 'delivery-receipt';
  }
  return undefined;
}

const FIELDS_IN_TEXT = /^[ \t]*(?:final-recipient|original-recipient)[ \t]*:/im;

const rfc3464: Format = {
  id: 'rfc3464',
  match(ctx): FormatResult | undefined {
    let source = ctx.deliveryStatus;
    let inText = false;
    if (source === undefined || !/recipient\s*:/i.test(source)) {
      const m = FIELDS_IN_TEXT.exec(ctx.body);
      if (!m) {
        return undefined;
      }
      // Read from the per-message fields just before the first recipient field, if any.
      const before = ctx.body.lastIndexOf('\n\n', m.index);
      // RFC 3464 §2.2: the per-message block (Reporting-MTA, Arrival-Date) stands before the first
      // recipient block, a blank line earlier.
      const perMessage = /^[ \t]*reporting-mta[ \t]*:/im.exec(ctx.body.slice(0, m.index));
      const start = perMessage ? Math.min(perMessage.index, Math.max(0, before)) : Math.max(0, before);
      source = ctx.body.slice(start, m.index + 20000);
      inText = true;
    }
    const dsn = parseDeliveryStatus(source);
    if (dsn.recipients.length === 0) {
      return undefined;
    }
    const kind = kindOfRecipients(dsn.recipients) ?? 'ndr';
    return {
      kind,
      recipients: inText ? dsn.recipients : dsn.recipients.map(r => withNotificationText(r, ctx.body)),
      reportingMta: dsn.reportingMta,
      inlineFrom: inText ? undefined : 0,
    };
  },
};

/**
 * OpenSMTPD, KDDI and Gmail write "Status: 5.0.0" and no Diagnostic-Code; the server's words stand only in
 * the notification text, on the line that names the recipient ("a@b: 550 5.7.26 … rejected: …").
 */
function withNotificationText(r: RecipientReport, text: string): RecipientReport {
  if (r.diagnostic || !text) {
    return r;
  }
  const lower = text.length > 64 * 1024 ? text.slice(0, 64 * 1024).toLowerCase() : text.toLowerCase();
  const at = lower.indexOf(r.address);
  if (at === -1) {
    return r;
  }
  const line = text.slice(
    at + r.address.length,
    text.indexOf('\n', at) === -1 ? undefined : text.indexOf('\n', at),
  );
  const words = line
    .replace(/^[\s:>.,]+/, '')
    .trim()
    .slice(0, MAX_DIAGNOSTIC);
  const codes = codesIn(words);
  if (!words || (!codes.replyCode && !codes.status)) {
    return r;
  }
  const status = !r.status || /^\d\.0\.0$/.test(r.status) ? (codes.status ?? r.status) : r.status;
  return {
    ...r,
    diagnostic: words,
    status,
    replyCode: r.replyCode ?? codes.replyCode,
    reason: reasonFor(status, codes.replyCode, words),
  };
}

export default rfc3464;
