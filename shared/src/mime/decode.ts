// Content decoding, the only importer of postal-mime. Base64 and quoted-printable bodies are decoded
// here, byte for byte as postal-mime decodes them (a test compares the two on random input), because
// handing postal-mime a one-part message cost more than the rest of the part's reading (Blobs, a
// TextDecoder per line: 6% of the corpus profile), and because postal-mime's parser is asynchronous:
// the engine is synchronous (the CLI bounds its time from the same thread, cli/src/in-thread.ts). Other
// transfer encodings are read as postal-mime reads them (otherEncodingBody). Only the one part we need
// is decoded, bounded, so a 25 MB attachment never is. Parts sent as 7bit/8bit are their bytes, and
// TextDecoder does the charset.
import { decodeWords } from 'postal-mime';
import { MAX_DECODE_BYTES, MAX_TEXT_CHARS } from '../limits';
import { BYTE_OF, asciiSameIn, byteOf, decodeCharset, strictUtf8 } from './bytes';
import { isIdentityEncoding, type Part } from './structure';
import { asciiWordAt } from '../headers/trim';

/** The decoded bytes of a part's body (transfer encoding removed), bounded. */
export function decodePartBytes(bytes: Uint8Array, part: Part): Uint8Array {
  const body = bytes.subarray(part.bodyStart, Math.min(part.bodyEnd, part.bodyStart + MAX_DECODE_BYTES));
  if (isIdentityEncoding(part.encoding)) {
    return body;
  }
  if (part.encoding === 'base64') {
    return base64Body(body);
  }
  if (part.encoding === 'quoted-printable') {
    return quotedPrintableBody(body);
  }
  return otherEncodingBody(body, part.encoding);
}

/**
 * A body in any other transfer encoding, read the way postal-mime reads the header (a test compares the
 * two on random values): its first token after comments are removed, base64 if that token contains
 * "base64", quoted-printable if it contains "quoted-printable", else the bytes line by line — so
 * `x-base64`, `(note) base64` and `"base64"` decode, and `x-uuencode` stays as sent (RFC 2045 §6.4: an
 * unknown encoding is to be treated as application/octet-stream). Synchronous: nothing here waits.
 */
export function otherEncodingBody(body: Uint8Array, encoding: string): Uint8Array {
  const token = /[\w-]+/.exec(withoutComments(encoding).toLowerCase())?.[0] ?? '';
  if (token.includes('base64')) {
    return base64Body(body);
  }
  if (token.includes('quoted-printable')) {
    return quotedPrintableBody(body);
  }
  return lineByLine(body);
}

/**
 * The body as a line reader passes it through: each line's trailing CRs dropped and each line ended by
 * "\n", a last line without one included.
 */
function lineByLine(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length + 1);
  let n = 0;
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i < body.length ? body[i] !== 0x0a : i === start) {
      continue;
    }
    let end = i;
    while (end > start && body[end - 1] === 0x0d) {
      end--;
    }
    out.set(body.subarray(start, end), n);
    n += end - start;
    out[n++] = 0x0a;
    start = i + 1;
  }
  return out.subarray(0, n);
}

/**
 * A structured header value without its RFC 822 comments: "(…)" outside quoted strings, nested, with
 * backslash escapes; inside a parameter value (after "=", until ";") a "(" opens a comment only after
 * whitespace. A "(" never closed is not a comment when a ";" follows it (the parameters after it would
 * be lost), so the value is kept whole then.
 */
export function withoutComments(value: string): string {
  let out = '';
  let depth = 0;
  let opened = -1;
  let quoted = false;
  let inValue = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\') {
      // The escaped character goes with its backslash, whatever it is.
      if (depth === 0) {
        out += value.slice(i, i + 2);
      }
      i++;
      continue;
    }
    if (c === '"' && depth === 0) {
      quoted = !quoted;
    } else if (!quoted) {
      if (c === '(' && (depth > 0 || !inValue || out === '' || out.endsWith(' ') || out.endsWith('\t'))) {
        if (depth++ === 0) {
          opened = i;
        }
        continue;
      }
      if (c === ')' && depth > 0) {
        depth--;
        continue;
      }
      if (depth === 0 && (c === '=' || c === ';')) {
        inValue = c === '=';
      }
    }
    if (depth === 0) {
      out += c;
    }
  }
  return depth === 0 || !value.includes(';', opened) ? out : value;
}

const B64_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) {
  B64_VALUE['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
}

/**
 * A base64 body: every byte outside the alphabet and "=" is skipped; "=" ends a unit (mailers that pad
 * each line start a new unit after it), and each unit decodes on its own, a trailing group of two or
 * three characters giving one or two bytes and a lone character none.
 */
export function base64Body(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.floor((body.length * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let have = 0; // characters of the current group of four
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    const v = B64_VALUE[c]!;
    if (v >= 0) {
      acc = (acc << 6) | v;
      if (++have === 4) {
        out[n++] = (acc >> 16) & 0xff;
        out[n++] = (acc >> 8) & 0xff;
        out[n++] = acc & 0xff;
        acc = 0;
        have = 0;
      }
    } else if (c === 0x3d) {
      n = endGroup(out, n, acc, have);
      acc = 0;
      have = 0;
    }
  }
  n = endGroup(out, n, acc, have);
  return out.subarray(0, n);
}

/** The bytes of a unit's last, short group (2 characters: one byte; 3: two; 1: none). */
function endGroup(out: Uint8Array, n: number, acc: number, have: number): number {
  if (have === 2) {
    out[n++] = (acc >> 4) & 0xff;
  } else if (have === 3) {
    out[n++] = (acc >> 10) & 0xff;
    out[n++] = (acc >> 2) & 0xff;
  }
  return n;
}

function hexValue(c: number | undefined): number {
  if (c === undefined) {
    return -1;
  }
  if (c >= 0x30 && c <= 0x39) {
    return c - 0x30;
  }
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/**
 * A quoted-printable body (RFC 2045 §6.7), line by line: a line is what comes before an LF, carriage
 * returns at its end dropped; "=XX" is a byte, any other "=" is text, a final "=" is a soft break
 * (the line break is not content), and every other line ends with an LF, the last one too.
 */
export function quotedPrintableBody(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length + 1);
  let n = 0;
  let start = 0;
  // The next "=" at or after the line's start: one native search per "=", not a look at every byte, and
  // the text between copied as it is. The byte loop cost ~450 M of the bench's 5.8 G instructions before
  // TurboFan optimises it (`--no-opt`); once optimised the two are even (instr.sh 4.438 → 4.435 G).
  let eq = body.indexOf(0x3d);
  while (start < body.length) {
    let lf = body.indexOf(0x0a, start);
    const next = lf === -1 ? body.length : lf + 1;
    if (lf === -1) {
      lf = body.length;
    }
    let end = lf;
    while (end > start && (body[end - 1] === 0x0d || body[end - 1] === 0x0a)) {
      end--;
    }
    const soft = end > start && body[end - 1] === 0x3d;
    if (soft) {
      end--;
    }
    let i = start;
    if (eq !== -1 && eq < start) {
      eq = body.indexOf(0x3d, start);
    }
    while (eq !== -1 && eq < end) {
      n = copyRun(body, i, eq, out, n);
      const high = eq + 2 < end ? hexValue(body[eq + 1]) : -1;
      const low = high >= 0 ? hexValue(body[eq + 2]) : -1;
      if (low >= 0) {
        out[n++] = (high << 4) | low;
        i = eq + 3;
      } else {
        out[n++] = 0x3d; // not "=XX": the "=" is text
        i = eq + 1;
      }
      eq = body.indexOf(0x3d, i);
    }
    n = copyRun(body, i, end, out, n);
    if (!soft) {
      out[n++] = 0x0a;
    }
    start = next;
  }
  return out.subarray(0, n);
}

/**
 * body[from, to) onto out at n; a run of 4 bytes or fewer by a loop, where the native copy's setup costs
 * more (measured: native from 2 bytes on or from 17 on were both dearer).
 */
function copyRun(body: Uint8Array, from: number, to: number, out: Uint8Array, n: number): number {
  if (to - from > 4) {
    out.set(body.subarray(from, to), n);
    return n + to - from;
  }
  for (let k = from; k < to; k++) {
    out[n++] = body[k]!;
  }
  return n;
}

/**
 * The decoded text of a text part (HTML reduced to text), bounded. Never throws. `asciiText`: the
 * latin1 text of `bytes` when every byte is ASCII; a part sent as is in a charset that reads ASCII as
 * ASCII is then that text's slice, not decoded a second time.
 */
export function decodePartText(bytes: Uint8Array, part: Part, asciiText?: string): string {
  const charset = part.contentType.params['charset'];
  let text: string;
  if (isIdentityEncoding(part.encoding)) {
    const end = Math.min(part.bodyEnd, part.bodyStart + MAX_DECODE_BYTES);
    text =
      asciiText !== undefined && asciiSameIn(charset)
        ? asciiText.slice(part.bodyStart, end)
        : decodeCharset(bytes.subarray(part.bodyStart, end), charset);
  } else {
    text = decodeCharset(decodePartBytes(bytes, part), charset);
  }
  if (part.contentType.type === 'text/html') {
    text = htmlToText(text);
  }
  return text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
}

/** RFC 2047 encoded words in a header value ("=?ISO-2022-JP?B?…?="). Never throws. */
export function decodeHeaderWords(value: string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!value.includes('=?')) {
    return latin1ToUtf8(value);
  }
  // The gate and the result both decode the subject of every message with encoded words: the last
  // answer is kept (a pure function of the value).
  if (value === lastWords.value) {
    return lastWords.decoded;
  }
  const decoded = decodeEncodedWords(value);
  lastWords = { value, decoded };
  return decoded;
}

let lastWords: { value: string | undefined; decoded: string } = { value: undefined, decoded: '' };

function decodeEncodedWords(value: string): string {
  try {
    return joinEncodedWords(value).replace(/\s+/g, ' ').trim();
  } catch {
    try {
      return decodeWords(value).replace(/\s+/g, ' ').trim();
    } catch {
      return value;
    }
  }
}

const ENCODED_WORD = /=\?([^?\s]{1,75})\?([bBqQ])\?([^?\s]{0,2000})\?=/g;

/**
 * RFC 2047 encoded words, with adjacent words of one charset joined as bytes before decoding: §5 asks
 * for whole characters per word, but mailers split UTF-8 anywhere ("44OG44K544M=" + "iA==" is "テスト"),
 * and decoding each word alone turns the split character into U+FFFD. White space between adjacent
 * encoded words is dropped (§6.2).
 */
function joinEncodedWords(value: string): string {
  let out = '';
  let last = 0;
  let pending: { charset: string; bytes: number[] } | undefined;
  const flush = () => {
    if (pending) {
      out += decodeCharset(Uint8Array.from(pending.bytes), pending.charset);
      pending = undefined;
    }
  };
  for (const m of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, m.index);
    if (!(pending && /^\s*$/.test(between))) {
      flush();
      out += latin1ToUtf8(between);
    }
    const charset = m[1]!.split('*')[0]!.toLowerCase(); // RFC 2231 §5 "charset*lang"
    const bytes = m[2] === 'b' || m[2] === 'B' ? base64Bytes(m[3]!) : qBytes(m[3]!);
    if (pending && pending.charset !== charset) {
      flush();
    }
    pending ??= { charset, bytes: [] };
    for (const b of bytes) {
      pending.bytes.push(b);
    }
    last = m.index + m[0].length;
  }
  flush();
  return out + latin1ToUtf8(value.slice(last));
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Bytes(text: string): number[] {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const c of text) {
    const v = B64.indexOf(c);
    if (v === -1) {
      continue; // padding and stray characters
    }
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return out;
}

/** RFC 2047 §4.2 "Q": "_" is a space, "=XX" a byte. */
function qBytes(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '_') {
      out.push(0x20);
    } else if (c === '=' && /^[0-9a-f]{2}$/i.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(c.charCodeAt(0) & 0xff);
    }
  }
  return out;
}

/**
 * Header values are read as latin1; raw UTF-8 in headers (RFC 6532, and common in practice) shows up as
 * mojibake. Re-read such values as UTF-8 when they are valid UTF-8.
 */
export function latin1ToUtf8(value: string): string {
  if (!/[\x80-\uffff]/.test(value)) {
    return value;
  }
  const b = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0xff && !BYTE_OF.has(code)) {
      return value; // already Unicode text, not a byte view
    }
    b[i] = byteOf(code);
  }
  // Not valid UTF-8: the value was 8-bit text in some legacy charset, and latin1 is the best reading.
  return strictUtf8(b) ?? value;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

// Bounds of the tag scanner, as the regular expressions it replaced had them: an opening script/style
// tag of up to 500 characters, its content up to 200,000, any other tag up to 2,000.
const MAX_OPEN_TAG = 500;
const MAX_HIDDEN_CONTENT = 200_000;
const MAX_TAG = 2000;
const LINE_BREAK_TAGS = new Set(['p', 'div', 'tr', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table']);

function isTagSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

function isWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f
  );
}

/**
 * The next position at or after `from` that `find` finds, for callers whose `from` only grows: the
 * answer is remembered, so a message repeating an unclosed `<style>` (or a run of `<` without `>`) costs one
 * pass over the text, not one per occurrence (issue 8 §1: 17–22 s on a 512 KB part with the regex).
 */
class Forward {
  private at = -2; // -2: not searched yet; -1: nothing after the last search start
  constructor(
    private readonly text: string,
    private readonly find: (text: string, from: number) => number,
  ) {}
  next(from: number): number {
    if (this.at === -1 || this.at >= from) {
      return this.at;
    }
    this.at = this.find(this.text, from);
    return this.at;
  }
}

/** A closing `</name` (any letter case) followed by optional white space and `>`. */
function closingTag(name: string): (text: string, from: number) => number {
  return (text, from) => {
    for (let at = text.indexOf('</', from); at !== -1; at = text.indexOf('</', at + 1)) {
      if (!asciiWordAt(text, at + 2, name)) {
        continue;
      }
      let i = at + 2 + name.length;
      while (i < text.length && isTagSpace(text.charCodeAt(i))) {
        i++;
      }
      if (text.charCodeAt(i) === 0x3e) {
        return at;
      }
    }
    return -1;
  };
}

/** Pieces joined a few hundred at a time: a part of many tiny tags never holds one string per piece. */
class Pieces {
  private readonly chunks: string[] = [];
  private pending: string[] = [];
  push(piece: string): void {
    if (piece === '') {
      return;
    }
    this.pending.push(piece);
    if (this.pending.length >= 512) {
      this.chunks.push(this.pending.join(''));
      this.pending = [];
    }
  }
  join(): string {
    this.chunks.push(this.pending.join(''));
    this.pending = [];
    return this.chunks.join('');
  }
}

/**
 * Enough HTML-to-text for reading a bounce's words: drop tags, scripts and styles, keep line structure.
 * One left-to-right scan with `indexOf`, no backtracking; it stops once `maxChars` of text are out, so
 * the cut comes before the work, not after it. Tag names are matched in any letter case in place
 * (asciiWordAt; none of them has a "k"): no lower-cased copy of the part, which was one of its larger
 * allocations.
 */
export function htmlToText(html: string, maxChars = MAX_TEXT_CHARS): string {
  const gt = new Forward(html, (t, from) => t.indexOf('>', from));
  const close = {
    script: new Forward(html, closingTag('script')),
    style: new Forward(html, closingTag('style')),
  };
  const out = new Pieces();
  let size = 0;
  let copied = 0; // html[copied, i) is text still to be copied out
  const emit = (end: number, replacement: string) => {
    if (end > copied) {
      out.push(html.slice(copied, end));
      size += end - copied;
    }
    out.push(replacement);
    size += replacement.length;
  };
  let i = html.indexOf('<');
  while (i !== -1 && size < maxChars) {
    const end = gt.next(i + 1);
    if (end === -1) {
      break; // no '>' anywhere after: every remaining '<' is text
    }
    let next = -1;
    const hidden = asciiWordAt(html, i + 1, 'script')
      ? 'script'
      : asciiWordAt(html, i + 1, 'style')
        ? 'style'
        : '';
    // U+212A lower-cases to "k", a word character: "<scriptK" names no script tag.
    const after = html.charCodeAt(i + 1 + hidden.length);
    if (hidden && !isWordChar(after) && after !== 0x212a && end - i - 1 <= MAX_OPEN_TAG) {
      const at = close[hidden].next(end + 1);
      if (at !== -1 && at - end - 1 <= MAX_HIDDEN_CONTENT) {
        emit(i, ' ');
        next = gt.next(at) + 1;
      }
    }
    if (next === -1 && end - i - 1 <= MAX_TAG) {
      emit(i, isLineBreakTag(html, i + 1, end) ? '\n' : '');
      next = end + 1;
    }
    if (next === -1) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    copied = next;
    i = html.indexOf('<', next);
  }
  if (size < maxChars) {
    emit(html.length, '');
  }
  const text = out.join();
  return (text.length > maxChars ? text.slice(0, maxChars) : text)
    .replace(/&(#x?[0-9a-f]{1,6}|[a-z]{2,6});/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+/g, ' ');
}

/** `br`, `br/`, `br /` and the closing tags of blocks: the tag's inside is html[from, end), any case. */
function isLineBreakTag(html: string, from: number, end: number): boolean {
  if (asciiWordAt(html, from, 'br') && from + 2 <= end) {
    let k = from + 2;
    while (k < end && isTagSpace(html.charCodeAt(k))) {
      k++;
    }
    return k === end || (k === end - 1 && html.charCodeAt(k) === 0x2f);
  }
  if (html.charCodeAt(from) !== 0x2f || end - from - 1 > 5) {
    return false;
  }
  for (const tag of LINE_BREAK_TAGS) {
    if (tag.length === end - from - 1 && asciiWordAt(html, from + 1, tag)) {
      return true;
    }
  }
  return false;
}
