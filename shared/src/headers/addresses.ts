// Address lists (RFC 5322 §3.4) through postal-mime's address parser, flattened (groups opened),
// lower-cased, bounded. Also the bare-address helpers every format module needs.
import { addressParser } from 'postal-mime';
import type { Mailbox } from '../types';
import { decodeHeaderWords } from '../mime/decode';

const MAX_ADDRESSES = 200;

export function parseAddresses(value: string | undefined): Mailbox[] {
  if (!value) {
    return [];
  }
  const v = value.length > 8000 ? value.slice(0, 8000) : value;
  const out: Mailbox[] = [];
  try {
    const push = (name: string | undefined, address: string | undefined) => {
      if (address && out.length < MAX_ADDRESSES) {
        const a = cleanAddress(address);
        if (a) {
          out.push({ name: name ? decodeHeaderWords(name) || undefined : undefined, address: a });
        }
      }
    };
    for (const entry of addressParser(v)) {
      if ('group' in entry && Array.isArray(entry.group)) {
        for (const m of entry.group) {
          push(m.name, m.address);
        }
      } else if ('address' in entry) {
        push(entry.name, entry.address);
      }
    }
  } catch {
    for (const a of findAddresses(v)) {
      out.push({ name: undefined, address: a });
    }
  }
  return out;
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
  // Commas inside quoted display names ("Doe, Jane" <jane@x>) do not separate entries.
  for (const entry of value.slice(0, 8000).split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
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

// A pragmatic address: local@domain with a dotted domain (or an IP literal). Bounded quantifiers keep it
// linear on hostile input ("@@@@…", long runs of dots).
const ADDRESS =
  /[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?:[a-z0-9-]{1,63}\.){1,8}[a-z0-9-]{2,63}|[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@\[[0-9.:a-f]{3,45}\]/gi;

/** Every address-looking token in a text, in order, unique, lower-cased domain. */
export function findAddresses(text: string, limit = MAX_ADDRESSES): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(ADDRESS)) {
    const a = cleanAddress(m[0]);
    if (a && !seen.has(a)) {
      seen.add(a);
      if (seen.size >= limit) {
        break;
      }
    }
  }
  return [...seen];
}

/** Strips brackets, quotes, "rfc822;" prefixes and trailing punctuation; lower-cases. */
export function cleanAddress(raw: string): string | undefined {
  let a = raw.trim();
  a = a.replace(/^(?:rfc822|utf-8|x-unknown)\s*;\s*/i, '');
  // RFC 5321 §4.1.2 quoted local part: '"neko....nyaan...."@example.org' keeps its quotes.
  const quoted = /^[<\s]*("[^"]{1,64}"@[^\s>]+)/.exec(a);
  if (quoted) {
    return quoted[1]!.replace(/[>.,;:]+$/, '').toLowerCase();
  }
  a = a.replace(/^["'<(\s[]+|[>"')\s.,;:]+$/g, '');
  // Keep the "]" of an address literal (RFC 5321 §4.1.3 "user@[192.0.2.1]"), drop any other.
  if (a.endsWith(']') && !/@\[[^\]]*\]$/.test(a)) {
    a = a.replace(/\]+$/, '');
  }
  a = a.replace(/^mailto:/i, '');
  if (a.length > 320) {
    return undefined;
  }
  const at = a.lastIndexOf('@');
  if (at <= 0 || at === a.length - 1) {
    return undefined;
  }
  const local = a.slice(0, at).replace(/^[.]+/, '');
  const domain = a.slice(at + 1).replace(/\.+$/, '');
  if (!local || !domain || (!domain.includes('.') && !domain.startsWith('['))) {
    return undefined;
  }
  return `${local}@${domain}`.toLowerCase();
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** Message-ID without angle brackets (RFC 5322 §3.6.4 msg-id), or undefined. */
export function cleanMessageId(value: string | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  const m = /<([^<>\s]{1,500})>/.exec(value);
  const id = (m ? m[1]! : (value.trim().split(/\s+/)[0] ?? '')).replace(/^<|>$/g, '');
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
