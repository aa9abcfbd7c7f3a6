// Byte-level helpers for the negative-set generator: charsets, base64, quoted-printable, encoded words.
// Messages are built as "binary strings" (one char per byte, U+0000–U+00FF) and written with latin1,
// so exactly the bytes we mean reach the file. Legacy charsets are encoded through reverse maps built
// from TextDecoder (Node's ICU has the decoders; it has no encoders besides UTF-8).

const utf8 = new TextEncoder();

export const bin = (bytes: Uint8Array): string => {
  let s = '';
  for (const b of bytes) {
    s += String.fromCharCode(b);
  }
  return s;
};

const reverseMaps = new Map<string, Map<string, number[]>>();

function pairRanges(charset: string): [number, number, number, number][] {
  switch (charset) {
    case 'shift_jis':
      return [
        [0x81, 0x9f, 0x40, 0xfc],
        [0xe0, 0xef, 0x40, 0xfc],
      ];
    case 'big5':
      return [[0xa1, 0xf9, 0x40, 0xfe]];
    default: // EUC family: euc-jp, euc-kr, gb2312
      return [[0xa1, 0xfe, 0xa1, 0xfe]];
  }
}

function reverseMap(charset: string): Map<string, number[]> {
  const cached = reverseMaps.get(charset);
  if (cached) {
    return cached;
  }
  const map = new Map<string, number[]>();
  const decoder = new TextDecoder(charset);
  for (let b = 0; b < 0x100; b++) {
    const ch = decoder.decode(new Uint8Array([b]));
    if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) {
      map.set(ch, [b]);
    }
  }
  if (
    !['iso-8859-1', 'iso-8859-2', 'iso-8859-15', 'koi8-r', 'windows-1251', 'windows-1252'].includes(charset)
  ) {
    for (const [l0, l1, t0, t1] of pairRanges(charset)) {
      for (let lead = l0; lead <= l1; lead++) {
        for (let trail = t0; trail <= t1; trail++) {
          const ch = decoder.decode(new Uint8Array([lead, trail]));
          if ([...ch].length === 1 && ch !== '\ufffd' && !map.has(ch)) {
            map.set(ch, [lead, trail]);
          }
        }
      }
    }
  }
  reverseMaps.set(charset, map);
  return map;
}

/** Encode text in a charset; throws on a character the charset lacks (the generator's texts must fit). */
export function encode(text: string, charset: string): Uint8Array {
  const cs = charset.toLowerCase();
  if (cs === 'utf-8' || cs === 'us-ascii') {
    return utf8.encode(text);
  }
  if (cs === 'iso-2022-jp') {
    // RFC 1468: JIS X 0208 in ESC $ B … ESC ( B; the code points are EUC-JP minus 0x80.
    const euc = reverseMap('euc-jp');
    const out: number[] = [];
    let inJis = false;
    for (const ch of text) {
      const code = ch.codePointAt(0) ?? 0;
      if (code < 0x80) {
        if (inJis) {
          out.push(0x1b, 0x28, 0x42);
          inJis = false;
        }
        out.push(code);
        continue;
      }
      const bytes = euc.get(ch);
      if (bytes?.length !== 2) {
        throw new Error(`iso-2022-jp cannot encode ${JSON.stringify(ch)}`);
      }
      if (!inJis) {
        out.push(0x1b, 0x24, 0x42);
        inJis = true;
      }
      out.push((bytes[0] ?? 0) & 0x7f, (bytes[1] ?? 0) & 0x7f);
    }
    if (inJis) {
      out.push(0x1b, 0x28, 0x42);
    }
    return new Uint8Array(out);
  }
  const map = reverseMap(cs === 'iso-8859-1' ? 'windows-1252' : cs);
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = map.get(ch);
    if (!bytes) {
      throw new Error(`${charset} cannot encode ${JSON.stringify(ch)}`);
    }
    out.push(...bytes);
  }
  return new Uint8Array(out);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    s += B64[(n >> 18) & 63] ?? '';
    s += B64[(n >> 12) & 63] ?? '';
    s += b === undefined ? '=' : (B64[(n >> 6) & 63] ?? '');
    s += c === undefined ? '=' : (B64[n & 63] ?? '');
  }
  return s;
}

/** Base64 body lines of 76 characters (RFC 2045 §6.8). */
export function base64Lines(bytes: Uint8Array): string[] {
  const s = base64(bytes);
  const lines: string[] = [];
  for (let i = 0; i < s.length; i += 76) {
    lines.push(s.slice(i, i + 76));
  }
  return lines;
}

/** Quoted-printable (RFC 2045 §6.7) of text lines already encoded to bytes; soft breaks at 76. */
export function quotedPrintable(bytes: Uint8Array): string[] {
  const text = bin(bytes);
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let cur = '';
    const chars = [...line];
    chars.forEach((ch, i) => {
      const code = ch.charCodeAt(0);
      const last = i === chars.length - 1;
      let enc = ch;
      if (
        code === 0x3d ||
        code > 0x7e ||
        (code < 0x20 && code !== 0x09) ||
        (last && (code === 0x20 || code === 0x09))
      ) {
        enc = '=' + code.toString(16).toUpperCase().padStart(2, '0');
      }
      if (cur.length + enc.length > 75) {
        out.push(cur + '=');
        cur = '';
      }
      cur += enc;
    });
    out.push(cur);
  }
  return out;
}

/** RFC 2047 encoded word(s), split so each stays within 75 characters, never inside a character. */
export function encodedWord(text: string, charset: string, mode: 'B' | 'Q' = 'B'): string {
  const words: string[] = [];
  let chunk = '';
  const flush = (): void => {
    if (chunk !== '') {
      const bytes = encode(chunk, charset);
      const payload =
        mode === 'B'
          ? base64(bytes)
          : [...bin(bytes)]
              .map(ch => {
                const c = ch.charCodeAt(0);
                if (c === 0x20) {
                  return '_';
                }
                return /[A-Za-z0-9!*+\-/]/.test(ch)
                  ? ch
                  : '=' + c.toString(16).toUpperCase().padStart(2, '0');
              })
              .join('');
      words.push(`=?${charset}?${mode}?${payload}?=`);
      chunk = '';
    }
  };
  for (const ch of text) {
    // ISO-2022-JP needs the whole escape state per word; 12 characters keeps every word under 75.
    if ([...chunk].length >= (charset === 'iso-2022-jp' ? 12 : 16)) {
      flush();
    }
    chunk += ch;
  }
  flush();
  return words.join('\n ');
}

/** Text as UTF-8 bytes in a binary string (for 8bit bodies). */
export const utf8bin = (text: string): string => bin(utf8.encode(text));
