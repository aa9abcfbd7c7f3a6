// The bounced original, wherever the report keeps it (issue 2 §2): an attached message/rfc822 or
// message/global (RFC 3462 §2 / RFC 6532), headers only in text/rfc822-headers or message/global-headers
// (RFC 6533), or quoted in the text after a marker line. A missing original is reported as missing,
// never guessed; a cut one says so.
import type { HeaderField, OriginalMessage, OriginalVia } from '../types';
import { MAX_MESSAGE_BYTES } from '../limits';
import { latin1, toLf } from '../mime/bytes';
import { parseHeaderBlock, header } from '../mime/header-block';
import { decodePartBytes, decodePartText, htmlToText } from '../mime/decode';
import { parseContentType } from '../mime/content-type';
import { readHeaderAt, scanStructure, type Part } from '../mime/structure';
import { summarizeFields } from '../headers/summary';
import type { Context } from './context';

const EXCERPT_CHARS = 400;

export function findOriginal(ctx: Context, inlineFrom: number | undefined): OriginalMessage | undefined {
  if (ctx.embedded) {
    const o = fromEmbedded(ctx, ctx.embedded);
    if (o) {
      return o;
    }
  }
  if (ctx.headersPart) {
    const p = ctx.headersPart;
    const text =
      p.encoding === '7bit' || p.encoding === '8bit'
        ? ctx.text.slice(p.bodyStart, p.bodyEnd)
        : decodePartText(ctx.bytes, p, ctx.asciiText);
    const headerText = text.replace(/^\s*\n/, '');
    const block = parseHeaderBlock(headerText);
    if (block.fields.length > 0) {
      return summarizeFields({
        headerText,
        fields: block.fields,
        via:
          p.contentType.type === 'message/global-headers' ? 'message/global-headers' : 'text/rfc822-headers',
        headersTruncated: block.truncated,
        bodyTruncated: true,
        bodyExcerpt: undefined,
        bodyCharsets: [],
      });
    }
  }
  return (
    fromInline(ctx.body, inlineFrom ?? 0, 'inline') ??
    // Last resort: the raw text after the report's own header block. Broken or anonymised boundaries
    // (a delimiter that differs from the declared one) hide parts from the structure scan, but the
    // original's header lines are still there to read.
    fromInline(
      ctx.text.slice(ctx.structure.root.bodyStart, ctx.structure.root.bodyStart + 256 * 1024),
      0,
      'inline',
    )
  );
}

function fromEmbedded(ctx: Context, part: Part): OriginalMessage | undefined {
  const via: OriginalVia = part.contentType.type === 'message/global' ? 'message/global' : 'message/rfc822';
  let bytes = ctx.bytes;
  let text = ctx.text;
  let inner = part.children[0];
  if (!inner) {
    // Transfer-encoded message/rfc822 (not allowed by RFC 2046 §5.2.1, seen in practice): decode it.
    if (part.bodyStart >= part.bodyEnd) {
      return undefined;
    }
    bytes = toLf(decodePartBytes(ctx.bytes, part));
    text = latin1(bytes, 0, Math.min(bytes.length, MAX_MESSAGE_BYTES));
    inner = scanStructure(text).root;
  }
  // Some MTAs put a blank line before the embedded headers.
  let start = inner.start;
  while (text.charCodeAt(start) === 0x0a && start < inner.bodyEnd) {
    start++;
  }
  // The structure scan read this same header block (same text, start and end) for `inner`.
  const [fields, bodyStart, headersTruncated] =
    start === inner.start
      ? [inner.fields, inner.bodyStart, inner.headersTruncated]
      : readHeaderAt(text, start, inner.bodyEnd);
  if (fields.length === 0) {
    return undefined;
  }
  const sub = start === inner.start ? inner : scanStructure(text, start, inner.bodyEnd).root;
  // The message's own bytes (not a decoded copy): its ASCII text serves the excerpt too.
  const { excerpt, charsets } = partExcerpt(bytes, sub, bytes === ctx.bytes ? ctx.asciiText : undefined);
  return summarizeFields({
    // The block the fields were read from lies between the header start and the body (readHeaderAt).
    headerText: text.slice(start, bodyStart),
    fields,
    via,
    headersTruncated,
    bodyTruncated: bodyStart >= inner.bodyEnd || sub.unterminated || excerpt === undefined,
    bodyExcerpt: excerpt,
    bodyCharsets: charsets,
  });
}

function partExcerpt(
  bytes: Uint8Array,
  root: Part,
  asciiText: string | undefined,
): { excerpt: string | undefined; charsets: string[] } {
  const charsets: string[] = [];
  let found: Part | undefined;
  const stack = [root];
  while (stack.length > 0 && !found) {
    const p = stack.shift()!;
    const type = p.contentType.type;
    if (p.contentType.params['charset']) {
      charsets.push(p.contentType.params['charset']);
    }
    if ((type === 'text/plain' || type === 'text/html') && p.bodyStart < p.bodyEnd) {
      found = p;
    }
    stack.push(...p.children);
  }
  if (!found) {
    return { excerpt: undefined, charsets };
  }
  const small = { ...found, bodyEnd: Math.min(found.bodyEnd, found.bodyStart + 8192) };
  const t = excerptOf(decodePartText(bytes, small, asciiText));
  return { excerpt: t || undefined, charsets };
}

/**
 * The first EXCERPT_CHARS of `text` with its white space runs folded to one space and its ends trimmed,
 * `text.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_CHARS)`, folding only as much of the text as that
 * needs. Folding a prefix gives a prefix of the whole folded text (a cut run still folds to its one
 * space); once the prefix's folded text is longer than the excerpt, its non-blank character past the
 * excerpt shows the trim at the end cannot reach the excerpt either.
 */
function excerptOf(text: string): string {
  for (let n = 2 * EXCERPT_CHARS; n < text.length; n *= 4) {
    const t = fold(text.slice(0, n));
    if (t.length > EXCERPT_CHARS) {
      return t.slice(0, EXCERPT_CHARS);
    }
  }
  return fold(text).slice(0, EXCERPT_CHARS);
}

function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// Marker lines that introduce a quoted original in plain-text bounces, e.g.
//   "------ This is a copy of the message, including all the headers. ------" (Exim)
//   "--- Below this line is a copy of the message." (qmail)
//   "   ----- Original message -----" / "----- Transcript of session follows -----" (Sendmail)
//   "Original message headers:" (Exchange), "The original message was received at" (Sendmail)
// Linear: the dashes of "-----" are part of the leading run (a separate "-{2,}" after "[ \t>-]*" made it
// quadratic on a long dash or blank line: ~125 s for 250 KB, issue 8 §1); "="/"*" rules cannot overlap it.
const MARKER =
  /^[ \t>-]*(?:(?:={2,}|\*{2,})[ \t]*)?(?:this is a copy of|below this line is a copy|original message|unsent message|returned message|included message|the original message|original message headers|message headers follow|headers of the original|copy of the original|text of the original|the message you sent|your message (?:reads|follows|was)|here is (?:a copy|the message)|message follows|undelivered message|a copy of (?:the|your) message)/im;

// Names of the header lines originals start with or always carry, and any "X-" name.
const KEY_NAMES: ReadonlySet<string> = new Set([
  'return-path',
  'received',
  'from',
  'to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'dkim-signature',
  'content-type',
  'reply-to',
  'sender',
  'cc',
  'authentication-results',
  'delivered-to',
  'in-reply-to',
  'references',
  'user-agent',
  'x-mailer',
]);

/**
 * A header name (ASCII letters, digits and "-", as findHeaderRun() reads them) of the kind originals
 * start with or always carry: the anchored /^(?:return-path|…|x-[a-z0-9-]+|…):/i test of "name:"
 * without building that string and running the alternation for every candidate line.
 */
export function isKeyHeaderName(name: string): boolean {
  return KEY_NAMES.has(name.toLowerCase()) || isExtensionName(name);
}

/** "X-" and at least one more character (the name is letters, digits and "-" already). */
function isExtensionName(name: string): boolean {
  return name.length > 2 && (name.charCodeAt(0) | 0x20) === 0x78 && name.charCodeAt(1) === 0x2d;
}
const STRONG_NAMES: ReadonlySet<string> = new Set([
  'message-id',
  'received',
  'return-path',
  'date',
  'subject',
  'from',
  'dkim-signature',
]);

/**
 * Two strong fields, or a Message-ID: enough to call a block the original's headers. Names are
 * lower-cased by parseHeaderBlock() and hold no ":", so a set lookup is the anchored
 * /^(?:message-id|…):/i test of "name:"; it stops at the second strong field instead of filtering all.
 */
export function hasStrongFields(fields: readonly HeaderField[]): boolean {
  let strong = 0;
  for (let i = 0; i < fields.length; i++) {
    if (STRONG_NAMES.has(fields[i]!.name) && ++strong === 2) {
      return true;
    }
  }
  const id = header(fields, 'message-id');
  return id !== undefined && id !== '';
}
// The same, on a line that may be indented or quoted ("  Subject: x", "> Subject: x").
const STRONG_LINE = /^[ \t>]*(?:message-id|received|return-path|date|subject|from|dkim-signature):/i;

/** A quoted original in text: the first run of header lines after a marker, or anywhere when strong. */
export function fromInline(body: string, from: number, via: OriginalVia): OriginalMessage | undefined {
  if (!body) {
    return undefined;
  }
  const text = body.length > 256 * 1024 ? body.slice(0, 256 * 1024) : body;
  const marker = MARKER.exec(text.slice(from));
  const searchFrom = marker ? from + marker.index + marker[0].length : from;
  const start = findHeaderRun(text, searchFrom) ?? (marker ? undefined : undefined);
  if (start === undefined) {
    return undefined;
  }
  // Quoted originals are sometimes indented ("  Subject: x") or quoted ("> Subject: x").
  let rest = text.slice(start);
  const indent = /^([ \t>]+)/.exec(rest)?.[1];
  if (indent) {
    const out: string[] = [];
    const bare = indent.trimEnd();
    // Line by line up to the first line that leaves the quote (not a split of the whole rest).
    for (let pos = 0; ;) {
      const nl = rest.indexOf('\n', pos);
      const l = rest.slice(pos, nl === -1 ? rest.length : nl);
      if (!l.startsWith(indent) && l.trim() !== '' && (bare === '' || l.trimEnd() !== bare)) {
        break;
      }
      // "> " quoting writes a blank quoted line as ">" alone: that is the blank line ending the headers.
      out.push(l.startsWith(indent) ? l.slice(indent.length) : '');
      if (nl === -1) {
        break;
      }
      pos = nl + 1;
    }
    rest = out.join('\n');
  }
  const he = rest.indexOf('\n\n');
  const headerText = he === -1 ? rest : rest.slice(0, he);
  const block = parseHeaderBlock(headerText);
  const fields = block.fields;
  if (!hasStrongFields(fields)) {
    return undefined;
  }
  const { text: bodyText, charsets } =
    he === -1 ? { text: '', charsets: [] } : quotedBody(rest.slice(he + 2), fields);
  return summarizeFields({
    headerText,
    fields,
    via,
    headersTruncated: he === -1,
    bodyTruncated: he === -1 || bodyText.length === 0,
    bodyExcerpt: bodyText || undefined,
    bodyCharsets: charsets,
  });
}

/**
 * The excerpt of a quoted original's body. Yahoo, Mail.ru and Exim quote MIME originals whole, so a
 * multipart body is read down to its first text part (skipping delimiter lines and part headers)
 * rather than shown as "------=_Part_… Content-Type: …". Already decoded text: no transfer decoding.
 */
function quotedBody(body: string, fields: HeaderField[]): { text: string; charsets: string[] } {
  const ct = parseContentType(header(fields, 'content-type'));
  const boundary = ct.params['boundary'];
  if (!ct.type.startsWith('multipart/') || !boundary) {
    return { text: excerptOf(body.slice(0, 8192)), charsets: [] };
  }
  const delimiter = '--' + boundary;
  const charsets: string[] = [];
  let pos = body.indexOf(delimiter);
  for (let guard = 0; pos !== -1 && guard < 20; guard++) {
    const partStart = body.indexOf('\n', pos);
    if (partStart === -1) {
      break;
    }
    const next = body.indexOf(delimiter, partStart);
    const part = body.slice(partStart + 1, next === -1 ? undefined : next);
    const split = part.indexOf('\n\n');
    const partFields = parseHeaderBlock(split === -1 ? part : part.slice(0, split)).fields;
    const partType = parseContentType(header(partFields, 'content-type'));
    if (partType.params['charset']) {
      charsets.push(partType.params['charset'].toLowerCase());
    }
    if (partType.type === 'text/plain' || partType.type === 'text/html') {
      const content = split === -1 ? '' : part.slice(split + 2, split + 2 + 8192);
      return { text: excerptOf(partType.type === 'text/html' ? htmlToText(content) : content), charsets };
    }
    pos = next;
  }
  return { text: '', charsets };
}

function findHeaderRun(text: string, from: number): number | undefined {
  const re = /^[ \t>]*([A-Za-z][A-Za-z0-9-]{1,40}):/gm;
  re.lastIndex = from;
  let guard = 0;
  for (let m = re.exec(text); m && guard < 2000; m = re.exec(text), guard++) {
    if (!isKeyHeaderName(m[1]!)) {
      continue;
    }
    // Need a second header line within the next few lines to call it a header block.
    // Only lines of the same block count: a blank line ends a header block.
    if (strongLines(text, m.index) >= 2) {
      return m.index;
    }
  }
  return undefined;
}

/**
 * How many of the (up to 12) lines from `at`, within 3,000 characters and up to the first blank line,
 * are strong header lines (up to 2: that is all the caller asks). Read line by line: splitting the
 * whole window for every candidate line was the largest cost of reading quoted originals (issue 10 §4).
 */
function strongLines(text: string, at: number): number {
  const end = Math.min(text.length, at + 3000);
  let strong = 0;
  for (let n = 0, pos = at; n < 12 && pos <= end && strong < 2; n++) {
    const nl = text.indexOf('\n', pos);
    const stop = nl === -1 || nl > end ? end : nl;
    const line = text.slice(pos, stop);
    if (line.trim() === '') {
      break;
    }
    if (STRONG_LINE.test(line)) {
      strong++;
    }
    pos = stop + 1;
  }
  return strong;
}
