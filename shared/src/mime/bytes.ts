// Byte-level helpers. The engine reads headers as latin1 (one char per byte, never fails) and decodes
// text with TextDecoder only once the charset is known. TextEncoder never touches raw message bytes:
// re-encoding 8-bit bytes as UTF-8 corrupts them.

const LF = 0x0a;
const CR = 0x0d;

/**
 * Line endings to LF. Mail arrives with CRLF (on the wire), LF (Unix mbox) or CR alone (classic
 * Mac files: Sisimai's maildir/mac, which Sisimai itself cannot read). Mixed files are common too.
 * Returns the input itself when it already has no CR.
 */
export function toLf(bytes: Uint8Array): Uint8Array {
  let cr = bytes.indexOf(CR);
  if (cr === -1) {
    return bytes;
  }
  // Copied whole (native), then each line moved down over the CRs dropped so far (native memmove), each
  // CR found by the native search: no byte loop in JS (CRLF mail has a CR every ~50 bytes).
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  let o = 0;
  let from = 0;
  while (cr !== -1) {
    if (o !== from) {
      out.copyWithin(o, from, cr);
    }
    o += cr - from;
    out[o++] = LF;
    from = bytes[cr + 1] === LF ? cr + 2 : cr + 1;
    cr = bytes.indexOf(CR, from);
  }
  if (o !== from) {
    out.copyWithin(o, from);
  }
  return out.subarray(0, o + bytes.length - from);
}

// WHATWG's "latin1" is windows-1252: still exactly one UTF-16 unit per byte (so offsets are shared
// with the bytes), but 0x80–0x9F become typographic characters. BYTE_OF maps those back.
const singleByte = new TextDecoder('windows-1252');
export const BYTE_OF: ReadonlyMap<number, number> = new Map(
  [...singleByte.decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i))].map((c, i) => [
    c.charCodeAt(0),
    0x80 + i,
  ]),
);

/** The byte a character of a latin1() string stands for. */
export function byteOf(code: number): number {
  return code < 0x100 ? code : (BYTE_OF.get(code) ?? code & 0xff);
}

// Non-fatal: an invalid byte becomes U+FFFD, which latin1() takes as "not ASCII", never an exception.
const utf8 = new TextDecoder('utf-8');

/** A one-char-per-byte view of a byte range: total, fast (native decoding for anything but tiny ranges). */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return readLatin1(bytes, start, end)[0];
}

/**
 * latin1(), and whether every byte of the range is known to be ASCII (ranges over 64 bytes are read
 * as UTF-8 first, which tells; shorter ones say false).
 */
export function readLatin1(bytes: Uint8Array, start = 0, end = bytes.length): [text: string, ascii: boolean] {
  if (end - start > 64) {
    const view = bytes.subarray(start, end);
    // ASCII reads the same in UTF-8 and windows-1252, and Node's UTF-8 decoder reads it about twice as fast
    // (most mail is ASCII). As long as the input and without U+FFFD means ASCII: any multi-byte sequence
    // shortens the text (2–4 bytes give 1–2 units), an invalid byte gives U+FFFD, and so does a BOM-less
    // EF BF BD; a leading BOM is dropped (shorter).
    const ascii = utf8.decode(view);
    if (ascii.length === view.length && !ascii.includes('\uFFFD')) {
      return [ascii, true];
    }
    return [singleByte.decode(view), false];
  }
  let s = '';
  const CHUNK = 8192;
  for (let i = start; i < end; i += CHUNK) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + CHUNK)) as unknown as number[]);
  }
  return [s, false];
}

/**
 * Where the header block ends in raw bytes of any line-ending style (LF LF, CRLF CRLF, CR CR), so the
 * cheap first look can normalise just the header block. Returns the index of the blank line, or -1.
 */
export function rawHeaderEnd(bytes: Uint8Array, limit: number): number {
  const end = Math.min(bytes.length, limit);
  const view = end === bytes.length ? bytes : bytes.subarray(0, end);
  // Most messages end their lines with LF alone: find the empty line by LFs, then look for a CR only
  // in the header block, not (as a search for the first CR did) through the whole body.
  let lineStart = 0;
  let blank = -1;
  while (lineStart < end) {
    if (view[lineStart] === LF) {
      blank = lineStart;
      break;
    }
    const lf = view.indexOf(LF, lineStart);
    if (lf === -1 || (lineStart === 0 && lf > 0 && view[lf - 1] === CR)) {
      break; // no more lines, or CRLF from the first line on: read by both below
    }
    lineStart = lf + 1;
  }
  if (blank !== -1 || lineStart >= end) {
    const stop = blank === -1 ? end : blank;
    if ((stop === view.length ? view : view.subarray(0, stop)).indexOf(CR) === -1) {
      return blank; // no CR before it: the LF reading is the answer
    }
  }
  // Line by line with the native search (this runs on every message; a byte loop in JS was 7% of the
  // time of ordinary mail): the next line break is the nearer of the next LF and the next CR.
  let cr = view.indexOf(CR);
  lineStart = 0;
  for (;;) {
    if (cr !== -1 && cr < lineStart) {
      cr = view.indexOf(CR, lineStart);
    }
    const lf = view.indexOf(LF, lineStart);
    const at = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
    if (at === -1) {
      return -1;
    }
    if (at === lineStart) {
      return at; // an empty line
    }
    lineStart = view[at] === CR && bytes[at + 1] === LF ? at + 2 : at + 1;
  }
}

/**
 * rawHeaderEnd() over the latin1 text of the bytes (no limit): where the first empty line starts, or -1.
 * An empty line starts where a line break follows a line start: at 0, after an LF ("\n\n", "\n\r"), or
 * after a CR that no LF follows ("\r\r"; "\r\n" is one break). So three native string searches and no
 * loop over the lines: the byte array's indexOf, once per line, was 2% of the engine's instructions.
 */
export function blankLineIn(text: string): number {
  const first = text.charCodeAt(0);
  if (first === LF || first === CR) {
    return 0;
  }
  const lfLf = text.indexOf('\n\n');
  const cr = text.indexOf('\r');
  if (cr === -1 || (lfLf !== -1 && cr > lfLf)) {
    return lfLf === -1 ? -1 : lfLf + 1; // LF lines up to the blank one: the usual case
  }
  let at = lfLf;
  for (const pair of ['\n\r', '\r\r']) {
    const i = text.indexOf(pair, cr - 1);
    if (i !== -1 && (at === -1 || i < at)) {
      at = i;
    }
  }
  return at === -1 ? -1 : at + 1;
}

/** Index of the LF that ends the header block (the first empty line), or -1. */
export function headerEnd(bytes: Uint8Array, start: number, limit: number): number {
  const end = Math.min(bytes.length, start + limit);
  if (bytes[start] === LF) {
    return start;
  }
  for (let i = start; i < end - 1; i++) {
    if (bytes[i] === LF && bytes[i + 1] === LF) {
      return i + 1;
    }
  }
  return -1;
}

const decoders = new Map<string, TextDecoder>();
/**
 * Labels TextDecoder refused. A refusal is an exception with a stack trace, dearer than the decode
 * itself, and a mailer that writes an unknown label writes it on every part (issue 10 §4 profile).
 * Bounded: labels come from the message.
 */
const refused = new Set<string>();
const MAX_REMEMBERED_LABELS = 256;

/** Decodes bytes in a charset label; unknown labels fall back to UTF-8, then windows-1252. Never throws. */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  const label = normaliseCharset(charset);
  let decoder = decoders.get(label);
  if (!decoder) {
    if (refused.has(label)) {
      return utf8OrLatin1(bytes);
    }
    try {
      decoder = new TextDecoder(label);
    } catch {
      if (refused.size < MAX_REMEMBERED_LABELS && label.length <= 64) {
        refused.add(label);
      }
      return utf8OrLatin1(bytes);
    }
    decoders.set(label, decoder);
  }
  try {
    const text = decoder.decode(bytes);
    // Mislabelled text is common (a UTF-8 body declared ISO-2022-JP or us-ascii): when the declared
    // charset cannot read the bytes but UTF-8 can, the bytes are UTF-8.
    if (text.includes('\uFFFD') && label !== 'utf-8') {
      try {
        return fatalUtf8.decode(bytes);
      } catch {
        return text;
      }
    }
    return text;
  } catch {
    return utf8OrLatin1(bytes);
  }
}

// WHATWG encodings that read the bytes 00–7F as U+0000–U+007F: UTF-8 and the single-byte ones (their
// tables cover 80–FF only). Not UTF-16, ISO-2022-JP (ESC sequences are ASCII bytes) or "replacement".
const ASCII_SAME = /^(?:utf-8|ibm866|iso-8859-\d{1,2}|koi8-[ru]|macintosh|windows-\d{3,4}|x-mac-cyrillic)$/;

/**
 * Does decodeCharset() give ASCII bytes in this charset as they are (one char each, U+0000–U+007F)?
 * True for the encodings above and for labels TextDecoder refuses (read as UTF-8 or windows-1252).
 */
export function asciiSameIn(charset: string | undefined): boolean {
  const label = normaliseCharset(charset);
  const decoder = decoders.get(label);
  if (decoder !== undefined) {
    return ASCII_SAME.test(decoder.encoding);
  }
  if (refused.has(label)) {
    return true;
  }
  // Not seen yet: let decodeCharset() meet the label first (it remembers refusals and decoders).
  decodeCharset(new Uint8Array(0), charset);
  const known = decoders.get(label);
  return known === undefined ? refused.has(label) : ASCII_SAME.test(known.encoding);
}

// A Map, not an object: a label such as "constructor" must not find Object.prototype's members.
const ALIASES = new Map<string, string>(
  Object.entries({
    'x-sjis': 'shift_jis',
    sjis: 'shift_jis',
    'shift-jis': 'shift_jis',
    'x-unknown': 'utf-8',
    'unknown-8bit': 'windows-1252',
    'us-ascii': 'utf-8', // ASCII is a subset; real "us-ascii" mail often carries UTF-8 anyway
    ascii: 'utf-8',
    'ks_c_5601-1987': 'euc-kr',
    cp936: 'gbk',
    // Windows code-page names Python and some Asian mailers write, which WHATWG's TextDecoder lacks.
    cp932: 'shift_jis',
    ms932: 'shift_jis',
    'windows-31j': 'shift_jis',
    cp949: 'euc-kr',
    ms949: 'euc-kr',
    cp950: 'big5',
    ms950: 'big5',
    'euc-cn': 'gbk',
    'x-euc-cn': 'gbk',
    gb2312: 'gbk',
    'iso-2022-jp-2': 'iso-2022-jp',
    'x-mac-roman': 'macintosh',
  }),
);

/** Labels already normalised (every encoded word and part asks again). Bounded: labels come from the message. */
const normalised = new Map<string, string>();

function normaliseCharset(charset: string | undefined): string {
  if (charset === undefined) {
    return 'utf-8';
  }
  const known = normalised.get(charset);
  if (known !== undefined) {
    return known;
  }
  const c = charset
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  const label = ALIASES.get(c) ?? (c || 'utf-8');
  if (normalised.size < MAX_REMEMBERED_LABELS && charset.length <= 64) {
    normalised.set(charset, label);
  }
  return label;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

/** The bytes as UTF-8 when they are valid UTF-8, else undefined. */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Undeclared 8-bit text: UTF-8 when it is valid UTF-8, else windows-1252. */
export function utf8OrLatin1(bytes: Uint8Array): string {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return cp1252.decode(bytes);
  }
}
