// RFC 5321 §4.4 trace fields: "Received: from HELO (rDNS [IP]) by HOST with PROTO id ID for <rcpt>; date".
// MTAs vary the comment layout (Postfix "(rdns [ip])", Exim "(rdns [ip] helo=x)", Sendmail "(rdns [ip]
// (may be forged))", Exchange "(2603:10b6::1) by … with Microsoft SMTP Server (…)", qmail "from unknown
// (HELO x) (1.2.3.4)"), so the clauses are found outside comments and each is read on its own; a
// missing one is left undefined.
import type { ReceivedHop } from '../types';
import { asciiWordAt, isJsSpace } from './trim';

const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])/;
// At least two colons, hex groups only, not part of a longer token ("2603:10b6:408:67::24").
const IPV6 = /(?<![0-9a-f:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![0-9a-f:])/i;
const HOST = /^[a-z0-9_][a-z0-9_.-]{0,252}/i;
const KEYWORDS = ['from', 'by', 'via', 'with', 'id', 'for'] as const;
type Keyword = (typeof KEYWORDS)[number];

/** The date clause alone (after the last ";"), as parseReceived() reads it, without the clauses. */
export function receivedDate(value: string): string | undefined {
  const v = value.length > 2000 ? value.slice(0, 2000) : value;
  const semi = v.lastIndexOf(';');
  return semi === -1 ? undefined : v.slice(semi + 1).trim() || undefined;
}

export function parseReceived(value: string): ReceivedHop {
  const v = value.length > 2000 ? value.slice(0, 2000) : value;
  const semi = v.lastIndexOf(';');
  const date = receivedDate(v);
  const clauses = splitClauses(semi === -1 ? v : v.slice(0, semi));

  const from = clauses.get('from');
  let fromHost: string | undefined;
  let helo: string | undefined;
  let ip: string | undefined;
  if (from !== undefined) {
    const text = from.trim();
    const first = text.startsWith('[') ? undefined : HOST.exec(text)?.[0]?.toLowerCase();
    fromHost = first === 'unknown' ? undefined : first;
    // "(HELO x)" (qmail), "helo=x" (Exim, Postfix), "(EHLO x)".
    helo = /\b(?:helo|ehlo)[=\s]\s*\[?([^\s)\]]{1,255})/i.exec(text)?.[1]?.toLowerCase();
    const comments = [...text.matchAll(/\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)].map(m => m[1]!);
    // "(rdns [ip])": the name the receiver looked up, which it verified; the clause's own first word
    // is then what the client said in HELO.
    for (const c of comments) {
      const rdns = /^\s*([a-z0-9][a-z0-9.-]*\.[a-z]{2,})\.?\s*\[/i.exec(c);
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
    ip = firstIp(comments.join(' ')) ?? firstIp(text);
  }
  const by = clauses.get('by')?.trim();
  const byHost =
    by === undefined
      ? undefined
      : (IPV6.exec(by)?.index === 0 ? IPV6.exec(by)![0] : HOST.exec(by)?.[0])?.toLowerCase();
  const protocol = clauses
    .get('with')
    ?.trim()
    .match(/^([A-Za-z0-9_/-]{1,40})/)?.[1]
    ?.toUpperCase();
  return { fromHost, helo, ip, byHost, protocol, date };
}

function firstIp(text: string): string | undefined {
  // "[192.0.2.222:222]" (Ecelerity): an IPv4 literal with a port.
  const bracket = /\[(?:IPv6:)?([0-9a-f.:]{3,45})\]/i
    .exec(text)?.[1]
    ?.replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, '$1');
  if (bracket && (IPV4.test(bracket) || IPV6.test(bracket))) {
    return bracket.toLowerCase();
  }
  return IPV4.exec(text)?.[0] ?? IPV6.exec(text)?.[0]?.toLowerCase();
}

/** Clause keyword → its text, keywords recognised only outside comments (RFC 5322 CFWS). */
function splitClauses(body: string): Map<Keyword, string> {
  const starts: { keyword: Keyword; at: number; textStart: number }[] = [];
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x28) {
      depth++;
      continue;
    }
    if (c === 0x29) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0 || (i > 0 && !isJsSpace(body.charCodeAt(i - 1)))) {
      continue;
    }
    for (const k of KEYWORDS) {
      if (asciiWordAt(body, i, k)) {
        const end = i + k.length;
        if (end === body.length || isJsSpace(body.charCodeAt(end))) {
          starts.push({ keyword: k, at: i, textStart: end });
          i += k.length - 1;
          break;
        }
      }
    }
  }
  const out = new Map<Keyword, string>();
  for (let j = 0; j < starts.length; j++) {
    const s = starts[j]!;
    if (!out.has(s.keyword)) {
      out.set(s.keyword, body.slice(s.textStart, starts[j + 1]?.at ?? body.length));
    }
  }
  return out;
}
