// Authentication results as data: RFC 8601 Authentication-Results, RFC 8617 ARC-Authentication-Results,
// RFC 7208 §9.1 Received-SPF, RFC 6376 DKIM-Signature tags.
import type { AuthResult, DkimSignature } from '../types';
import { charSet, trimEndOf } from './trim';

// "spf=pass smtp.mailfrom=example.com", "dkim=fail (bad sig) header.d=example.com header.i=@example.com"
const RESULT =
  /(?:^|[;\s])(spf|dkim|dmarc|arc|auth|iprev|dkim-atps|bimi|x-[a-z-]+)\s*=\s*([a-z]+)\b([^;]*)/gi;
const PROP =
  /\b(smtp\.mailfrom|smtp\.mfrom|smtp\.helo|header\.from|header\.d|header\.i|policy\.[a-z-]+)\s*=\s*"?([^\s;"]+)/gi;

export function parseAuthResults(
  value: string,
  source: 'authentication-results' | 'arc-authentication-results',
): AuthResult[] {
  let v = value.length > 4000 ? value.slice(0, 4000) : value;
  v = dropComments(v); // RFC 8601 comments carry no results
  if (source === 'arc-authentication-results') {
    v = v.replace(/^\s*i\s*=\s*\d+\s*;/, ''); // ARC instance tag
  }
  const semi = v.indexOf(';');
  // RFC 8601 §2.2: the authserv-id comes first; Microsoft 365 omits it and starts with a result.
  const firstWord = (semi === -1 ? v : v.slice(0, semi)).trim().split(/\s+/)[0];
  const authserv = firstWord && !firstWord.includes('=') ? firstWord : undefined;
  const out: AuthResult[] = [];
  for (const m of v.matchAll(RESULT)) {
    const method = m[1]!.toLowerCase();
    const result = m[2]!.toLowerCase();
    let domain: string | undefined;
    const props = new Map<string, string>();
    for (const p of m[3]!.matchAll(PROP)) {
      props.set(p[1]!.toLowerCase(), p[2]!.toLowerCase());
    }
    if (method === 'spf') {
      // smtp.mfrom: Sendmail's sid-milter (Sender ID era, RFC 4406) names the same identity.
      domain = domainOf(props.get('smtp.mailfrom') ?? props.get('smtp.mfrom') ?? props.get('smtp.helo'));
    } else if (method === 'dkim') {
      domain = domainOf(props.get('header.d') ?? props.get('header.i'));
    } else {
      domain = domainOf(props.get('header.from') ?? props.get('smtp.mailfrom'));
    }
    out.push({ source, authserv: authserv?.toLowerCase(), method, result, domain });
    if (out.length >= 32) {
      break;
    }
  }
  return out;
}

// "Received-SPF: pass (mx.example.net: domain of a@b.c designates 1.2.3.4 as permitted sender) client-ip=…; envelope-from=a@b.c;"
export function parseReceivedSpf(value: string): AuthResult | undefined {
  const m = /^\s*([a-z]+)\b/i.exec(value);
  if (!m) {
    return undefined;
  }
  const from =
    /envelope-from\s*=\s*"?<?([^\s;"<>]+)/i.exec(value)?.[1] ??
    /\bhelo\s*=\s*([^\s;]+)/i.exec(value)?.[1] ??
    /domain of\s+(?:[^\s@]+@)?([a-z0-9.-]+\.[a-z]{2,})/i.exec(value)?.[1] ??
    notDesignated(value);
  const receiver =
    /receiver\s*=\s*([^\s;]+)/i.exec(value)?.[1] ?? /\(\s*([a-z0-9.-]+\.[a-z]{2,})\s*:/i.exec(value)?.[1];
  return {
    source: 'received-spf',
    authserv: receiver?.toLowerCase(),
    method: 'spf',
    result: m[1]!.toLowerCase(),
    domain: domainOf(from?.toLowerCase()),
  };
}

export function parseDkimSignature(value: string): DkimSignature | undefined {
  const v = value.length > 4000 ? value.slice(0, 4000) : value;
  const d = /(?:^|;)\s*d\s*=\s*([^\s;]+)/i.exec(v)?.[1];
  if (!d) {
    return undefined;
  }
  const s = /(?:^|;)\s*s\s*=\s*([^\s;]+)/i.exec(v)?.[1];
  return { domain: d.toLowerCase(), selector: s };
}

function domainOf(value: string | undefined): string | undefined {
  // "<>" is the null reverse path (a bounce's own envelope): no domain.
  if (!value || /^<?\s*>?$/.test(value)) {
    return undefined;
  }
  const at = value.lastIndexOf('@');
  const d = trimEndOf(at === -1 ? value : value.slice(at + 1), ANGLE_DOT);
  return d || undefined;
}

const ANGLE_DOT = charSet('>.');

/** Comments "(…)" of up to 500 characters without nested parentheses, each replaced by a space. */
function dropComments(value: string): string {
  let out = '';
  let copied = 0;
  let i = value.indexOf('(');
  while (i !== -1) {
    // The first parenthesis after this one, within 501 characters: only ")" closes a comment. The
    // characters before it hold no parenthesis, so the scan goes on from there (one pass in all).
    let j = i + 1;
    while (j < value.length && j - i <= 501 && value[j] !== '(' && value[j] !== ')') {
      j++;
    }
    if (value[j] === ')' && j - i <= 501) {
      out += value.slice(copied, i) + ' ';
      copied = j + 1;
      i = value.indexOf('(', j + 1);
    } else {
      i = value.indexOf('(', j);
    }
  }
  return copied === 0 ? value : out + value.slice(copied);
}

const DOMAIN_CHARS = charSet('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-');

/**
 * Microsoft's and Gmail's "none" form: "(google.com: host.example does not designate …)" — the domain
 * (or address) right before " does not designate", after a ":". Read backwards from the phrase: the
 * regex ":\s*(?:[^\s@]+@)?([a-z0-9.-]+\.[a-z]{2,}) does not designate" was quadratic (issue 8 §1).
 */
function notDesignated(value: string): string | undefined {
  const lower = value.toLowerCase();
  const phrase = ' does not designate';
  for (
    let p = lower.indexOf(phrase);
    p !== -1 && lower.length === value.length;
    p = lower.indexOf(phrase, p + 1)
  ) {
    let start = p;
    while (start > 0 && DOMAIN_CHARS.hasCode(value.charCodeAt(start - 1))) {
      start--;
    }
    const domain = value.slice(start, p);
    const dot = domain.lastIndexOf('.');
    const tld = domain.slice(dot + 1);
    if (dot < 1 || tld.length < 2 || !/^[a-z]+$/i.test(tld)) {
      continue;
    }
    let k = start;
    if (value[k - 1] === '@') {
      k--;
      while (k > 0 && value[k - 1] !== '@' && !/\s/.test(value[k - 1]!)) {
        k--;
        if (value[k - 1] === ':' && k < start - 1) {
          return domain; // "…:local@domain": the local part starts after a ":"
        }
      }
      if (k === start - 1) {
        continue; // "@" with no local part
      }
    }
    while (k > 0 && /\s/.test(value[k - 1]!)) {
      k--;
    }
    if (value[k - 1] === ':') {
      return domain;
    }
  }
  return undefined;
}
