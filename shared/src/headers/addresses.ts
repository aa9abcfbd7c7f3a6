// Address lists (RFC 5322 §3.4) through postal-mime's address parser, flattened (groups opened),
// lower-cased, bounded. Also the bare-address helpers every format module needs.
import { rememberAnswers } from '../memo';
import { addressParser, decodeWords } from 'postal-mime';
import type { Mailbox } from '../types';
import { decodeHeaderWords } from '../mime/decode';
import { asciiWordAt, charSet, trimEndOf, trimStartOf } from './trim';

const MAX_ADDRESSES = 200;

export function parseAddresses(value: string | undefined): Mailbox[] {
  if (!value) {
    return [];
  }
  const v = value.length > 8000 ? value.slice(0, 8000) : value;
  // No "@" and no encoded word that could decode to one: no address survives cleanAddress(), whatever
  // the parser makes of the text. "MAILER-DAEMON <>", "Mail Delivery Subsystem <MAILER-DAEMON>", "<>"
  // and "undisclosed-recipients: ;" were most of the values that reached postal-mime's tokenizer.
  if (v.indexOf('@') === -1 && v.indexOf('=?') === -1) {
    return [];
  }
  const out: Mailbox[] = [];
  // An index loop and the mailbox built in place, not for-of and a closure per call: this runs
  // unoptimised for most of a scan, where each iterator step and closure call is a builtin call.
  const simple = simpleMailboxes(v);
  if (simple !== undefined) {
    for (let i = 0; i < simple.length && out.length < MAX_ADDRESSES; i++) {
      const m = simple[i]!;
      const a = cleanAddress(m.address);
      if (a) {
        out.push({ name: m.name ? decodeHeaderWords(m.name) || undefined : undefined, address: a });
      }
    }
    return out;
  }
  try {
    for (const entry of addressParser(v)) {
      if ('group' in entry && Array.isArray(entry.group)) {
        for (const m of entry.group) {
          pushMailbox(out, m.name, m.address);
        }
      } else if ('address' in entry) {
        pushMailbox(out, entry.name, entry.address);
      }
    }
  } catch {
    for (const a of findAddresses(v)) {
      out.push({ name: undefined, address: a });
    }
  }
  return out;
}

/** One mailbox onto `out` (up to MAX_ADDRESSES): its address cleaned, its name's encoded words decoded. */
function pushMailbox(out: Mailbox[], name: string | undefined, address: string | undefined): void {
  if (address && out.length < MAX_ADDRESSES) {
    const a = cleanAddress(address);
    if (a) {
      out.push({ name: name ? decodeHeaderWords(name) || undefined : undefined, address: a });
    }
  }
}

// One mailbox of a list, read from `lastIndex`: leading spaces, then "local@domain" with an optional
// "(Comment)", "Plain Name <local@domain>" or "\"Quoted, Name\" <local@domain>", then spaces and a comma
// or the end. Names and comments are letters, digits, spaces and ".'-_+/=?" (encoded words, which
// postal-mime decodes), quoted names also ",@&", addresses "=" (VERP); no backslash, no parenthesis inside. Each alternative
// reads its characters once (a name's first character is not a space, so the leading spaces have one
// owner): linear on any input.
const MAILBOX =
  / *(?:"([a-zA-Z0-9 .'_+/=?,@&-]*)" *<([a-zA-Z0-9.+_=-]+@[a-zA-Z0-9.+_=-]+)>|([a-zA-Z0-9.'_+/=?-][a-zA-Z0-9 .'_+/=?-]*)?<([a-zA-Z0-9.+_=-]+@[a-zA-Z0-9.+_=-]+)>|([a-zA-Z0-9.+_=-]+@[a-zA-Z0-9.+_=-]+)(?: *\(([a-zA-Z0-9 .'_+/=?@-]*)\))?) *(?:,|$)/y;

/**
 * The shapes most address fields have, read without the tokenizer: a comma-separated list of
 * "local@domain" (optionally with a "(Name)" comment), "Plain Name <local@domain>" and "\"Quoted Name\"
 * <local@domain>". For these postal-mime's parser answers the same (a property test compares them):
 * the name trimmed, its encoded words decoded by postal-mime's own decodeWords, and dropped when it only
 * repeats the address. Anything else (groups, escapes, nested comments, empty entries) is undefined and
 * goes to the parser. Its tokenizer was the largest allocator of the engine, and cold it cost more than
 * the rest of the header summary.
 */
export function simpleMailboxes(value: string): { name: string; address: string }[] | undefined {
  const out: { name: string; address: string }[] = [];
  MAILBOX.lastIndex = 0;
  try {
    while (MAILBOX.lastIndex < value.length) {
      const m = MAILBOX.exec(value);
      if (m === null) {
        return undefined;
      }
      const address = m[2] ?? m[4] ?? m[5]!;
      let name = (m[1] ?? m[3] ?? m[6] ?? '').trim();
      if (name.includes('=?')) {
        name = decodeWords(name);
      }
      out.push({ name: name === address ? '' : name, address });
    }
  } catch {
    return undefined; // decodeWords failed: the parser's path decides
  }
  return out.length === 0 ? undefined : out;
}

/**
 * Addresses of a header without the RFC 5322 parser, for ordinary mail on the fast path: each
 * comma-separated entry's <angle-addr>, or its bare token with an "@", and the display name of the first.
 */
export function quickMailboxes(value: string | undefined): Mailbox[] {
  if (!value) {
    return [];
  }
  const out: Mailbox[] = [];
  const entries = splitOutsideQuotes(value.slice(0, 8000));
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const lt = entry.lastIndexOf('<');
    const gt = lt === -1 ? -1 : entry.indexOf('>', lt);
    const raw =
      lt !== -1 && gt !== -1
        ? entry.slice(lt + 1, gt)
        : (entry.split(/\s+/).find(t => t.includes('@')) ?? '');
    const address = raw.includes('@') ? cleanAddress(raw) : undefined;
    if (address) {
      const name = out.length === 0 && lt > 0 ? entry.slice(0, lt).trim().replace(/^"|"$/g, '') : '';
      out.push({ name: name ? decodeHeaderWords(name) || undefined : undefined, address });
      if (out.length >= 50) {
        break;
      }
    }
  }
  return out;
}

/** Comma-separated entries; commas inside quoted display names ("Doe, Jane" <jane@x>) do not separate. */
function splitOutsideQuotes(value: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x22) {
      quoted = !quoted;
    } else if (c === 0x2c && !quoted) {
      out.push(value.slice(start, i));
      start = i + 1;
    }
  }
  out.push(value.slice(start));
  return out;
}

// A pragmatic address: local@domain with a dotted domain (or an IP literal), as the regex
//   [local]{1,64}@(?:[a-z0-9-]{1,63}\.){1,8}[a-z0-9-]{2,63} | [local]{1,64}@\[[0-9.:a-f]{3,45}\]
// would find them, read by hand from each "@": the regex, tried at every start, was cubic on runs of
// "0." and quadratic on local-part runs (issue 8 §1).
const LOCAL_CHARS = charSet(
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~.-",
);
const LABEL_CHARS = charSet('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-');
const LITERAL_CHARS = charSet('0123456789.:abcdefABCDEF');

/** The end of the domain after the "@" at `at`, or -1: up to 8 labels with dots, then a last label of 2–63. */
function domainEnd(text: string, at: number): number {
  let labels = 0; // dotted labels read so far
  let i = at + 1;
  let best = -1;
  for (;;) {
    const start = i;
    while (i < text.length && i - start < 63 && LABEL_CHARS.hasCode(text.charCodeAt(i))) {
      i++;
    }
    const length = i - start;
    if (length === 0) {
      break;
    }
    // As a last label (2–63 characters, the longest prefix) after at least one dotted label.
    if (labels >= 1 && length >= 2) {
      best = i;
    }
    if (text.charCodeAt(i) !== 0x2e || labels === 8) {
      break;
    }
    labels++;
    i++;
  }
  return best;
}

/** The end of an address literal "@[192.0.2.1]" after the "@" at `at`, or -1. */
function literalEnd(text: string, at: number): number {
  if (text[at + 1] !== '[') {
    return -1;
  }
  let i = at + 2;
  while (i < text.length && i - (at + 2) < 45 && LITERAL_CHARS.hasCode(text.charCodeAt(i))) {
    i++;
  }
  return i - (at + 2) >= 3 && text[i] === ']' ? i + 1 : -1;
}

/** Every address-looking token in a text, in order, unique, lower-cased domain. */
export function findAddresses(text: string, limit = MAX_ADDRESSES): string[] {
  const seen = new Set<string>();
  let from = 0; // a match ends where the next may start
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > from && at - start < 64 && LOCAL_CHARS.hasCode(text.charCodeAt(start - 1))) {
      start--;
    }
    if (start === at) {
      continue;
    }
    let end = domainEnd(text, at);
    if (end === -1) {
      end = literalEnd(text, at);
    }
    if (end === -1) {
      continue;
    }
    from = end;
    const a = cleanAddress(text.slice(start, end));
    if (a && !seen.has(a)) {
      seen.add(a);
      if (seen.size >= limit) {
        break;
      }
    }
  }
  return [...seen];
}

const QUOTED_TAIL = charSet('>.,;:');
const HEAD = charSet('"\'<([', true);
const TAIL = charSet('>"\').,;:', true);
const BRACKETS = charSet(']');
const DOTS = charSet('.');

/** "…@[…]" at the end, with no "]" inside the brackets. */
function endsWithLiteral(a: string): boolean {
  const inner = a.slice(0, -1);
  const open = inner.lastIndexOf('@[');
  return open !== -1 && open > inner.lastIndexOf(']');
}

const PREFIX = /^(?:rfc822|utf-8|x-unknown)\s*;\s*/i;
const QUOTED_LOCAL = /^[<\s]*("[^"]{1,64}"@[^\s>]+)/;

/**
 * Strips brackets, quotes, "rfc822;" prefixes and trailing punctuation; lower-cases. Each regex runs only
 * when the first character (or a quote) says it can match: this is asked for every address the engine
 * reads, and most are bare already.
 */
export function cleanAddress(raw: string): string | undefined {
  return cleanRemembered(raw);
}

/**
 * Answers of cleanAddress() (a pure function of its text) for the addresses a mailbox meets again and
 * again: the user's own, the postmaster's, the report's recipients in its text, DSN and original (77% of
 * the calls over the bench's bsd corpus hit, in its first pass already).
 */
const cleanRemembered = rememberAnswers(cleanAddressOnce, 512, 330);

function cleanAddressOnce(raw: string): string | undefined {
  let a = raw.trim();
  const first = a.charCodeAt(0) | 0x20;
  if (first === 0x72 || first === 0x75 || first === 0x78) {
    a = a.replace(PREFIX, ''); // "rfc822;", "utf-8;", "x-unknown;" (any letter case)
  }
  // RFC 5321 §4.1.2 quoted local part: '"neko....nyaan...."@example.org' keeps its quotes.
  const quoted = a.indexOf('"') === -1 ? null : QUOTED_LOCAL.exec(a);
  if (quoted) {
    return trimEndOf(quoted[1]!, QUOTED_TAIL).toLowerCase();
  }
  a = trimEndOf(trimStartOf(a, HEAD), TAIL);
  // Keep the "]" of an address literal (RFC 5321 §4.1.3 "user@[192.0.2.1]"), drop any other.
  if (a.endsWith(']') && !endsWithLiteral(a)) {
    a = trimEndOf(a, BRACKETS);
  }
  if ((a.charCodeAt(0) | 0x20) === 0x6d && asciiWordAt(a, 0, 'mailto:')) {
    a = a.slice(7);
  }
  if (a.length > 320) {
    return undefined;
  }
  const at = a.lastIndexOf('@');
  if (at <= 0 || at === a.length - 1) {
    return undefined;
  }
  let dots = 0;
  while (a.charCodeAt(dots) === 0x2e) {
    dots++;
  }
  const domain = trimEndOf(a.slice(at + 1), DOTS);
  if (dots >= at || !domain || (!domain.includes('.') && !domain.startsWith('['))) {
    return undefined;
  }
  return (
    dots === 0 && domain.length === a.length - at - 1 ? a : `${a.slice(dots, at)}@${domain}`
  ).toLowerCase();
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

const MSG_ID = /<([^<>\s]{1,500})>/;

/** Message-ID without angle brackets (RFC 5322 §3.6.4 msg-id), or undefined. */
export function cleanMessageId(value: string | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  const m = MSG_ID.exec(value);
  if (m) {
    return m[1]; // 1–500 characters, no brackets
  }
  let id = value.trim().split(/\s+/)[0] ?? '';
  if (id.startsWith('<')) {
    id = id.slice(1);
  }
  if (id.endsWith('>')) {
    id = id.slice(0, -1);
  }
  return id && id.length <= 500 ? id : undefined;
}

/** All msg-ids in a References / In-Reply-To value, in order. */
export function messageIds(value: string | undefined): string[] {
  if (!value) {
    return [];
  }
  const out: string[] = [];
  for (const m of value.slice(0, 20000).matchAll(/<([^<>\s]{1,500})>/g)) {
    out.push(m[1]!);
    if (out.length >= 100) {
      break;
    }
  }
  return out;
}
