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
}

export function summarizeFields(input: SummaryInput): OriginalMessage {
  const { fields } = input;
  const received: ReceivedHop[] = headers(fields, 'received').slice(0, MAX_RECEIVED).map(parseReceived);
  const auth: AuthResult[] = [];
  for (const v of headers(fields, 'authentication-results')) {
    auth.push(...parseAuthResults(v, 'authentication-results'));
  }
  for (const v of headers(fields, 'arc-authentication-results')) {
    auth.push(...parseAuthResults(v, 'arc-authentication-results'));
  }
  for (const v of headers(fields, 'received-spf')) {
    const r = parseReceivedSpf(v);
    if (r) {
      auth.push(r);
    }
  }
  const dkim: DkimSignature[] = [];
  for (const v of headers(fields, 'dkim-signature')) {
    const d = parseDkimSignature(v);
    if (d) {
      dkim.push(d);
    }
  }
  const charsets = new Set<string>();
  const ct = parseContentType(header(fields, 'content-type'));
  if (ct.params['charset']) {
    charsets.add(ct.params['charset'].toLowerCase());
  }
  for (const c of input.bodyCharsets) {
    charsets.add(c.toLowerCase());
  }
  const rp = header(fields, 'return-path');
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
    charsets: [...charsets],
    bodyExcerpt: input.bodyExcerpt,
    headers: fields.slice(0, 400),
  };
}
