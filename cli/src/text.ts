// Terminal-safe text: message content is attacker-controlled, so it is printed as inert text only.

// C0/C1 controls (ESC starts terminal escape sequences: a Subject could retitle the window or hide
// lines), DEL, and Unicode bidi overrides/isolates (a Subject could reverse the rest of the row, the
// "Trojan Source" trick, CVE-2021-42574).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** One line of inert text: controls become a space, runs of white space fold to one. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

// East Asian Wide/Fullwidth ranges (UAX #11) that matter in mail subjects: CJK, kana, hangul, fullwidth
// forms, and emoji. Approximate on purpose; the alternative is a column table we do not need.
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function isZeroWidth(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    cp === 0x200b ||
    cp === 0x200c ||
    cp === 0x200d ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f)
  );
}

function charWidth(cp: number): number {
  return isZeroWidth(cp) ? 0 : isWide(cp) ? 2 : 1;
}

/** Columns the text takes in a terminal. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    w += charWidth(ch.codePointAt(0) ?? 0);
  }
  return w;
}

/** Cut to at most `width` columns, marking a cut with "…"; then pad with spaces to exactly `width` when asked. */
export function fit(text: string, width: number, pad = true): string {
  if (width <= 0) {
    return '';
  }
  let out = '';
  let w = 0;
  const total = displayWidth(text);
  if (total <= width) {
    return pad ? text + ' '.repeat(width - total) : text;
  }
  for (const ch of text) {
    const cw = charWidth(ch.codePointAt(0) ?? 0);
    if (w + cw > width - 1) {
      break;
    }
    out += ch;
    w += cw;
  }
  out += '…';
  w += 1;
  return pad ? out + ' '.repeat(width - w) : out;
}

/** Keep the end of a path, where the file name is: "…/maildir/bsd/rfc3464-01.eml". */
export function fitLeft(text: string, width: number): string {
  const total = displayWidth(text);
  if (total <= width) {
    return text + ' '.repeat(width - total);
  }
  const chars = [...text];
  let out = '';
  let w = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const ch = chars[i] ?? '';
    const cw = charWidth(ch.codePointAt(0) ?? 0);
    if (w + cw > width - 1) {
      break;
    }
    out = ch + out;
    w += cw;
  }
  return '…' + out + ' '.repeat(width - w - 1);
}

export type Colour = 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'dim' | 'bold';

const CODES: Record<Colour, [number, number]> = {
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  dim: [2, 22],
  bold: [1, 22],
};

export type Paint = (colour: Colour | undefined, text: string) => string;

export const plain: Paint = (_colour, text) => text;

export const ansi: Paint = (colour, text) => {
  if (colour === undefined) {
    return text;
  }
  const [on, off] = CODES[colour];
  return `\u001b[${on}m${text}\u001b[${off}m`;
};

/**
 * The lines as UTF-8, each followed by "\n", encoded straight into one new buffer (a stream may keep it
 * until written, so it is never reused). A batch's lines joined into one string first cost a copy of
 * them all and, when one holds a character beyond Latin-1, a two-byte string twice their size measured
 * before encoding: ~0.1 G instructions over the bench's mbox (issue 10 §4).
 */
export function utf8Lines(lines: readonly string[]): Uint8Array {
  let most = 0;
  for (const line of lines) {
    most += line.length * 3 + 1; // UTF-8 takes at most 3 bytes per UTF-16 unit (a pair: 4 for 2)
  }
  const buffer = Buffer.allocUnsafe(most);
  let n = 0;
  for (const line of lines) {
    n += buffer.write(line, n);
    buffer[n++] = 0x0a;
  }
  return buffer.subarray(0, n);
}
