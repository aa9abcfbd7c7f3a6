// RFC 2045 §5.1 Content-Type: type "/" subtype *(";" parameter). Parameters may be quoted, and RFC 2231
// continuations (name*0=, name*1=) appear in real mail for long boundaries and file names.
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
function parameters(rest: string): [name: string, value: string][] {
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

export function parseContentType(value: string | undefined): ContentType {
  if (!value) {
    return { type: 'text/plain', params: {} };
  }
  // The type is the first token; parameters follow a ";" — or, in broken mail, only white space
  // ("Content-Type: text/plain\n   charset=iso-2022-jp", X1 bounces).
  const typeMatch = /^\s*([a-z0-9!#$&^_.+-]{1,64}\/[a-z0-9!#$&^_.+-]{1,64})/i.exec(value);
  const type = typeMatch ? typeMatch[1]!.toLowerCase() : 'text/plain';
  const params: Record<string, string> = {};
  const continued: Record<string, string[]> = {};
  const rest = ';' + value.slice(typeMatch ? typeMatch[0].length : 0, 4000).replace(/^\s*;?/, '');
  for (const [name, v] of parameters(rest)) {
    const rawName = name.toLowerCase();
    const cont = /^(.+?)\*(\d+)\*?$/.exec(rawName);
    if (cont) {
      (continued[cont[1]!] ??= [])[Number(cont[2])] = v;
    } else {
      params[rawName.replace(/\*$/, '')] ??= v;
    }
  }
  for (const [name, pieces] of Object.entries(continued)) {
    params[name] ??= pieces.join('');
  }
  return { type, params };
}
