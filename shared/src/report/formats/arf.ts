// RFC 5965 Abuse Reporting Format: multipart/report; report-type=feedback-report, with a
// message/feedback-report part ("Feedback-Type: abuse"). Also the layouts that carry no ARF part:
// older FBLs with the fields in text/plain, Hotmail's JMRP ("complaint about message from 192.0.2.1")
// and Apple Mail's one-click unsubscribe requests.
import type { RecipientReport } from '../../types';
import { header, parseHeaderBlock } from '../../mime/header-block';
import { cleanAddress } from '../../headers/addresses';
import type { Format } from './types';

const arf: Format = {
  id: 'arf',
  match(ctx) {
    const reportType = ctx.contentType.params['report-type']?.toLowerCase();
    const fields = ctx.feedbackReport ?? (reportType === 'feedback-report' ? ctx.body : undefined);
    const topType = header(ctx.top, 'x-arf') ?? header(ctx.top, 'feedback-type');
    const jmrp = /^\s*complaint about message from/i.test(ctx.subject) && ctx.embedded !== undefined;
    const appleUnsubscribe = /apple mail sent this email to unsubscribe/i.test(ctx.body.slice(0, 2000));
    const textFields = /^feedback-type:\s*\w/im.test(ctx.body.slice(0, 4000));
    if (fields === undefined && topType === undefined && !jmrp && !appleUnsubscribe && !textFields) {
      return undefined;
    }
    const block = parseHeaderBlock(fields ?? ctx.body.slice(0, 8000));
    // RFC 5965 §3.2: Original-Rcpt-To may repeat, one per recipient of the reported message.
    const addresses = block.fields
      .filter(f => f.name === 'original-rcpt-to' || f.name === 'removal-recipient')
      .map(f => cleanAddress(f.value))
      .filter((a): a is string => a !== undefined);
    if (appleUnsubscribe && ctx.from) {
      addresses.push(ctx.from.address);
    }
    const recipients: RecipientReport[] = [...new Set(addresses)].map(address => ({
      address,
      action: undefined,
      status: undefined,
      replyCode: undefined,
      diagnostic: undefined,
      remoteMta: undefined,
      reason: 'spam-blocked',
    }));
    return {
      kind: 'feedback-report',
      recipients,
      reportingMta: mtaName(block.fields.find(f => f.name === 'reporting-mta')?.value),
    };
  },
};

/** "dns; mail.example.com" → "mail.example.com" (RFC 3464 §2.2.2 mta-name-type ";" mta-name). */
function mtaName(value: string | undefined): string | undefined {
  const v = value?.includes(';') ? value.slice(value.indexOf(';') + 1) : value;
  return v?.trim().split(/\s+/)[0]?.toLowerCase() || undefined;
}

export default arf;
