// getAsFileAsync hands back the EML as Base64 text ("The Base64-encoded EML format of the message is
// returned in the asyncResult.value property", office.messageread). Decoded straight to bytes here:
// never through a binary string that something could later treat as text, so 8-bit bodies and
// non-UTF-8 charsets reach the parser exactly as Exchange produced them.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) {
  VALUES[ALPHABET.charCodeAt(i)] = i;
}
// RFC 4648 §5 (base64url) also turns up in some hosts' output; accept it.
VALUES['-'.charCodeAt(0)] = 62;
VALUES['_'.charCodeAt(0)] = 63;

/** Decodes RFC 4648 Base64 (whitespace ignored, padding optional). Throws on any other character. */
export function base64ToBytes(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let length = 0;
  let buffer = 0;
  let bits = 0;
  let padding = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) {
      continue;
    }
    if (code === 0x3d) {
      padding = true;
      continue;
    }
    const value = code < 128 ? (VALUES[code] ?? -1) : -1;
    if (value < 0 || padding) {
      throw new TypeError(`not Base64: unexpected ${JSON.stringify(text[i])} at offset ${i}`);
    }
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (buffer >> bits) & 0xff;
    }
  }
  return out.slice(0, length);
}

/** The inverse, for building fallback MIME parts from text (used by read-message). */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!;
    out += c === undefined ? '=' : ALPHABET[n & 63]!;
  }
  return out;
}
