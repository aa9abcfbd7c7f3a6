// Content decoding, the only importer of postal-mime. postal-mime does the transfer decoding
// (base64, quoted-printable) and charset work; we only hand it the one part we need, bounded, so a
// 25 MB attachment is never decoded. Parts sent as 7bit/8bit skip postal-mime: their bytes are the
// content, and TextDecoder does the charset.
import PostalMime, { decodeWords } from 'postal-mime';
import { MAX_DECODE_BYTES, MAX_TEXT_CHARS } from '../limits';
import { decodeCharset, strictUtf8 } from './bytes';
import { isIdentityEncoding, type Part } from './structure';

const enc = new TextEncoder();

/** The decoded bytes of a part's body (transfer encoding removed), bounded. */
export async function decodePartBytes(bytes: Uint8Array, part: Part): Promise<Uint8Array> {
  const body = bytes.subarray(part.bodyStart, Math.min(part.bodyEnd, part.bodyStart + MAX_DECODE_BYTES));
  if (isIdentityEncoding(part.encoding)) {
    return body;
  }
  try {
    const head = enc.encode(
      `Content-Type: application/octet-stream\nContent-Transfer-Encoding: ${part.encoding}\nContent-Disposition: attachment\n\n`,
    );
    const mini = new Uint8Array(head.length + body.length);
    mini.set(head, 0);
    mini.set(body, head.length);
    const email = await PostalMime.parse(mini, { attachmentEncoding: 'arraybuffer' });
    const content = email.attachments[0]?.content;
    if (content instanceof ArrayBuffer) {
      return new Uint8Array(content);
    }
    if (content instanceof Uint8Array) {
      return content;
    }
    return body;
  } catch {
    return body;
  }
}

/** The decoded text of a text part (HTML reduced to text), bounded. Never throws. */
export async function decodePartText(bytes: Uint8Array, part: Part): Promise<string> {
  const charset = part.contentType.params['charset'];
  let text: string;
  if (isIdentityEncoding(part.encoding)) {
    const body = bytes.subarray(part.bodyStart, Math.min(part.bodyEnd, part.bodyStart + MAX_DECODE_BYTES));
    text = decodeCharset(body, charset);
  } else {
    text = decodeCharset(await decodePartBytes(bytes, part), charset);
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
  try {
    return decodeWords(value).replace(/\s+/g, ' ').trim();
  } catch {
    return value;
  }
}

/**
 * Header values are read as latin1; raw UTF-8 in headers (RFC 6532, and common in practice) shows up as
 * mojibake. Re-read such values as UTF-8 when they are valid UTF-8.
 */
export function latin1ToUtf8(value: string): string {
  if (!/[\x80-\xff]/.test(value)) {
    return value;
  }
  const b = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    b[i] = value.charCodeAt(i) & 0xff;
  }
  // Not valid UTF-8: the value was 8-bit text in some legacy charset, and latin1 is the best reading.
  return strictUtf8(b) ?? value;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Enough HTML-to-text for reading a bounce's words: drop tags, scripts and styles, keep line structure. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]{0,500}>[\s\S]{0,200000}?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|tr|li|h[1-6]|table)>/gi, '\n')
    .replace(/<[^>]{0,2000}>/g, '')
    .replace(/&(#x?[0-9a-f]{1,6}|[a-z]{2,6});/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+/g, ' ');
}
