// RFC 5321 §4.4 trace fields: "Received: from HELO (rDNS [IP]) by HOST with PROTO id ID for <rcpt>; date".
// MTAs vary the comment layout (Postfix "(rdns [ip])", Exim "(helo=x)", Sendmail "(rdns [ip] (may be forged))",
// Exchange "(2603:10b6::1) by … with Microsoft SMTP Server (…)", qmail "from unknown (HELO x) (1.2.3.4)"),
// so each clause is read independently and a missing one is left undefined.
import type { ReceivedHop } from '../types';

const IPV4 = /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/;
const IPV6 = /(?:IPv6:)?\b((?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}|(?:[0-9a-f]{1,4}:){1,6}:[0-9a-f:]{0,30})\b/i;
const HOST = /[a-z0-9_][a-z0-9_.-]{0,252}/i;

export function parseReceived(value: string): ReceivedHop {
  const v = value.length > 2000 ? value.slice(0, 2000) : value;
  const semi = v.lastIndexOf(';');
  const date = semi === -1 ? undefined : v.slice(semi + 1).trim() || undefined;
  const body = semi === -1 ? v : v.slice(0, semi);

  const fromClause = clause(body, 'from');
  const byClause = clause(body, 'by');
  const withClause = clause(body, 'with');

  let fromHost: string | undefined;
  let helo: string | undefined;
  let ip: string | undefined;
  if (fromClause !== undefined) {
    const first = HOST.exec(fromClause.trimStart());
    fromHost = first && fromClause.trimStart().startsWith(first[0]) ? first[0].toLowerCase() : undefined;
    const heloM = /\(\s*(?:helo|ehlo)[=\s]\s*\[?([^\s)\]]{1,255})/i.exec(fromClause);
    helo = heloM?.[1]?.toLowerCase();
    // "(rdns [ip])": when the comment names a host, that is the verified reverse name.
    const rdns = /\(\s*([a-z0-9][a-z0-9.-]*\.[a-z]{2,})\s*\[/i.exec(fromClause);
    if (rdns && fromHost !== undefined && rdns[1]!.toLowerCase() !== fromHost) {
      helo ??= fromHost;
      fromHost = rdns[1]!.toLowerCase();
    }
    ip = IPV4.exec(fromClause)?.[0] ?? IPV6.exec(fromClause)?.[1];
    if (fromHost === 'unknown' || fromHost === 'localhost') {
      fromHost = fromHost === 'unknown' ? undefined : fromHost;
    }
  }
  const byHost = byClause !== undefined ? HOST.exec(byClause.trimStart())?.[0]?.toLowerCase() : undefined;
  const protocol = withClause !== undefined ? /^\s*([A-Za-z0-9_/-]{1,40})/.exec(withClause)?.[1] : undefined;
  return { fromHost, helo, ip, byHost, protocol: protocol?.toUpperCase(), date };
}

/** The text of one clause ("from …" up to the next clause keyword). */
function clause(body: string, keyword: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)${keyword}\\s`, 'i');
  const m = re.exec(body);
  if (!m) {
    return undefined;
  }
  const start = m.index + m[0].length;
  const next = /\s(?:from|by|via|with|id|for)\s/gi;
  next.lastIndex = start;
  let stop = body.length;
  // Skip keywords inside parentheses: "(envelope-from <x>)" must not end the from clause.
  let depth = 0;
  for (let i = start; i < body.length; i++) {
    const c = body[i];
    if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0 && (c === ' ' || c === '\t')) {
      next.lastIndex = i;
      const n = next.exec(body);
      if (n && n.index === i) {
        stop = i;
        break;
      }
    }
  }
  return body.slice(start, stop);
}
