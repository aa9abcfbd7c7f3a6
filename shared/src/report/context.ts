// What every format module looks at, computed once per message: the top header facts, the MIME
// structure, and the decoded human-readable text. Format modules are synchronous functions of this.
import type { HeaderField, Mailbox } from '../types';
import { header } from '../mime/header-block';
import { decodeHeaderWords, decodePartText } from '../mime/decode';
import type { ContentType } from '../mime/content-type';
import { isEmbeddedMessage, type Part, type Structure } from '../mime/structure';
import { parseAddresses } from '../headers/addresses';

export interface Context {
  /** The message, line endings normalised to LF, bounded to MAX_MESSAGE_BYTES. */
  bytes: Uint8Array;
  /** The same bytes as latin1 text (offsets are shared). */
  text: string;
  /**
   * `text` when every byte is ASCII, for decodePartText(): a part sent as is is then a slice of it, not
   * decoded again (the original's excerpt and headers part, original.ts).
   */
  asciiText: string | undefined;
  structure: Structure;
  top: HeaderField[];
  /**
   * The text `top` was read from (the top header block, LF line ends), when the caller has it: one cheap
   * look for words that could stand in a field, before asking field by field (challenge.ts).
   */
  topText: string | undefined;
  contentType: ContentType;
  subject: string;
  from: Mailbox | undefined;
  to: Mailbox[];
  /** The decoded human-readable text: text parts outside any embedded message, in order. */
  body: string;
  /** Decoded message/delivery-status (RFC 3464) or message/global-delivery-status (RFC 6533) text. */
  deliveryStatus: string | undefined;
  /** First embedded message (message/rfc822 or message/global) outside other embedded messages. */
  embedded: Part | undefined;
  /** text/rfc822-headers or message/global-headers part. */
  headersPart: Part | undefined;
  /** message/feedback-report (RFC 5965) text. */
  feedbackReport: string | undefined;
  /** message/disposition-notification (RFC 8098) text. */
  disposition: string | undefined;
}

const MAX_BODY_CHARS = 64 * 1024;

/**
 * `addresses`: the top From and To, when the caller has parsed them already from the same header block
 * (analyze() has, for its result: parsing them twice was 3% of the corpus profile). `ascii`: every byte
 * of `bytes` is ASCII (analyze() learns it from its decode).
 */
export function buildContext(
  bytes: Uint8Array,
  text: string,
  structure: Structure,
  addresses?: { from: Mailbox | undefined; to: Mailbox[] },
  ascii = false,
  topText?: string,
): Context {
  // Every byte ASCII: text parts are slices of `text` (decodePartText's asciiText).
  const asciiText = ascii ? text : undefined;
  const top = structure.root.fields;
  const contentType = structure.root.contentType;
  let body = '';
  let deliveryStatus: string | undefined;
  let embedded: Part | undefined;
  let headersPart: Part | undefined;
  let feedbackReport: string | undefined;
  let disposition: string | undefined;

  // Walk the tree without descending into embedded messages: their text is the original's, not the
  // report's. The original itself is read by original.ts.
  const stack: Part[] = [structure.root];
  const order: Part[] = [];
  while (stack.length > 0) {
    const p = stack.pop()!;
    order.push(p);
    if (isEmbeddedMessage(p.contentType.type)) {
      continue;
    }
    for (let i = p.children.length - 1; i >= 0; i--) {
      stack.push(p.children[i]!);
    }
  }
  let textParts = 0;
  for (const p of order) {
    const type = p.contentType.type;
    if (type.startsWith('multipart/')) {
      continue;
    }
    if (isEmbeddedMessage(type)) {
      embedded ??= p;
      continue;
    }
    if (
      type === 'text/rfc822-headers' ||
      type === 'message/global-headers' ||
      type === 'message/rfc822-headers'
    ) {
      headersPart ??= p;
      continue;
    }
    if (type === 'message/delivery-status' || type === 'message/global-delivery-status') {
      // Some MTAs send one delivery-status part per recipient group (Postfix with mixed results).
      const dsn = decodePartText(bytes, p, asciiText);
      deliveryStatus = deliveryStatus === undefined ? dsn : `${deliveryStatus}\n\n${dsn}`;
      continue;
    }
    if (type === 'message/feedback-report') {
      feedbackReport ??= decodePartText(bytes, p, asciiText);
      continue;
    }
    if (type === 'message/disposition-notification' || type === 'message/global-disposition-notification') {
      disposition ??= decodePartText(bytes, p, asciiText);
      continue;
    }
    const attachment = /^attachment/i.test(header(p.fields, 'content-disposition') ?? '');
    if (
      (type === 'text/plain' || type === 'text/html' || p === structure.root) &&
      (!attachment || textParts === 0)
    ) {
      if (type === 'text/html' && textParts > 0) {
        continue; // multipart/alternative: the plain text already said it
      }
      if (body.length < MAX_BODY_CHARS) {
        body += (body ? '\n' : '') + decodePartText(bytes, p, asciiText);
        textParts++;
      }
    }
  }
  return {
    bytes,
    text,
    asciiText,
    structure,
    top,
    topText,
    contentType,
    subject: decodeHeaderWords(header(top, 'subject')) ?? '',
    from: addresses ? addresses.from : parseAddresses(header(top, 'from'))[0],
    to: addresses ? addresses.to : parseAddresses(header(top, 'to')),
    body: body.length > MAX_BODY_CHARS ? body.slice(0, MAX_BODY_CHARS) : body,
    deliveryStatus,
    embedded,
    headersPart,
    feedbackReport,
    disposition,
  };
}
