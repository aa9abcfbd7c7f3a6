// RFC 5321 §4.4 trace fields: "Received: from HELO (rDNS [IP]) by HOST with PROTO id ID for <rcpt>; date".
// MTAs vary the comment layout (Postfix "(rdns [ip])", Exim "(rdns [ip] helo=x)", Sendmail "(rdns [ip]
// (may be forged))", Exchange "(2603:10b6::1) by … with Microsoft SMTP Server (…)", qmail "from unknown
// (HELO x) (1.2.3.4)"), so the clauses are found outside comments and each is read on its own; a
// missing one is left undefined.
import type { ReceivedHop } from '../types';

const HOST = /^[a-z0-9_][a-z0-9_.-]{0,252}/i;
/** The text of the first clause of each keyword the hop is read from. */
export interface Clauses {
  from?: string;
  by?: string;
  with?: string;
}
// A parenthesis, or a clause keyword (any letter case) between white space (/\s/) or the ends of the
// value, captured: split() gives pieces that alternate text and token. Keywords inside comments are
// found too and skipped by the caller, which counts the depth.
const CLAUSE_SPLIT = /([()]|(?<!\S)(?:from|by|via|with|id|for)(?!\S))/i;
// Candidates for a dotted quad; ipv4In() checks the run around each (a native search finds them: the
// regex with look-behind it replaces was tried at every position of every Received value).
const BRACKET = /\[(?:IPv6:)?([0-9a-f.:]{3,45})\]/i;
// Four octets 0–255 of one to three digits (a three-digit one starts with 1 or 2), the whole candidate.
const OCTETS = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const QUAD = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/g;
// "(HELO x)" (qmail), "helo=x" (Exim, Postfix), "(EHLO x)".
const HELO = /\b(?:helo|ehlo)[=\s]\s*\[?([^\s)\]]{1,255})/i;
// "(rdns [ip])": a dotted name before a bracket.
const RDNS = /^\s*([a-z0-9][a-z0-9.-]*\.[a-z]{2,})\.?\s*\[/i;
const PROTOCOL = /^([A-Za-z0-9_/-]{1,40})/;

/** The date clause alone (after the last ";"), as parseReceived() reads it, without the clauses. */
export function receivedDate(value: string): string | undefined {
  const v = value.length > 2000 ? value.slice(0, 2000) : value;
  const semi = v.lastIndexOf(';');
  return semi === -1 ? undefined : v.slice(semi + 1).trim() || undefined;
}

export function parseReceived(value: string): ReceivedHop {
  const v = value.length > 2000 ? value.slice(0, 2000) : value;
  const semi = v.lastIndexOf(';');
  const date = semi === -1 ? undefined : v.slice(semi + 1).trim() || undefined; // as receivedDate()
  const clauses = splitClauses(semi === -1 ? v : v.slice(0, semi));

  const from = clauses.from;
  let fromHost: string | undefined;
  let helo: string | undefined;
  let ip: string | undefined;
  if (from !== undefined) {
    const text = from.trim();
    const first = text.startsWith('[') ? undefined : HOST.exec(text)?.[0]?.toLowerCase();
    fromHost = first === 'unknown' ? undefined : first;
    helo = HELO.exec(text)?.[1]?.toLowerCase();
    const comments = commentsOf(text);
    // "(rdns [ip])": the name the receiver looked up, which it verified; the clause's own first word
    // is then what the client said in HELO.
    for (let i = 0; i < comments.length; i++) {
      const rdns = RDNS.exec(comments[i]!);
      if (rdns) {
        const name = rdns[1]!.toLowerCase();
        if (first !== undefined && name !== first) {
          helo ??= first;
        }
        fromHost = name;
        break;
      }
    }
    // The receiver's record of the connecting address lives in the comments; a bracketed literal
    // outside them ("from [192.168.1.10]") is only what the client claimed.
    ip = firstIp(comments.length === 1 ? comments[0]! : comments.join(' ')) ?? firstIp(text);
  }
  const by = clauses.by?.trim();
  const byV6 = by === undefined ? undefined : ipv6In(by);
  const byHost =
    by === undefined ? undefined : (byV6?.index === 0 ? byV6.value : HOST.exec(by)?.[0])?.toLowerCase();
  const protocol = clauses.with?.trim().match(PROTOCOL)?.[1]?.toUpperCase();
  return { fromHost, helo, ip, byHost, protocol, date };
}

export function firstIp(text: string): string | undefined {
  // "[192.0.2.222:222]" (Ecelerity): an IPv4 literal with a port.
  let bracket = BRACKET.exec(text)?.[1];
  // The usual "[192.0.2.25]": a whole dotted quad is its own first address (what ipv4In() answers).
  if (bracket !== undefined && OCTETS.test(bracket)) {
    return bracket;
  }
  if (bracket !== undefined && bracket.includes('.') && bracket.includes(':')) {
    bracket = bracket.replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, '$1');
  }
  if (bracket && (ipv4In(bracket) !== undefined || ipv6In(bracket) !== undefined)) {
    return bracket.toLowerCase();
  }
  return ipv4In(text) ?? ipv6In(text)?.value.toLowerCase();
}

function isDigitOrDot(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e;
}

function isHexOrColon(c: number): boolean {
  const l = c | 0x20;
  return (c >= 0x30 && c <= 0x3a) || (l >= 0x61 && l <= 0x66);
}

/**
 * The first IPv4 address in a text: a whole run of digits and dots (nothing of the kind just before or
 * after it) that is four octets 0–255 of one to three digits, as the regex
 * /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])/ finds it.
 */
export function ipv4In(text: string): string | undefined {
  QUAD.lastIndex = 0;
  for (let m = QUAD.exec(text); m !== null; m = QUAD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    let runEnd = end;
    while (runEnd < text.length && isDigitOrDot(text.charCodeAt(runEnd))) {
      runEnd++;
    }
    if (runEnd === end && (start === 0 || !isDigitOrDot(text.charCodeAt(start - 1))) && OCTETS.test(m[0])) {
      return m[0];
    }
    QUAD.lastIndex = runEnd; // no other quad in this run is whole
  }
  return undefined;
}

/**
 * The first IPv6 address in a text: a whole run of hex digits and colons with 2–7 colons and at most
 * four digits between them ("2603:10b6:408:67::24"), as
 * /(?<![0-9a-f:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![0-9a-f:])/i finds it. Only runs with a colon
 * can be one, and each run is read once.
 */
export function ipv6In(text: string): { index: number; value: string } | undefined {
  for (let colon = text.indexOf(':'); colon !== -1;) {
    let start = colon;
    while (start > 0 && isHexOrColon(text.charCodeAt(start - 1))) {
      start--;
    }
    let colons = 0;
    let digits = 0;
    let ok = true;
    let end = start;
    for (; end < text.length; end++) {
      const c = text.charCodeAt(end);
      if (c === 0x3a) {
        colons++;
        digits = 0;
      } else if (isHexOrColon(c)) {
        if (++digits > 4) {
          ok = false;
        }
      } else {
        break;
      }
    }
    if (ok && colons >= 2 && colons <= 7) {
      return { index: start, value: text.slice(start, end) };
    }
    colon = text.indexOf(':', end);
  }
  return undefined;
}

/**
 * The text of each comment "(…)" with at most one level of nested comments inside, leftmost first, as
 * /\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g finds them: an opening parenthesis whose comment does not close
 * (or nests deeper) is passed over and the search goes on from the next "(" after it. Read from the
 * list of parenthesis positions (native searches), each position visited a bounded number of times.
 */
export function commentsOf(text: string): string[] {
  const out: string[] = [];
  const open = text.indexOf('(');
  if (open === -1) {
    return out;
  }
  // The usual "host (rdns [ip])": one "(" and one ")" after it, read with four native searches (the
  // general walk below ran unoptimised at ~12,000 instructions per Received field, issue 10 §4).
  const close = text.indexOf(')', open);
  if (close !== -1 && text.indexOf('(', open + 1) === -1 && text.indexOf(')', close + 1) === -1) {
    if (text.lastIndexOf(')', open) === -1) {
      out.push(text.slice(open + 1, close));
      return out;
    }
  }
  const parens = parenPositions(text);
  const isClose = (k: number) => text.charCodeAt(parens[k]!) === 0x29;
  for (let i = 0; i < parens.length; i++) {
    if (isClose(i)) {
      continue;
    }
    let j = i + 1;
    while (j < parens.length && !isClose(j) && j + 1 < parens.length && isClose(j + 1)) {
      j += 2; // a nested comment "(…)"
    }
    if (j < parens.length && isClose(j)) {
      out.push(text.slice(parens[i]! + 1, parens[j]!));
      i = j;
    }
  }
  return out;
}

/** Positions of every "(" and ")" in order. */
function parenPositions(text: string): number[] {
  const out: number[] = [];
  let o = text.indexOf('(');
  let c = text.indexOf(')');
  while (o !== -1 || c !== -1) {
    if (c === -1 || (o !== -1 && o < c)) {
      out.push(o);
      o = text.indexOf('(', o + 1);
    } else {
      out.push(c);
      c = text.indexOf(')', c + 1);
    }
  }
  return out;
}

/** A bit per clause keyword (any letter case); the caller passes keywords only. */
function keywordBit(token: string): number {
  switch (token.toLowerCase()) {
    case 'from':
      return 1;
    case 'by':
      return 2;
    case 'with':
      return 4;
    case 'via':
      return 8;
    case 'id':
      return 16;
    default:
      return 32; // "for"
  }
}

/**
 * Clause keyword → its text (from, by and with: the others only end a clause), keywords recognised only
 * outside comments (RFC 5322 CFWS); the first clause of a keyword wins. Read from one split() of the
 * value by CLAUSE_SPLIT, whose pieces alternate text and token: one native call per value instead of
 * an exec() and its match array per token, and no closure or Set per value (issue 10 §4: this runs
 * unoptimised for much of a scan).
 */
export function splitClauses(body: string): Clauses {
  const out: Clauses = {};
  const pieces = body.split(CLAUSE_SPLIT);
  let seen = 0; // keyword bits met at depth 0
  let depth = 0;
  let open = 0; // the bit of the clause being read, when it is the first of its keyword
  let textStart = 0;
  let pos = pieces[0]!.length; // where token i starts
  for (let i = 1; i < pieces.length; i += 2) {
    const t = pieces[i]!;
    if (t === '(') {
      depth++;
    } else if (t === ')') {
      depth = depth > 0 ? depth - 1 : 0;
    } else if (depth === 0) {
      if (open !== 0) {
        setClause(out, open, body.slice(textStart, pos));
      }
      const bit = keywordBit(t);
      open = (seen & bit) === 0 ? bit : 0;
      seen |= bit;
      textStart = pos + t.length;
    }
    pos += t.length + pieces[i + 1]!.length;
  }
  if (open !== 0) {
    setClause(out, open, body.slice(textStart));
  }
  return out;
}

function setClause(out: Clauses, bit: number, text: string): void {
  if (bit === 1) {
    out.from = text;
  } else if (bit === 2) {
    out.by = text;
  } else if (bit === 4) {
    out.with = text;
  }
}
