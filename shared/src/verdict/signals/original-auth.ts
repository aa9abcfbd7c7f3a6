// What the receiving side's authentication checks said about the original (RFC 8601
// Authentication-Results, RFC 8617 ARC, RFC 7208 Received-SPF). A pass for the user's domain written
// by the receiving side means the user's servers sent it; a fail for the user's domain means they did
// not. Passes are trusted only from the receiving side's own authserv-id (anyone can write a header
// that says "pass" further down); a fail is believed from anyone, since no forger writes one.
import type { AuthResult, Evidence } from '../../types';
import type { SignalContext } from '../context';
import { isUnder, orgOf } from '../hosts';
import { evidence } from '../signal';
import { WEIGHTS } from '../thresholds';

export const id = 'original-auth';

function failWeight(result: AuthResult): number {
  if (result.method === 'dmarc' && result.result === 'fail') {
    return WEIGHTS.dmarcFail;
  }
  if (result.method === 'spf' && (result.result === 'fail' || result.result === 'hardfail')) {
    return WEIGHTS.spfFail;
  }
  if (result.method === 'spf' && result.result === 'softfail') {
    return WEIGHTS.spfSoftfail;
  }
  if (result.method === 'dkim' && result.result === 'fail') {
    return WEIGHTS.dkimFail;
  }
  return 0;
}

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const original = ctx.original;
  if (original === undefined || original.auth.length === 0) {
    return undefined;
  }
  const mine = (domain: string | undefined) =>
    domain !== undefined && [...ctx.userDomains].some(d => isUnder(domain, d));
  const receiving = ctx.trace?.receivingOrgs;
  const trusted = (r: AuthResult) => {
    const org = orgOf(r.authserv);
    return org !== undefined && receiving !== undefined && receiving.has(org);
  };
  let pass: AuthResult | undefined;
  let fail: AuthResult | undefined;
  let failPoints = 0;
  for (const r of original.auth) {
    if (!mine(r.domain) || !['spf', 'dkim', 'dmarc'].includes(r.method)) {
      continue;
    }
    if (r.result === 'pass' && trusted(r)) {
      pass ??= r;
    }
    const w = failWeight(r);
    if (w > failPoints) {
      failPoints = w;
      fail = r;
    }
  }
  // A DMARC fail outweighs any pass: it says the From domain was not aligned, whatever SPF said for
  // the envelope (RFC 7489 §3.1).
  if (
    fail !== undefined &&
    (pass === undefined || fail.method === 'dmarc' || failPoints >= WEIGHTS.authPass)
  ) {
    return evidence(id, 'backscatter', failPoints, {
      variant: 'fail',
      method: fail.method,
      result: fail.result,
      domain: fail.domain ?? '',
    });
  }
  // A pass in a replayed header block was written for the old message it was copied from (context.ts
  // `originalHeadersVouch`), as is an ARC seal's.
  if (pass !== undefined && ctx.originalHeadersVouch) {
    return evidence(
      id,
      'legitimate',
      fail === undefined ? WEIGHTS.authPass : Math.max(0, WEIGHTS.authPass - failPoints),
      {
        variant: 'pass',
        method: pass.method,
        domain: pass.domain ?? '',
      },
    );
  }
  // Trusted "none" for the user's domain where the provider always authenticates (e.g. SPF none for
  // a gmail.com sender): the message did not come through the provider.
  if (ctx.trace !== undefined && !ctx.trace.ownSide && ctx.providers.some(p => p.alwaysSigns)) {
    const none = original.auth.find(r => trusted(r) && r.method === 'dkim' && r.result === 'none');
    const from = original.from[0]?.address;
    const fromDomain = from?.slice(from.lastIndexOf('@') + 1).toLowerCase();
    if (
      none !== undefined &&
      fromDomain !== undefined &&
      ctx.providers.some(p => p.addressDomains.includes(fromDomain))
    ) {
      return evidence(id, 'backscatter', WEIGHTS.authNone, {
        variant: 'none',
        method: none.method,
        result: none.result,
        domain: fromDomain,
      });
    }
  }
  return undefined;
}
