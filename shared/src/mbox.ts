// A pure splitter for Unix mbox files (mboxo, mboxrd and mboxcl2, RFC 4155 "application/mbox").
//
// An mbox is a sequence of messages, each introduced by a "From_" separator line:
//   From MAILER-DAEMON Thu Sep 18 17:54:04 2008
// (sender envelope address, then an asctime() date). The separator is not part of the message.
// Writers escape body lines that would look like a separator:
//   mboxo:  "From " → ">From "              (not reversible: ">From " stays as it is)
//   mboxrd: /^>*From / gains one more ">"   (reversible: remove one ">" from /^>+From /)
// Line endings may be LF, CRLF (sisimai mailbox/mbox-0) or CR alone (old Mac OS); we never rewrite them.
//
// Linear in the input: one pass to find line starts, one bounded look at each line that begins "From ",
// and for mboxrd one more pass to drop escape characters.

import { latin1 } from './mime/bytes';

export type MboxFormat = 'mboxo' | 'mboxrd';

export interface SplitMboxOptions {
  /**
   * 'auto' (default): mboxrd when some line starts ">>From " (only an mboxrd writer produces that from a
   * ">From " body line), else mboxo. mboxo is never un-escaped, because ">From " there may be the sender's
   * own text.
   */
  format?: MboxFormat | 'auto';
}

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
// "From "
const FROM = [0x46, 0x72, 0x6f, 0x6d, 0x20] as const;

/** The most of a separator line we look at: envelope sender + asctime date fit easily. */
const MAX_SEPARATOR_LOOK = 512;

function startsWithFrom(bytes: Uint8Array, at: number): boolean {
  if (at + FROM.length > bytes.length) {
    return false;
  }
  for (let k = 0; k < FROM.length; k++) {
    if (bytes[at + k] !== FROM[k]) {
      return false;
    }
  }
  return true;
}

/** Index just past the line that starts at `at` (its terminator included: LF, CRLF or CR). */
function lineEnd(bytes: Uint8Array, at: number): number {
  // The native search for the LF; the line itself is read for a CR only when the file has one.
  const lf = bytes.indexOf(LF, at);
  const stop = lf === -1 ? bytes.length : lf;
  if (lf > at && bytes[lf - 1] === CR) {
    // A CR right before the LF: the line's first CR is found by a search that stops there at the latest,
    // without a view of the line (CRLF mail: every line).
    const cr = bytes.indexOf(CR, at);
    return cr === lf - 1 ? lf + 1 : cr + 1;
  }
  if (hasCr(bytes)) {
    // The first CR of the line by a second native search: a byte loop here ran over every header line of
    // a CRLF message in the Content-Length pass (~110 M of the 4.5 G instructions of the bench without
    // TurboFan, ~16 M with it).
    const cr = bytes.subarray(at, stop).indexOf(CR);
    if (cr !== -1) {
      return bytes[at + cr + 1] === LF ? at + cr + 2 : at + cr + 1;
    }
  }
  return lf === -1 ? bytes.length : lf + 1;
}

// Whether a buffer holds any CR, remembered per buffer: lineEnd() is asked once per line.
const crSeen = new WeakMap<Uint8Array, boolean>();

function hasCr(bytes: Uint8Array): boolean {
  let seen = crSeen.get(bytes);
  if (seen === undefined) {
    seen = bytes.indexOf(CR) !== -1;
    crSeen.set(bytes, seen);
  }
  return seen;
}

// asctime() dates as mail tools write them, tolerant of the variants seen in real files:
//   "From MAILER-DAEMON Thu Sep 18 17:54:04 2008"      (sendmail, procmail)
//   "From MAILER-DAEMON  Wed Sep 17 22:25:40 2008"     (two spaces)
//   "From - Thu Sep 18 17:54:04 2008"                   (Thunderbird)
//   "From user@example.org Sat Jan  3 01:05:34 1996 +0000"  (with a zone)
// A time hh:mm and a four-digit year must both be present; prose such as "From my point of view" has neither.
const SEPARATOR_DATE = /\d{1,2}:\d{2}(?::\d{2})?\b/;
const SEPARATOR_YEAR = /\b(?:19|20)\d{2}\b/;

/** Is the line at `at` (known to start with "From ") an mbox separator? */
function isSeparator(bytes: Uint8Array, at: number, end: number): boolean {
  if (at === 0) {
    return true; // a file that starts "From " is an mbox; its first line is always a separator
  }
  const line = latin1(bytes, at + FROM.length, Math.min(end, at + MAX_SEPARATOR_LOOK));
  return SEPARATOR_DATE.test(line) && SEPARATOR_YEAR.test(line);
}

/** True when the bytes start with a "From " separator line (optionally after a UTF-8 BOM or blank lines). */
export function looksLikeMbox(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    i = 3;
  }
  while (i < bytes.length && (bytes[i] === LF || bytes[i] === CR)) {
    i++;
  }
  if (!startsWithFrom(bytes, i)) {
    return false;
  }
  const end = lineEnd(bytes, i);
  const line = latin1(bytes, i + FROM.length, Math.min(end, i + MAX_SEPARATOR_LOOK));
  // "From: someone" is a header, not a separator; the separator has a sender token and a date.
  return SEPARATOR_DATE.test(line) && SEPARATOR_YEAR.test(line);
}

/**
 * Where the last separator line after the first byte starts, or -1 when there is none. Lets a reader
 * split a large mbox in pieces: everything before this offset is complete messages; the rest waits for
 * more bytes. A separator cut off at the end of `bytes` may be missed; that only keeps more for later.
 */
export function lastSeparatorStart(bytes: Uint8Array): number {
  for (let i = bytes.length - FROM.length; i > 0; i--) {
    if (
      bytes[i] === 0x46 &&
      (bytes[i - 1] === LF || bytes[i - 1] === CR) &&
      startsWithFrom(bytes, i) &&
      isSeparator(bytes, i, lineEnd(bytes, i))
    ) {
      return i;
    }
  }
  return -1;
}

function isBlank(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b !== LF && b !== CR && b !== 0x20 && b !== 0x09) {
      return false;
    }
  }
  return true;
}

/** Length of the line terminator that ends at `end` (exclusive), 0 when none. */
function terminatorBefore(bytes: Uint8Array, from: number, end: number): number {
  if (end - from >= 2 && bytes[end - 2] === CR && bytes[end - 1] === LF) {
    return 2;
  }
  if (end - from >= 1 && (bytes[end - 1] === LF || bytes[end - 1] === CR)) {
    return 1;
  }
  return 0;
}

/**
 * RFC 4155: the writer ends each message with an empty line before the next separator. Drop that one
 * empty line (and only it) so the message ends with its own last line terminator.
 */
function trimSeparatorBlank(bytes: Uint8Array, from: number, end: number): number {
  const last = terminatorBefore(bytes, from, end);
  if (last === 0) {
    return end;
  }
  const before = terminatorBefore(bytes, from, end - last);
  return before > 0 ? end - last : end;
}

/**
 * Is the "From " at `f` the end of an mboxrd escape, ">>From " or deeper at the start of a line? Only an
 * mboxrd writer escapes ">From " that way. Asked of each "F" the separator search visits, so the file
 * is not searched a second time for ">".
 */
function escapedFrom(bytes: Uint8Array, f: number): boolean {
  let k = f;
  while (k > 0 && bytes[k - 1] === GT) {
    k--;
  }
  return f - k >= 2 && (k === 0 || bytes[k - 1] === LF || bytes[k - 1] === CR) && startsWithFrom(bytes, f);
}

/** mboxrd: remove one ">" from every line matching /^>+From /. Copies only when something changes. */
function unescapeMboxrd(message: Uint8Array): Uint8Array {
  let out: Uint8Array | undefined;
  let w = 0;
  let copiedUpTo = 0;
  let atLineStart = true;
  for (let i = 0; i < message.length; i++) {
    const b = message[i];
    if (atLineStart && b === GT) {
      let j = i + 1;
      while (message[j] === GT) {
        j++;
      }
      if (startsWithFrom(message, j)) {
        out ??= new Uint8Array(message.length);
        out.set(message.subarray(copiedUpTo, i), w);
        w += i - copiedUpTo;
        copiedUpTo = i + 1; // skip this one ">"
      }
    }
    atLineStart = b === LF || (b === CR && message[i + 1] !== LF);
  }
  if (out === undefined) {
    return message;
  }
  out.set(message.subarray(copiedUpTo), w);
  w += message.length - copiedUpTo;
  return out.subarray(0, w);
}

/**
 * mboxcl2 (Solaris mail, some mutt setups): "From " lines in the body are not escaped at all; the
 * message's "Content-Length: N" header says where its body ends. A separator inside a body is dropped
 * when that message's Content-Length ends exactly at the next real separator (or at the end of the
 * file, after at most one empty line). A wrong or missing Content-Length changes nothing, so mboxo and
 * mboxrd files read as before. Linear: each header block is read once, each separator checked once.
 */
function dropSeparatorsInsideContentLength(bytes: Uint8Array, starts: number[], ends: number[]): void {
  let w = 0;
  let skipBefore = -1; // separators that start before this offset lie inside a kept message's body
  for (let k = 0; k < starts.length; k++) {
    if (starts[k]! < skipBefore) {
      continue;
    }
    starts[w] = starts[k]!;
    ends[w] = ends[k]!;
    w++;
    const bodyEnd = contentLengthEnd(bytes, ends[k]!);
    if (bodyEnd === undefined || bodyEnd <= ends[k]! || bodyEnd > bytes.length) {
      continue;
    }
    // Where the next message must begin: bodyEnd, or one empty line later (RFC 4155's blank line).
    let next = bodyEnd;
    if (next < bytes.length && (bytes[next] === LF || bytes[next] === CR)) {
      next = lineEnd(bytes, next);
    }
    const atEnd = isBlank(bytes, bodyEnd, bytes.length);
    if (atEnd || (startsWithFrom(bytes, next) && isSeparator(bytes, next, lineEnd(bytes, next)))) {
      skipBefore = bodyEnd;
    }
  }
  starts.length = w;
  ends.length = w;
}

// "content-length:", lower-case
const CONTENT_LENGTH = [...'content-length:'].map(c => c.charCodeAt(0));
// Its first letter in either case: the header-line loops call contentLengthOf() only for lines that
// start with one (the call itself, ~100 K header lines, was the larger part of its cost).
const C_UPPER = 0x43;
const C_LOWER = 0x63;

/** `word` (lower-case ASCII) at `at`, the bytes' letters in any case. */
function startsWithLower(bytes: Uint8Array, at: number, word: readonly number[]): boolean {
  for (let k = 0; k < word.length; k++) {
    const b = bytes[at + k]!;
    if ((b >= 0x41 && b <= 0x5a ? b + 0x20 : b) !== word[k]) {
      return false;
    }
  }
  return true;
}

/** The end of the body a "Content-Length:" header in the block starting at `from` announces. */
export function contentLengthEnd(bytes: Uint8Array, from: number): number | undefined {
  const limit = Math.min(bytes.length, from + 256 * 1024);
  // Lines by the native LF search alone. A line whose LF has a CR before it is a CRLF line when that CR is
  // its first (a second search, which stops there); a block of such lines ends at a CRLF empty line. A
  // block of LF lines is exact when it holds no CR at all (most mbox files, and most messages of mixed
  // ones). Anything else (a CR alone, CRLF and LF lines mixed) is read again line by line.
  let length: number | undefined;
  let crlf = 0; // lines read that end with CRLF, their only CR
  let plain = 0; // lines read that end with LF alone (or at the end of the bytes)
  let i = from;
  while (i < limit) {
    const first = bytes[i];
    if (first === CR) {
      if (bytes[i + 1] === LF && plain === 0) {
        return length === undefined ? undefined : i + 2 + length; // the CRLF empty line ends the block
      }
      return contentLengthEndByLines(bytes, from, limit);
    }
    if (first === LF) {
      break; // the empty line ends the header block
    }
    const lf = bytes.indexOf(LF, i);
    const end = lf === -1 ? bytes.length : lf + 1;
    if (lf > i && bytes[lf - 1] === CR) {
      if (bytes.indexOf(CR, i) !== lf - 1) {
        return contentLengthEndByLines(bytes, from, limit); // a CR alone inside the line
      }
      crlf++;
    } else {
      plain++;
    }
    if (first === C_UPPER || first === C_LOWER) {
      length = contentLengthOf(bytes, i, end) ?? length;
    }
    i = end;
  }
  if (crlf > 0 || bytes.subarray(from, Math.min(i, bytes.length)).indexOf(CR) !== -1) {
    return contentLengthEndByLines(bytes, from, limit);
  }
  return i < limit && length !== undefined ? i + 1 + length : undefined;
}

/** contentLengthEnd() for header blocks with CRs: every line end (LF, CRLF or CR) found one by one. */
export function contentLengthEndByLines(bytes: Uint8Array, from: number, limit: number): number | undefined {
  let length: number | undefined;
  for (let i = from; i < limit;) {
    const end = lineEnd(bytes, i);
    if (bytes[i] === LF || bytes[i] === CR) {
      return length === undefined ? undefined : end + length; // the empty line ends the header block
    }
    if (bytes[i] === C_UPPER || bytes[i] === C_LOWER) {
      length = contentLengthOf(bytes, i, end) ?? length;
    }
    i = end;
  }
  return undefined;
}

/** N when the line [i, end) is "Content-Length: N" (any letter case, blanks around N). */
function contentLengthOf(bytes: Uint8Array, i: number, end: number): number | undefined {
  if (end - i < 80 && startsWithLower(bytes, i, CONTENT_LENGTH)) {
    const m = /^content-length:[ \t]*(\d{1,10})[ \t]*[\r\n]*$/i.exec(latin1(bytes, i, end));
    if (m) {
      return Number(m[1]);
    }
  }
  return undefined;
}

/**
 * Split an mbox into its messages, separator lines removed. Never drops content: text before the first
 * separator (a file that is not an mbox at all, or a damaged head) comes back as a message of its own
 * unless it is blank. Returned arrays are views into `bytes` where no un-escaping was needed.
 */
export function splitMbox(bytes: Uint8Array, options: SplitMboxOptions = {}): Uint8Array[] {
  const format = options.format ?? 'auto';

  // Separator line spans [start, end).
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  let bomSkip = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bomSkip = 3;
    i = 3;
  }
  // Separators start with "F" at the start of a line: look only at each "F" (a native search) whose
  // previous byte ends a line (LF, or a CR, which ends a line unless an LF follows it, and here an "F"
  // follows). Reading every line with a byte loop cost a sixth of the CLI's time on a 14 MB mbox.
  let escaped = false; // some line starts ">>From " (mboxrd)
  for (let f = bytes.indexOf(0x46, i); f !== -1; f = bytes.indexOf(0x46, f + 1)) {
    if (f !== i && bytes[f - 1] !== LF && bytes[f - 1] !== CR) {
      escaped ||= bytes[f - 1] === GT && escapedFrom(bytes, f);
      continue;
    }
    if (startsWithFrom(bytes, f)) {
      const end = lineEnd(bytes, f);
      if (isSeparator(bytes, f === bomSkip ? 0 : f, end)) {
        starts.push(f);
        ends.push(end);
      }
    }
  }

  dropSeparatorsInsideContentLength(bytes, starts, ends);
  const rd = format === 'mboxrd' || (format === 'auto' && escaped);

  const messages: Uint8Array[] = [];
  const push = (from: number, to: number): void => {
    if (isBlank(bytes, from, to)) {
      return;
    }
    const cut = trimSeparatorBlank(bytes, from, to);
    const view = bytes.subarray(from, cut);
    messages.push(rd ? unescapeMboxrd(view) : view);
  };

  push(bomSkip, starts[0] ?? bytes.length);
  for (let k = 0; k < starts.length; k++) {
    push(ends[k] ?? bytes.length, starts[k + 1] ?? bytes.length);
  }
  return messages;
}
