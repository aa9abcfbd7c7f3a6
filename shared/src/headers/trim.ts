// Trimming a set of characters off the ends of a string, by hand. The regex way ("[>.,;:]+$") is
// quadratic on attacker text: each start inside a long run that is not at the end scans the run again
// (issue 8 §1). These are one pass from the end (or the start).

/** The characters of JavaScript's `\s`, for sets that include white space. */
const JS_SPACE =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** What `/\s/` matches (ECMAScript WhiteSpace and LineTerminator), by code unit: JS_SPACE. */
export function isJsSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * `word` (lower-case ASCII) at `at` in `text`, in any letter case, compared by code unit. Folding A–Z
 * is all toLowerCase() can do to reach an ASCII letter within the same length, except U+212A KELVIN
 * SIGN, which becomes "k" (callers whose words have a "k" must allow for it); "İ" becomes two
 * characters. So this is `text.slice(at, at + word.length).toLowerCase() === word` without the two
 * strings per call.
 */
export function asciiWordAt(text: string, at: number, word: string): boolean {
  if (at < 0 || at + word.length > text.length) {
    return false;
  }
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(at + k);
    if ((c >= 0x41 && c <= 0x5a ? c + 0x20 : c) !== word.charCodeAt(k)) {
      return false;
    }
  }
  return true;
}

/**
 * A set of characters (single UTF-16 code units), asked one character at a time: by code unit in a
 * table for ASCII. These sets are asked once per character of addresses and header values; a Set of
 * one-character strings hashed each one (issue 10 §4 profile), and one class (not an object of closures
 * per set) keeps every call site monomorphic.
 */
export class CharSet {
  private readonly ascii = new Uint8Array(128);
  private readonly other = new Set<number>();

  constructor(chars: string) {
    for (let i = 0; i < chars.length; i++) {
      const c = chars.charCodeAt(i);
      if (c < 128) {
        this.ascii[c] = 1;
      } else {
        this.other.add(c);
      }
    }
  }

  hasCode(c: number): boolean {
    return c < 128 ? this.ascii[c] === 1 : this.other.has(c);
  }
}

/** A character set as a string; `withSpace` adds every `\s` character. */
export function charSet(chars: string, withSpace = false): CharSet {
  return new CharSet(chars + (withSpace ? JS_SPACE : ''));
}

/** `value` without the characters of `set` at its end. */
export function trimEndOf(value: string, set: CharSet): string {
  let end = value.length;
  while (end > 0 && set.hasCode(value.charCodeAt(end - 1))) {
    end--;
  }
  return end === value.length ? value : value.slice(0, end);
}

/** `value` without the characters of `set` at its start. */
export function trimStartOf(value: string, set: CharSet): string {
  let start = 0;
  while (start < value.length && set.hasCode(value.charCodeAt(start))) {
    start++;
  }
  return start === 0 ? value : value.slice(start);
}
