// RFC 8098 Message Disposition Notifications ("read receipts"): multipart/report;
// report-type=disposition-notification with a message/disposition-notification part, plus the
// Outlook/Exchange plain-text "Read: …" receipts that carry no report part.
import { header } from '../../mime/header-block';
import { cleanAddress, cleanMessageId } from '../../headers/addresses';
import { MAX_DIAGNOSTIC } from '../../limits';
import { reasonFor } from '../reason';

const REJECT_WORDS =
  /\b(?:was |has been )?(?:automatically )?(?:rejected|refused)\b|\bzurückgewiesen|\babgelehnt|\brejeté|\brechazado|\brifiutato/i;
import { parseHeaderBlock } from '../../mime/header-block';
import type { Format } from './types';

const mdn: Format = {
  id: 'mdn',
  match(ctx) {
    const reportType = ctx.contentType.params['report-type']?.toLowerCase();
    const exchangeReadReceipt =
      /^(?:read|gelesen|lu|leído|letto|lido|gelezen|przeczytane|прочитано)\s*:/i.test(ctx.subject) &&
      saysRead(ctx.body.slice(0, 4000));
    if (ctx.disposition === undefined && reportType !== 'disposition-notification' && !exchangeReadReceipt) {
      return undefined;
    }
    // RFC 8098 §3.2.6 "Original-Message-ID": what the receipt answers.
    const fields = parseHeaderBlock(ctx.disposition ?? '').fields;
    // A Sieve "reject" (RFC 5429 §2.2.1) answers with an MDN, "Disposition: automatic-action/
    // MDN-sent-automatically; deleted", and a text such as Pigeonhole's "Your message to <x> was
    // automatically rejected:". The message was refused, never read: a delivery failure.
    const disposition = header(fields, 'disposition') ?? '';
    // Cyrus and Pigeonhole mark the rejection in the top header too, "Auto-Submitted: auto-replied
    // (rejected)" (RFC 3834 §5 allows the comment). That mark still says "refused" when the report's
    // parts arrive gutted, as in a SpamAssassin rule-test sample (held-out set 3, bug 6051): "Subject:
    // Automatically rejected mail", an empty text part and an empty message/disposition-notification.
    const rejectedMark =
      /\(\s*rejected\s*\)/i.test(header(ctx.top, 'auto-submitted') ?? '') &&
      !/;\s*(?:displayed|dispatched|processed)\b/i.test(disposition);
    if (
      rejectedMark ||
      (/^\s*automatic-action\b/i.test(disposition) &&
        /;\s*(?:deleted|denied|failed)\b/i.test(disposition) &&
        REJECT_WORDS.test(ctx.body.slice(0, 4000)))
    ) {
      const address = cleanAddress(
        (header(fields, 'final-recipient') ?? header(fields, 'original-recipient') ?? '').replace(
          /^[^;]{0,40};/,
          '',
        ),
      );
      const words = ctx.body.slice(0, 4000).trim();
      return {
        kind: 'ndr',
        recipients: address
          ? [
              {
                address,
                action: 'failed',
                status: undefined,
                replyCode: undefined,
                diagnostic: words.replace(/\s+/g, ' ').slice(0, MAX_DIAGNOSTIC) || undefined,
                remoteMta: undefined,
                reason: reasonFor(undefined, undefined, words),
              },
            ]
          : [],
        reportingMta: header(fields, 'reporting-ua')?.split(';')[0]?.trim(),
        inlineFrom: 0,
      };
    }
    const answered = cleanMessageId(fields.find(f => f.name === 'original-message-id')?.value);
    const inReplyTo = cleanMessageId(header(ctx.top, 'in-reply-to'));
    return {
      kind: 'read-receipt',
      recipients: [],
      answering: {
        inReplyTo: answered ?? inReplyTo,
        references: [],
        quotedSubject: ctx.subject.replace(/^[^:]{1,20}:\s*/, '') || undefined,
      },
    };
  },
};

export default mdn;

/**
 * "was read", "has been read", "a été lu", "fue leído", or German "wurde … gelesen" on one line. The
 * German pair is found by hand: "wurde .*gelesen" in one regex was quadratic (issue 8 §1).
 */
function saysRead(text: string): boolean {
  if (/\b(?:was read|has been read|a été lu|fue leído)\b/i.test(text)) {
    return true;
  }
  for (const line of text.toLowerCase().split('\n')) {
    const wurde = line.search(/\bwurde /);
    if (wurde === -1) {
      continue;
    }
    for (let g = line.indexOf('gelesen', wurde + 6); g !== -1; g = line.indexOf('gelesen', g + 1)) {
      if (!/\w/.test(line.charAt(g + 7))) {
        return true;
      }
    }
  }
  return false;
}
