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
    const list = jsonArray(body, listKey) ?? '';
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

// JSON read by hand, not by `"name"\s*:\s*\[([^\]]{0,20000})\]`: that regex re-read up to 20,000
// characters from every occurrence of the key (~12 s on 256 KB of repeated keys, issue 8 §1).

/** The index after `"name"` + white space + ":" + white space at occurrence `at`, or -1. */
function afterKey(json: string, at: number, name: string): number {
  let i = at + name.length + 2;
  while (/\s/.test(json.charAt(i))) {
    i++;
  }
  if (json[i] !== ':') {
    return -1;
  }
  i++;
  while (/\s/.test(json.charAt(i))) {
    i++;
  }
  return i;
}

/** The inside of the first `"name": [ … ]` whose "]" comes within 20,000 characters. */
function jsonArray(json: string, name: string): string | undefined {
  let close = -2; // the next "]" at or after the last search start (-1: none left)
  for (let at = json.indexOf(`"${name}"`); at !== -1; at = json.indexOf(`"${name}"`, at + 1)) {
    const open = afterKey(json, at, name);
    if (open === -1 || json[open] !== '[') {
      continue;
    }
    if (close !== -1 && close <= open) {
      close = json.indexOf(']', open + 1);
    }
    if (close === -1) {
      return undefined;
    }
    if (close - open - 1 <= 20_000) {
      return json.slice(open + 1, close);
    }
  }
  return undefined;
}

/** The raw (still escaped) string value of the first `"name": "…"` of up to 2,000 characters. */
function field(json: string, name: string): string | undefined {
  for (let at = json.indexOf(`"${name}"`); at !== -1; at = json.indexOf(`"${name}"`, at + 1)) {
    const open = afterKey(json, at, name);
    if (open === -1 || json[open] !== '"') {
      continue;
    }
    // Stops at the first unescaped quote, which is at or before the next key: one pass in all.
    let i = open + 1;
    for (let units = 0; i < json.length && units < 2000 && json[i] !== '"'; units++) {
      if (json[i] === '\\') {
        if (json[i + 1] === undefined || /[\n\r\u2028\u2029]/.test(json[i + 1]!)) {
          break;
        }
        i++;
      }
      i++;
    }
    if (json[i] === '"') {
      return json.slice(open + 1, i);
    }
  }
  return undefined;
}

export default amazonSes;
