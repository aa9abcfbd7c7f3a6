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
// the colon ("Subject : x"), which we accept; the name itself may not contain spaces. The name is 1–76
// of those characters at the start of the line, followed by blanks and the colon, then the rest of the
// line: its value. The regex is sticky (read at the line start only); the name's characters are neither
// blanks nor the colon, so it gives back at most 76 characters and fails, and the value runs to the line
// end without backtracking: a line costs one pass over it. One native match per field line gives the
// name, the value and the line's end (no separate searches for the LF and the colon).
const FIELD_LINE = /([!-9;-~]{1,76})[ \t]*:([^\n]*)/y;
const PARAMETER_LINE = /^[a-z0-9*-]{1,40}=/i;

export function parseHeaderBlock(text: string): HeaderBlock {
  const fields: HeaderField[] = [];
  let truncated = false;
  let name: string | undefined;
  let value = '';
  let pos = 0;
  const len = text.length;
  while (pos < len) {
    const first = text.charCodeAt(pos);
    const folded = first === 0x20 || first === 0x09;
    if (!folded) {
      FIELD_LINE.lastIndex = pos;
      const m = FIELD_LINE.exec(text);
      if (m !== null) {
        if (name !== undefined) {
          fields.push({ name, value: value.trim() });
        }
        if (fields.length >= MAX_HEADER_FIELDS) {
          name = undefined;
          truncated = true;
          break;
        }
        name = m[1]!.toLowerCase();
        const v = m[2]!;
        value = v.length > MAX_HEADER_VALUE ? v.slice(0, MAX_HEADER_VALUE) : v;
        pos = FIELD_LINE.lastIndex + 1; // past the LF (or the end)
        continue;
      }
    }
    let nl = text.indexOf('\n', pos);
    if (nl === -1) {
      nl = len;
    }
    const start = pos;
    pos = nl + 1;
    if (folded) {
      // RFC 5322 §2.2.3 unfolding: the CRLF is removed, the white space kept.
      if (name !== undefined && value.length < MAX_HEADER_VALUE) {
        value += ' ' + text.slice(start, nl).trim();
      }
      continue;
    }
    // Not a field line (empty, or no name and colon at its start).
    const line = text.slice(start, nl);
    if (name !== undefined && value.trimEnd().endsWith(';') && PARAMETER_LINE.test(line)) {
      // A parameter continued without the folding white space ("Content-Type: multipart/alternative;\n
      // boundary=…"): broken, but common enough (Verizon, some Java mailers) that readers accept it.
      value += ' ' + line.trim();
      continue;
    }
    // mbox "From " envelope line or garbage: not a field, and it ends any open field.
    if (name !== undefined) {
      fields.push({ name, value: value.trim() });
      name = undefined;
    }
  }
  if (name !== undefined) {
    fields.push({ name, value: value.trim() });
  }
  return { fields, truncated };
}

/** First value of a field (RFC 5322 allows one Subject/From/…; the first wins, as in postal-mime). */
export function header(fields: readonly HeaderField[], name: string): string | undefined {
  // Index loops, not for-of: every gate, format and summary asks for fields by name, and until V8
  // optimises these two each for-of step is an iterator call (4.348 → 4.283 G instructions; 5.162 →
  // 4.987 G without TurboFan).
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.name === name) {
      return f.value;
    }
  }
  return undefined;
}

export function headers(fields: readonly HeaderField[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f.name === name) {
      out.push(f.value);
    }
  }
  return out;
}
