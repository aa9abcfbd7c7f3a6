// RFC 2045 §5.1 Content-Type: type "/" subtype *(";" parameter). Parameters may be quoted, and RFC 2231
// continuations (name*0=, name*1=) appear in real mail for long boundaries and file names.
import { rememberAnswers } from '../memo';
import { isJsSpace } from '../headers/trim';

export interface ContentType {
  type: string; // "multipart/report", lower-case
  params: Record<string, string>; // lower-case names
}

const MAX_VALUE = 2000;

/** `/\s/` at `i` (false past the end). */
function spaceAt(text: string, i: number): boolean {
  return i < text.length && isJsSpace(text.charCodeAt(i));
}

/**
 * `name=value` pairs after a ";" or white space, the value quoted (backslash escapes, up to 2,000
 * characters) or a token (up to 2,000). A scanner, not the regex
 * `[;\s]\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.){0,2000})"|([^;\s]{0,2000}))`, which re-read every run of
 * white space from each of its characters (quadratic, issue 8 §1); it finds the same pairs. Char codes
 * and an array, not a generator over one-character strings with a regex test each: this runs on every
 * MIME part's headers.
 */
export function parameters(rest: string): [name: string, value: string][] {
  const out: [string, string][] = [];
  let i = 0;
  while (i < rest.length) {
    if (rest.charCodeAt(i) !== 0x3b && !spaceAt(rest, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (spaceAt(rest, j)) {
      j++;
    }
    let k = j;
    while (k < rest.length) {
      const c = rest.charCodeAt(k);
      if (c === 0x3d || c === 0x3b || isJsSpace(c)) {
        break;
      }
      k++;
    }
    let eq = k;
    while (spaceAt(rest, eq)) {
      eq++;
    }
    if (k === j || rest.charCodeAt(eq) !== 0x3d) {
      i = Math.max(k, i + 1);
      continue;
    }
    let v = eq + 1;
    while (spaceAt(rest, v)) {
      v++;
    }
    const quoted = rest.charCodeAt(v) === 0x22 ? quotedEnd(rest, v) : -1;
    if (quoted !== -1) {
      const inner = rest.slice(v + 1, quoted);
      out.push([rest.slice(j, k), inner.includes('\\') ? inner.replace(/\\(.)/g, '$1') : inner]);
      i = quoted + 1;
      continue;
    }
    let end = v;
    while (end < rest.length && end - v < MAX_VALUE) {
      const c = rest.charCodeAt(end);
      if (c === 0x3b || isJsSpace(c)) {
        break;
      }
      end++;
    }
    out.push([rest.slice(j, k), rest.slice(v, end)]);
    i = end;
  }
  return out;
}

// The usual shape of the parameters, read with one sticky native match each: ";" and blanks, a token
// name, "=", then a quoted value without backslashes or a token value (up to 2,000 characters, as the
// scanner bounds them), then blanks. Every alternative is bounded and ends at a fixed character, so a
// failed match gives back at most 2,000 characters once.
const SIMPLE_PARAMETER =
  /;[ \t]*([!#$%&'*+.^_`|~0-9A-Za-z-]+)=(?:"([^"\\]{0,2000})"|([^;\s"]{0,2000}))[ \t]*(?=;|$)/y;

/**
 * The pairs parameters() finds, when every parameter has the usual shape; undefined for anything else
 * (white space around "=", escapes, stray text), which the scanner reads. Most Content-Type values take
 * this path, and the scanner's loops are then never hot enough to be compiled at all.
 */
export function simpleParameters(rest: string): [name: string, value: string][] | undefined {
  const out: [string, string][] = [];
  SIMPLE_PARAMETER.lastIndex = 0;
  while (SIMPLE_PARAMETER.lastIndex < rest.length) {
    const m = SIMPLE_PARAMETER.exec(rest);
    if (m === null) {
      return undefined;
    }
    out.push([m[1]!, m[2] ?? m[3]!]);
  }
  return out;
}

/** The index of the quote closing the quoted string opened at `open`, or -1. */
function quotedEnd(text: string, open: number): number {
  let q = open + 1;
  for (let units = 0; q < text.length && units < MAX_VALUE; units++) {
    const c = text[q];
    if (c === '"') {
      return q;
    }
    if (c === '\\') {
      const next = text[q + 1];
      if (next === undefined || next === '\n' || next === '\r' || next === '\u2028' || next === '\u2029') {
        return -1;
      }
      q += 2;
    } else {
      q++;
    }
  }
  return text[q] === '"' ? q : -1;
}

const TYPE = /^\s*([a-z0-9!#$&^_.+-]{1,64}\/[a-z0-9!#$&^_.+-]{1,64})/i;
const CONTINUATION = /^(.+?)\*(\d+)\*?$/;

/**
 * Values already read, with their (frozen, shared) readings: mail repeats a few values ("text/plain;
 * charset=us-ascii", "message/delivery-status") across messages, and an embedded message's value is read
 * by the structure scan and again by its summary. Values of at most 256 characters are kept, 512 at most.
 */
const readRemembered = rememberAnswers(
  value => {
    const read = readContentType(value);
    Object.freeze(read.params);
    return Object.freeze(read);
  },
  512,
  256,
);

export function parseContentType(value: string | undefined): ContentType {
  if (!value) {
    return { type: 'text/plain', params: {} };
  }
  return readRemembered(value);
}

function readContentType(value: string): ContentType {
  // The type is the first token; parameters follow a ";" — or, in broken mail, only white space
  // ("Content-Type: text/plain\n   charset=iso-2022-jp", X1 bounces).
  const typeMatch = TYPE.exec(value);
  const type = typeMatch ? typeMatch[1]!.toLowerCase() : 'text/plain';
  const params: Record<string, string> = {};
  // The rest of the first 4,000 characters, without the white space and the one ";" that open it.
  const end = Math.min(value.length, 4000);
  let p = typeMatch ? typeMatch[0].length : 0;
  while (p < end && isJsSpace(value.charCodeAt(p))) {
    p++;
  }
  if (p < end && value.charCodeAt(p) === 0x3b) {
    p++;
  }
  if (p >= end) {
    return { type, params };
  }
  let continued: Record<string, string[]> | undefined;
  const rest = ';' + value.slice(p, end);
  for (const [name, v] of simpleParameters(rest) ?? parameters(rest)) {
    const rawName = name.toLowerCase();
    if (!rawName.includes('*')) {
      params[rawName] ??= v;
      continue;
    }
    // RFC 2231: "name*0=", "name*1*=" continue a value; "name*=" is one extended value.
    const cont = CONTINUATION.exec(rawName);
    if (cont) {
      ((continued ??= {})[cont[1]!] ??= [])[Number(cont[2])] = v;
    } else {
      params[rawName.endsWith('*') ? rawName.slice(0, -1) : rawName] ??= v;
    }
  }
  if (continued) {
    for (const [name, pieces] of Object.entries(continued)) {
      params[name] ??= pieces.join('');
    }
  }
  return { type, params };
}
