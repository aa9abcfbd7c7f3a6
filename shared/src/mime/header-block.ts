// RFC 5322 §2.2 header fields: "name: value", folded lines start with white space (§2.2.3).
// Reads a header block given as a latin1 string (one char per byte) and never fails: lines that are
// not fields are skipped, limits bound the work.
import type { HeaderField } from '../types';
import { MAX_HEADER_FIELDS, MAX_HEADER_VALUE } from '../limits';

export interface HeaderBlock {
  fields: HeaderField[];
  /** True when a limit cut the block (too many fields). */
  truncated: boolean;
}

// A field name is printable US-ASCII except ':' (RFC 5322 §3.6.8). Real mail also has spaces before
// the colon ("Subject : x"), which we accept; the name itself may not contain spaces. As the regex
// /^([!-9;-~]{1,76})[ \t]*:/ had it, read by char codes: the run of name characters (1–76 of them),
// blanks, then the colon. Returns the index of the colon, or -1.
const MAX_NAME = 76;

function fieldColon(text: string, pos: number, end: number): number {
  let n = pos;
  while (n < end && n - pos <= MAX_NAME) {
    const c = text.charCodeAt(n);
    if (c < 0x21 || c > 0x7e || c === 0x3a) {
      break;
    }
    n++;
  }
  if (n === pos || n - pos > MAX_NAME) {
    return -1;
  }
  while (n < end && (text.charCodeAt(n) === 0x20 || text.charCodeAt(n) === 0x09)) {
    n++;
  }
  return n < end && text.charCodeAt(n) === 0x3a ? n : -1;
}

/** The end of a field name that starts at `pos` (its last name character + 1). */
function nameEnd(text: string, pos: number): number {
  let n = pos;
  for (let c = text.charCodeAt(n); c >= 0x21 && c <= 0x7e && c !== 0x3a; c = text.charCodeAt(n)) {
    n++;
  }
  return n;
}

export function parseHeaderBlock(text: string): HeaderBlock {
  const fields: HeaderField[] = [];
  let truncated = false;
  let name: string | undefined;
  let value = '';
  const flush = () => {
    if (name !== undefined) {
      fields.push({ name, value: value.trim() });
    }
    name = undefined;
    value = '';
  };
  let pos = 0;
  const len = text.length;
  while (pos < len) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) {
      nl = len;
    }
    const start = pos;
    pos = nl + 1;
    const first = text.charCodeAt(start);
    if (first === 0x20 || first === 0x09) {
      // RFC 5322 §2.2.3 unfolding: the CRLF is removed, the white space kept.
      if (name !== undefined && value.length < MAX_HEADER_VALUE) {
        value += ' ' + text.slice(start, nl).trim();
      }
      continue;
    }
    const colon = start < nl ? fieldColon(text, start, nl) : -1;
    if (colon === -1) {
      const line = text.slice(start, nl);
      if (name !== undefined && value.trimEnd().endsWith(';') && /^[a-z0-9*-]{1,40}=/i.test(line)) {
        // A parameter continued without the folding white space ("Content-Type: multipart/alternative;\n
        // boundary=…"): broken, but common enough (Verizon, some Java mailers) that readers accept it.
        value += ' ' + line.trim();
        continue;
      }
      // mbox "From " envelope line or garbage: not a field, and it ends any open field.
      flush();
      continue;
    }
    flush();
    if (fields.length >= MAX_HEADER_FIELDS) {
      truncated = true;
      break;
    }
    name = text.slice(start, nameEnd(text, start)).toLowerCase();
    value = text.slice(colon + 1, Math.min(nl, colon + 1 + MAX_HEADER_VALUE));
  }
  flush();
  return { fields, truncated };
}

/** First value of a field (RFC 5322 allows one Subject/From/…; the first wins, as in postal-mime). */
export function header(fields: readonly HeaderField[], name: string): string | undefined {
  for (const f of fields) {
    if (f.name === name) {
      return f.value;
    }
  }
  return undefined;
}

export function headers(fields: readonly HeaderField[], name: string): string[] {
  const out: string[] = [];
  for (const f of fields) {
    if (f.name === name) {
      out.push(f.value);
    }
  }
  return out;
}
