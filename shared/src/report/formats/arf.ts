// RFC 5965 Abuse Reporting Format: multipart/report; report-type=feedback-report, with a
// message/feedback-report part ("Feedback-Type: abuse"). Also the older Hotmail/AOL FBL layouts that
// carry the same fields in text/plain with the Feedback-Type in the top header.
import { header } from '../../mime/header-block';
import { cleanAddress } from '../../headers/addresses';
import type { Format } from './types';
import { parseHeaderBlock } from '../../mime/header-block';

const arf: Format = {
  id: 'arf',
  match(ctx) {
    const reportType = ctx.contentType.params['report-type']?.toLowerCase();
    const fields = ctx.feedbackReport ?? (reportType === 'feedback-report' ? ctx.body : undefined);
    const topType = header(ctx.top, 'x-arf') ?? header(ctx.top, 'feedback-type');
    if (
      fields === undefined &&
      topType === undefined &&
      !/\bfeedback-type:\s*\w/i.test(ctx.body.slice(0, 4000))
    ) {
      return undefined;
    }
    const block = parseHeaderBlock(fields ?? ctx.body);
    const rcpt =
      block.fields.find(f => f.name === 'original-rcpt-to' || f.name === 'removal-recipient')?.value ??
      undefined;
    const address = rcpt ? cleanAddress(rcpt) : undefined;
    return {
      kind: 'feedback-report',
      recipients: address
        ? [
            {
              address,
              action: undefined,
              status: undefined,
              replyCode: undefined,
              diagnostic: undefined,
              remoteMta: undefined,
              reason: 'spam-blocked',
            },
          ]
        : [],
      reportingMta: block.fields.find(f => f.name === 'reporting-mta')?.value,
    };
  },
};

export default arf;
