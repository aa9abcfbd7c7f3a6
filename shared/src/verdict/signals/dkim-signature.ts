// Does the original carry the DKIM signature the user's mail always carries (RFC 6376)? Providers
// sign every outgoing message (providers.json alwaysSigns), and learned Sent copies tell which d=
// domains the user's mail gets. The header alone proves little (anyone can paste one; the receiving
// side's dkim=pass is original-auth's job), so a match is weak; a missing or foreign signature on
// mail that went through a third party is a clear sign it never passed the user's provider. When the
// user's own provider wrote the bounce, the original may be the unsigned copy from before signing,
// so absence counts only for third-party bounces, and only when the header block is complete.
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { isUnder } from '../hosts';
import { evidence } from '../signal';
import { WEIGHTS } from '../thresholds';

export const id = 'dkim-signature';

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const original = ctx.original;
  if (original === undefined) {
    return undefined;
  }
  const from = original.from[0]?.address.toLowerCase();
  const fromDomain = from?.slice(from.lastIndexOf('@') + 1);
  const expected = new Set(ctx.profile.dkimDomains);
  for (const provider of ctx.providers) {
    if (provider.alwaysSigns && fromDomain !== undefined && provider.addressDomains.includes(fromDomain)) {
      for (const d of provider.dkimDomains) {
        expected.add(d);
      }
    }
  }
  if (expected.size === 0) {
    return undefined;
  }
  const found = original.dkim.map(s => s.domain);
  const match = found.find(d => [...expected].some(e => isUnder(d, e)));
  if (match !== undefined) {
    // The header alone is the sender's text (a pasted signature verifies nowhere): behind a foreign
    // entry it vouches for nothing.
    return ctx.senderFieldsVouch
      ? evidence(id, 'legitimate', WEIGHTS.dkimMatch, { variant: 'match', domain: match })
      : undefined;
  }
  const thirdParty = ctx.trace !== undefined && !ctx.trace.ownSide && ctx.trace.entryClass !== 'none';
  // A cut header block may have lost the signature; a quoted one with Received lines is the whole block.
  const complete = !original.headersTruncated && original.received.length > 0;
  if (!thirdParty || !complete) {
    return undefined;
  }
  const expectedList = [...expected].slice(0, 3);
  if (found.length === 0) {
    return evidence(id, 'backscatter', WEIGHTS.dkimMissing, { variant: 'missing', expected: expectedList });
  }
  return evidence(id, 'backscatter', WEIGHTS.dkimForeign, {
    variant: 'foreign',
    found: found.slice(0, 3),
    expected: expectedList,
  });
}
