// What the user's domain publishes, as the receivers of the forged originals recorded it. Receivers
// write the DMARC policy they applied next to the result (RFC 7489 §11.2 leaves the form open):
//   Gmail / OpenDMARC   dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=example.org
//   Yahoo               dmarc=fail(p=REJECT) header.from=example.org
//   Fastmail            dmarc=fail (p=reject,d=none) header.from=example.org
//   Microsoft 365       dmarc=fail action=quarantine header.from=example.org
//   RFC 8601 policy.*   dmarc=fail policy.published-domain-policy=reject header.from=example.org
// `dmarc=none` means the receiver found no DMARC record at all. The parsed results in
// OriginalMessage.auth drop comments (headers/auth.ts), so the policy is read here from the raw field.
import { isUnder } from '../verdict/hosts';
import type { OriginalMessage } from '../types';
import type { DmarcPolicy } from './types';

export interface DmarcSeen {
  result: string;
  /** The policy the receiver recorded; undefined when it did not say. */
  policy: DmarcPolicy | undefined;
  domain: string | undefined;
}

// Bounded pieces, no nested quantifiers: one result token, then at most 300 characters up to ';'.
const DMARC = /(?:^|[;\s])dmarc\s*=\s*([a-z]+)([^;]{0,300})/gi;
const POLICY = /\bp\s*=\s*(none|quarantine|reject)\b/i;
const PUBLISHED = /\bpolicy\.(?:published-domain-policy|dmarc)\s*=\s*"?(none|quarantine|reject)\b/i;
// Microsoft's action: oreject/oquarantine are "the policy said reject, local override did not".
const ACTION = /\baction\s*=\s*o?(none|quarantine|reject)\b/i;
const FROM = /\bheader\.from\s*=\s*"?([^\s;"()]{1,253})/i;

/** Every DMARC result in the original's Authentication-Results / ARC-Authentication-Results fields. */
export function dmarcResults(original: OriginalMessage): DmarcSeen[] {
  const out: DmarcSeen[] = [];
  for (const h of original.headers) {
    if (h.name !== 'authentication-results' && h.name !== 'arc-authentication-results') {
      continue;
    }
    const value = h.value.length > 4000 ? h.value.slice(0, 4000) : h.value;
    for (const m of value.matchAll(DMARC)) {
      const rest = m[2] ?? '';
      const policy = (
        POLICY.exec(rest)?.[1] ??
        PUBLISHED.exec(rest)?.[1] ??
        ACTION.exec(rest)?.[1]
      )?.toLowerCase() as DmarcPolicy | undefined;
      const from = FROM.exec(rest)?.[1]?.toLowerCase();
      out.push({ result: m[1]!.toLowerCase(), policy, domain: from?.slice(from.lastIndexOf('@') + 1) });
      if (out.length >= 16) {
        return out;
      }
    }
  }
  return out;
}

/** The one DMARC fact per original that concerns `domain` (a result about another domain says nothing). */
export function dmarcFor(original: OriginalMessage, domain: string): DmarcSeen | undefined {
  const results = dmarcResults(original).filter(r => r.domain === undefined || isUnder(r.domain, domain));
  // A result that names the policy is worth more than one that does not; a receiver's own line first.
  return results.find(r => r.policy !== undefined) ?? results[0];
}

/** The SPF result receivers recorded for the domain (strongest statement first). */
export function spfFor(original: OriginalMessage, domain: string): string | undefined {
  const order = ['fail', 'hardfail', 'softfail', 'neutral', 'none', 'permerror', 'temperror', 'pass'];
  const results = original.auth
    .filter(r => r.method === 'spf' && r.domain !== undefined && isUnder(r.domain, domain))
    .map(r => r.result);
  const rank = (result: string) => (order.includes(result) ? order.indexOf(result) : order.length);
  return results.sort((a, b) => rank(a) - rank(b))[0];
}

/** Did a receiver confirm a DKIM signature of the domain on this original? */
export function dkimPassFor(original: OriginalMessage, domain: string): boolean {
  return original.auth.some(
    r => r.method === 'dkim' && r.result === 'pass' && r.domain !== undefined && isUnder(r.domain, domain),
  );
}
