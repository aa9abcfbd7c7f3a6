// A message's header block as data: who sent it, its ids, its trace and authentication records.
// Used for the bounced original and for learning the user's own Sent mail (one parser, one shape).
import type {
  AuthResult,
  DkimSignature,
  HeaderField,
  OriginalMessage,
  OriginalVia,
  ReceivedHop,
} from '../types';
import { MAX_RECEIVED } from '../limits';
import { header, headers } from '../mime/header-block';
import { madeFromText } from '../display-text';
import { decodeHeaderWords } from '../mime/decode';
import { parseContentType } from '../mime/content-type';
import { cleanMessageId, messageIds, parseAddresses, cleanAddress } from './addresses';
import { parseReceived } from './received';
import { parseAuthResults, parseDkimSignature, parseReceivedSpf } from './auth';

export interface SummaryInput {
  fields: HeaderField[];
  via: OriginalVia;
  headersTruncated: boolean;
  bodyTruncated: boolean;
  bodyExcerpt: string | undefined;
  bodyCharsets: string[];
  /**
   * A text the fields were read from (parseHeaderBlock's input, or more of the message around it): every
   * name and value is made of its characters and spaces, so displaySafe() may search it once instead of
   * walking the fields (display-text.ts).
   */
  headerText?: string | undefined;
}

export function summarizeFields(input: SummaryInput): OriginalMessage {
  const { fields } = input;
  // Index loops, not for-of: this runs unoptimised for most of a scan, where each iterator step is a
  // builtin call (issue 10 §4).
  const receivedValues = headers(fields, 'received');
  const received: ReceivedHop[] = [];
  for (let i = 0; i < receivedValues.length && i < MAX_RECEIVED; i++) {
    received.push(parseReceived(receivedValues[i]!));
  }
  const auth: AuthResult[] = [];
  const ar = headers(fields, 'authentication-results');
  for (let i = 0; i < ar.length; i++) {
    auth.push(...parseAuthResults(ar[i]!, 'authentication-results'));
  }
  const arc = headers(fields, 'arc-authentication-results');
  for (let i = 0; i < arc.length; i++) {
    auth.push(...parseAuthResults(arc[i]!, 'arc-authentication-results'));
  }
  const spf = headers(fields, 'received-spf');
  for (let i = 0; i < spf.length; i++) {
    const r = parseReceivedSpf(spf[i]!);
    if (r) {
      auth.push(r);
    }
  }
  const dkim: DkimSignature[] = [];
  const signatures = headers(fields, 'dkim-signature');
  for (let i = 0; i < signatures.length; i++) {
    const d = parseDkimSignature(signatures[i]!);
    if (d) {
      dkim.push(d);
    }
  }
  // Distinct, in order of appearance (an array: a Set and its spread cost more for one or two names).
  const charsets: string[] = [];
  const ct = parseContentType(header(fields, 'content-type'));
  if (ct.params['charset']) {
    charsets.push(ct.params['charset'].toLowerCase());
  }
  for (let i = 0; i < input.bodyCharsets.length; i++) {
    const c = input.bodyCharsets[i]!.toLowerCase();
    if (!charsets.includes(c)) {
      charsets.push(c);
    }
  }
  const rp = header(fields, 'return-path');
  const copied = fields.slice(0, 400);
  if (input.headerText !== undefined) {
    madeFromText(copied, input.headerText);
    // Received hops: host names, addresses and protocols are slices of the values, some case-mapped
    // (no character displayText() changes is a case mapping of another), the date a slice.
    madeFromText(received, input.headerText);
  }
  const sender = parseAddresses(header(fields, 'sender'))[0];
  return {
    via: input.via,
    headersTruncated: input.headersTruncated,
    bodyTruncated: input.bodyTruncated,
    messageId: cleanMessageId(header(fields, 'message-id')),
    from: parseAddresses(header(fields, 'from')),
    sender,
    replyTo: parseAddresses(header(fields, 'reply-to')),
    returnPath: rp === undefined ? undefined : /^\s*<\s*>\s*$/.test(rp) ? '' : cleanAddress(rp),
    to: parseAddresses(headers(fields, 'to').join(', ')),
    cc: parseAddresses(headers(fields, 'cc').join(', ')),
    subject: decodeHeaderWords(header(fields, 'subject')),
    date: header(fields, 'date'),
    inReplyTo: cleanMessageId(header(fields, 'in-reply-to')),
    references: messageIds(header(fields, 'references')),
    received,
    auth,
    dkim,
    userAgent: decodeHeaderWords(header(fields, 'user-agent') ?? header(fields, 'x-mailer')),
    listId: header(fields, 'list-id'),
    charsets,
    bodyExcerpt: input.bodyExcerpt,
    headers: copied,
  };
}
