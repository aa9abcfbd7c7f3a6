// Locates the MIME parts of a message without decoding any of them (RFC 2046 §5.1.1 boundaries).
// Decoding content (base64, quoted-printable, charsets) is postal-mime's job (see decode.ts); this only
// says where each part's headers and body are, so the engine hands postal-mime just the parts it needs
// and never touches a large attachment. Offsets index both the LF-normalised bytes and their latin1 text.
import type { HeaderField } from '../types';
import { MAX_HEADER_BYTES, MAX_MIME_DEPTH, MAX_MIME_PARTS } from '../limits';
import { parseHeaderBlock, header } from './header-block';
import { parseContentType, type ContentType } from './content-type';

export interface Part {
  fields: HeaderField[];
  contentType: ContentType;
  /** Content-Transfer-Encoding, lower-case ("7bit" when absent, RFC 2045 §6.1). */
  encoding: string;
  start: number; // first byte of the part's header block
  bodyStart: number;
  bodyEnd: number;
  depth: number;
  children: Part[];
  /** The header block had no blank line after it within the limit. */
  headersTruncated: boolean;
  /** A multipart whose closing boundary never came: the bouncing side or a limit cut it. */
  unterminated: boolean;
}

export interface Structure {
  root: Part;
  /** Every part, depth-first, in document order (bounded by MAX_MIME_PARTS). */
  parts: Part[];
  limited: boolean;
}

/** `rootFields`: the top header block when the caller has already read it (analyze's first look). */
export function scanStructure(
  text: string,
  start = 0,
  end = text.length,
  rootFields?: HeaderField[],
): Structure {
  const parts: Part[] = [];
  const state = { limited: false };
  const root = scanPart(text, start, end, 0, parts, state, rootFields);
  return { root, parts, limited: state.limited };
}

/** Parses the header block at `start` and returns [fields, bodyStart, truncated]. */
export function readHeaderAt(
  text: string,
  start: number,
  end: number,
  known?: HeaderField[],
): [HeaderField[], number, boolean] {
  let he: number;
  if (text.charCodeAt(start) === 0x0a) {
    he = start; // no headers at all (RFC 2046: a body part may have none)
  } else {
    he = text.indexOf('\n\n', start);
    if (he !== -1) {
      he += 1;
    }
  }
  const limit = Math.min(end, start + MAX_HEADER_BYTES);
  const truncated = he === -1 || he >= limit;
  const headerStop = truncated ? limit : he;
  const block = known ? { fields: known, truncated: false } : parseHeaderBlock(text.slice(start, headerStop));
  const bodyStart = truncated ? end : Math.min(end, he + 1);
  return [block.fields, bodyStart, truncated || block.truncated];
}

function scanPart(
  text: string,
  start: number,
  end: number,
  depth: number,
  parts: Part[],
  state: { limited: boolean },
  known?: HeaderField[],
): Part {
  const [fields, bodyStart, headersTruncated] = readHeaderAt(text, start, end, known);
  let contentType = parseContentType(header(fields, 'content-type'));
  if (depth === 0 && header(fields, 'content-type') === undefined) {
    // A report whose MIME headers were stripped (Sendmail samples relayed through old gateways) still
    // has its delimiter lines: infer the boundary rather than read the parts as one text.
    const inferred = inferBoundary(text, bodyStart, end);
    if (inferred) {
      contentType = { type: 'multipart/mixed', params: { boundary: inferred } };
    }
  }
  const encoding = (header(fields, 'content-transfer-encoding') ?? '7bit').trim().toLowerCase();
  const part: Part = {
    fields,
    contentType,
    encoding,
    start,
    bodyStart,
    bodyEnd: end,
    depth,
    children: [],
    headersTruncated,
    unterminated: false,
  };
  if (parts.length >= MAX_MIME_PARTS) {
    state.limited = true;
    return part;
  }
  parts.push(part);
  if (depth >= MAX_MIME_DEPTH) {
    state.limited = true;
    return part;
  }
  const type = contentType.type;
  const boundary = contentType.params['boundary'];
  if (type.startsWith('multipart/') && boundary) {
    scanMultipart(text, part, boundary, parts, state);
  } else if (isEmbeddedMessage(type) && isIdentityEncoding(encoding) && bodyStart < end) {
    // RFC 2046 §5.2.1: message/rfc822 may only be 7bit, 8bit or binary; RFC 6532 message/global likewise
    // in practice. Encoded ones are decoded on demand by the original extractor.
    part.children.push(scanPart(text, bodyStart, end, depth + 1, parts, state));
  }
  return part;
}

function scanMultipart(
  text: string,
  part: Part,
  boundary: string,
  parts: Part[],
  state: { limited: boolean },
): void {
  // RFC 2046 §5.1.1: a delimiter is CRLF "--" boundary, optionally followed by "--" (close) and
  // trailing white space. The first delimiter may also open the body without a preceding line break.
  const delimiter = '--' + boundary;
  const bodyStart = part.bodyStart;
  const end = part.bodyEnd;
  let pos = bodyStart;
  let partStart = -1;
  let closed = false;
  while (pos < end) {
    let idx = text.indexOf(delimiter, pos);
    if (idx === -1 || idx >= end) {
      break;
    }
    const lineStart = idx === bodyStart || text.charCodeAt(idx - 1) === 0x0a;
    let after = idx + delimiter.length;
    if (!lineStart) {
      pos = after;
      continue;
    }
    const isClose = text.startsWith('--', after);
    if (isClose) {
      after += 2;
    }
    // The rest of the delimiter line must be white space; otherwise this is a longer boundary.
    let eol = text.indexOf('\n', after);
    if (eol === -1 || eol > end) {
      eol = end;
    }
    if (!blanksOnly(text, after, Math.min(eol, after + 200))) {
      pos = after;
      continue;
    }
    if (partStart !== -1) {
      // The line break before the delimiter belongs to the delimiter (RFC 2046 §5.1.1).
      const partEnd = Math.max(partStart, idx - 1);
      part.children.push(scanPart(text, partStart, partEnd, part.depth + 1, parts, state));
      if (state.limited && parts.length >= MAX_MIME_PARTS) {
        return;
      }
    }
    idx = eol + 1;
    if (isClose) {
      closed = true;
      break;
    }
    partStart = Math.min(idx, end);
    pos = partStart;
  }
  if (partStart === -1) {
    // A multipart whose boundary never occurs (stripped by a gateway, or declared wrongly): read the
    // body as one text part rather than lose it. Seen in Sendmail reports relayed through old gateways.
    part.unterminated = true;
    const text0: Part = {
      fields: [],
      contentType: { type: 'text/plain', params: {} },
      encoding: '7bit',
      start: bodyStart,
      bodyStart,
      bodyEnd: end,
      depth: part.depth + 1,
      children: [],
      headersTruncated: false,
      unterminated: false,
    };
    part.children.push(text0);
    parts.push(text0);
    return;
  }
  if (!closed) {
    part.unterminated = true;
    if (partStart !== -1 && partStart < end) {
      part.children.push(scanPart(text, partStart, end, part.depth + 1, parts, state));
    }
  }
}

/** Only spaces and tabs in text[from, to) (usually empty: the line break follows the boundary). */
function blanksOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) {
      return false;
    }
  }
  return true;
}

export function isEmbeddedMessage(type: string): boolean {
  return type === 'message/rfc822' || type === 'message/global' || type === 'message/partial-rfc822';
}

export function isIdentityEncoding(encoding: string): boolean {
  return encoding === '7bit' || encoding === '8bit' || encoding === 'binary' || encoding === '';
}

function inferBoundary(text: string, start: number, end: number): string | undefined {
  const window = text.slice(start, Math.min(end, start + 64 * 1024));
  const m = /^--([0-9A-Za-z'()+_,./:=?-]{8,200})[ \t]*$/m.exec(window);
  if (!m) {
    return undefined;
  }
  // Only a preamble ("This is a MIME-encapsulated message") may stand before the first delimiter; a
  // delimiter after prose belongs to a quoted original (qmail copies the original as text).
  if (m.index > 300) {
    return undefined;
  }
  const b = m[1]!;
  const closes = text.includes(`\n--${b}--`, start);
  const next = window.indexOf(`\n--${b}`, m.index + m[0].length);
  return closes || next !== -1 ? b : undefined;
}
