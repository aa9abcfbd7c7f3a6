// Amazon SES notifications delivered by SNS e-mail: Subject "AWS Notification Message", a JSON body
// {"notificationType":"Bounce"|"Complaint"|"Delivery", "bounce":{"bouncedRecipients":[{"emailAddress":
// …,"status":"5.1.1","diagnosticCode":"smtp; 550 …"}]}, "mail":{"commonHeaders":{…}}}. SNS wraps long
// lines ("…"},{"name":"!\n Content-Transfer-Encoding"…), so the fields are read by pattern, not JSON.parse.
import type { DsnAction, MessageKind, RecipientReport } from '../../types';
import { cleanAddress } from '../../headers/addresses';
import { codesIn, reasonFor } from '../reason';
import type { Format } from './types';

const KINDS: Record<string, MessageKind> = {
  bounce: 'ndr',
  complaint: 'feedback-report',
  delivery: 'delivery-receipt',
};

const amazonSes: Format = {
  id: 'amazon-ses',
  match(ctx) {
    // SNS wraps the SES JSON as a string inside its own JSON ("Message" : "{\"notificationType\":…").
    const text = ctx.body.includes('\\"notificationType') ? ctx.body.replace(/\\"/g, '"') : ctx.body;
    const type = /"notificationType"\s*:\s*"(Bounce|Complaint|Delivery)"/i.exec(text.slice(0, 4000))?.[1];
    if (
      !type ||
      (!/amazonses\.com|amazonaws\.com/i.test(ctx.from?.address ?? '') && !/"mail"\s*:/.test(text))
    ) {
      return undefined;
    }
    const kind = KINDS[type.toLowerCase()] ?? 'ndr';
    const body = text.replace(/!\n /g, '').slice(0, 64 * 1024);
    const listKey =
      kind === 'ndr'
        ? 'bouncedRecipients'
        : kind === 'feedback-report'
          ? 'complainedRecipients'
          : 'recipients';
    const list = new RegExp(`"${listKey}"\\s*:\\s*\\[([^\\]]{0,20000})\\]`).exec(body)?.[1] ?? '';
    const recipients: RecipientReport[] = [];
    // Objects in a bounce list; plain strings in a delivery list.
    for (const m of list.matchAll(/\{([^{}]{0,4000})\}|"([^"]{3,320})"/g)) {
      const obj = m[1];
      const address = cleanAddress(obj ? (field(obj, 'emailAddress') ?? '') : (m[2] ?? ''));
      if (!address) {
        continue;
      }
      const diagnostic = obj ? field(obj, 'diagnosticCode')?.replace(/^smtp;\s*/i, '') : undefined;
      const codes = codesIn(diagnostic ?? '');
      const status = (obj && field(obj, 'status')) || codes.status;
      const action: DsnAction | undefined =
        kind === 'ndr' ? 'failed' : kind === 'delivery-receipt' ? 'delivered' : undefined;
      recipients.push({
        address,
        action,
        status,
        replyCode: codes.replyCode,
        diagnostic,
        remoteMta:
          field(body, 'remoteMtaIp') ?? field(body, 'reportingMTA')?.replace(/^(?:dns|dsn);\s*/i, ''),
        reason:
          kind === 'feedback-report' ? 'spam-blocked' : reasonFor(status, codes.replyCode, diagnostic ?? ''),
      });
    }
    return { kind, recipients };
  },
};

function field(json: string, name: string): string | undefined {
  return new RegExp(`"${name}"\\s*:\\s*"((?:[^"\\\\]|\\\\.){0,2000})"`).exec(json)?.[1];
}

export default amazonSes;
