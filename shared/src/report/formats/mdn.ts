// RFC 8098 Message Disposition Notifications ("read receipts"): multipart/report;
// report-type=disposition-notification with a message/disposition-notification part, plus the
// Outlook/Exchange plain-text "Read: …" receipts that carry no report part.
import { header } from '../../mime/header-block';
import { cleanMessageId } from '../../headers/addresses';
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
