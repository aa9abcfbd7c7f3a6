// Host names and addresses as the verdict needs them: the organisation a host belongs to, whether an
// address is private, and whether it lies in a published range. No DNS: only what the headers say.
import { rememberAnswers } from '../memo';

// Second-level labels under which registries sell names (example.co.uk): a small list is enough,
// because a wrong guess only merges or splits two organisations in one country.
const SECOND_LEVEL = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'me.uk',
  'ltd.uk',
  'plc.uk',
  'com.au',
  'net.au',
  'org.au',
  'edu.au',
  'co.nz',
  'org.nz',
  'co.za',
  'org.za',
  'co.jp',
  'ne.jp',
  'or.jp',
  'ac.jp',
  'ad.jp',
  'go.jp',
  'gr.jp',
  'com.br',
  'net.br',
  'org.br',
  'com.cn',
  'net.cn',
  'org.cn',
  'com.tw',
  'co.kr',
  'or.kr',
  'com.mx',
  'com.ar',
  'com.tr',
  'co.in',
  'co.il',
  'com.sg',
  'com.hk',
  'co.id',
  'com.my',
  'com.ru',
]);

/** The registrable domain ("organisation") of a host: mx1.mail.example.co.uk → example.co.uk. */
export function orgOf(host: string | undefined): string | undefined {
  return host === undefined ? undefined : orgRemembered(host);
}

/**
 * orgOf()'s answers for the host names it has seen: the verdict asks for the same few hosts many times
 * a message (each hop, each signal) and across messages, and the lower-casing, IP test, split and joins
 * were ~28% of decide() in a profile of the bench's corpus. Only names that can be DNS names (≤ 253
 * characters) are kept.
 */
const orgRemembered = rememberAnswers(organisation, 4096, 253);

function organisation(host: string): string | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h === '' || isIpLiteral(h)) {
    return undefined;
  }
  const labels = h.split('.');
  if (labels.length < 2) {
    return h;
  }
  const lastTwo = labels.slice(-2).join('.');
  if (labels.length >= 3 && SECOND_LEVEL.has(lastTwo)) {
    return labels.slice(-3).join('.');
  }
  return lastTwo;
}

/** host equals domain or is under it (a.b.example.org is under example.org). */
export function isUnder(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function isIpLiteral(text: string): boolean {
  return /^\[?[0-9.]+\]?$/.test(text) || /^\[?(ipv6:)?[0-9a-f:]+\]?$/i.test(text);
}

/**
 * Host names that say "a home connection": the access-network words ISPs put in the reverse names of
 * dial-up, DSL, cable and pool addresses ("dsl-187-1-2-3.telecom.example", "pool-71-1-2-3.fios…").
 * An address written into the name alone is not enough: hosting providers name static servers that way.
 */
export function looksDynamic(host: string | undefined): boolean {
  if (host === undefined) {
    return false;
  }
  return /(^|[.-])(a?dsl|vdsl|xdsl|dyn|dynamic|dhcp|pool|ppp|pppoe|cable|dial|dialup|dialin|broadband|customer|cust|client|residential|home)[0-9.-]/i.test(
    host,
  );
}

/** RFC 1918, loopback, link-local, CGNAT (RFC 6598), IPv6 loopback/ULA/link-local. */
export function isPrivateIp(ip: string | undefined): boolean {
  if (ip === undefined) {
    return false;
  }
  const v4 = parseIpv4(ip);
  if (v4 !== undefined) {
    const a = v4 >>> 24;
    const b = (v4 >>> 16) & 0xff;
    return (
      a === 10 ||
      a === 127 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const s = ip.toLowerCase();
  return s === '::1' || /^f[cd][0-9a-f]{2}:/.test(s) || /^fe[89ab][0-9a-f]:/.test(s);
}

function parseIpv4(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) {
    return undefined;
  }
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const part = Number(m[i]);
    if (part > 255) {
      return undefined;
    }
    n = n * 256 + part;
  }
  return n >>> 0;
}

/** IPv6 as 8 groups of 16 bits, or undefined. */
function parseIpv6(ip: string): number[] | undefined {
  const s = ip.toLowerCase().replace(/^ipv6:/, '');
  if (!/^[0-9a-f:]+$/.test(s) || !s.includes(':')) {
    return undefined;
  }
  const halves = s.split('::');
  if (halves.length > 2) {
    return undefined;
  }
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) {
    return undefined;
  }
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail].map(g => parseInt(g, 16));
  return groups.every(g => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

export interface Cidr {
  v6: boolean;
  /** v4: one 32-bit number; v6: 8 groups. */
  base: number[];
  bits: number;
}

export function parseCidr(text: string): Cidr | undefined {
  const [addr, bitsText] = text.split('/');
  const bits = Number(bitsText);
  if (addr === undefined || !Number.isInteger(bits)) {
    return undefined;
  }
  const v4 = parseIpv4(addr);
  if (v4 !== undefined) {
    return { v6: false, base: [v4], bits };
  }
  const v6 = parseIpv6(addr);
  return v6 ? { v6: true, base: v6, bits } : undefined;
}

export function inCidr(ip: string, cidr: Cidr): boolean {
  if (!cidr.v6) {
    const v4 = parseIpv4(ip);
    if (v4 === undefined || cidr.base[0] === undefined) {
      return false;
    }
    const mask = cidr.bits === 0 ? 0 : (0xffffffff << (32 - cidr.bits)) >>> 0;
    return (v4 & mask) >>> 0 === (cidr.base[0] & mask) >>> 0;
  }
  const v6 = parseIpv6(ip);
  if (v6 === undefined) {
    return false;
  }
  let remaining = cidr.bits;
  for (let i = 0; i < 8 && remaining > 0; i++) {
    const take = Math.min(16, remaining);
    const mask = (0xffff << (16 - take)) & 0xffff;
    if (((v6[i] ?? 0) & mask) !== ((cidr.base[i] ?? 0) & mask)) {
      return false;
    }
    remaining -= take;
  }
  return true;
}
