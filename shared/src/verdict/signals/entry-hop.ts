// Where did the original enter the receiving side? The topmost Received lines are written by the
// side that bounced it and can be trusted; the entry hop's sender name and IP were recorded by that
// side (see ../trace.ts). Handed over by the user's provider or server: the user's mail. Handed over
// by anyone else: someone else's mail with the user's address on it. When the user's own provider
// wrote the bounce and no hop shows the message arriving from outside, it left from the user's account
// (weaker: a provider can in principle bounce inbound forged mail, but then an outside hop shows).
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { orgOf } from '../hosts';
import type { EntryClass } from '../trace';
import { evidence } from '../signal';
import { WEIGHTS } from '../thresholds';

export const id = 'entry-hop';

const LEGITIMATE_CLASSES: ReadonlySet<EntryClass> = new Set(['own-side', 'provider', 'relay', 'submission']);

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const trace = ctx.trace;
  if (trace === undefined || trace.entryClass === 'none') {
    return undefined;
  }
  // A replayed header block (an old message of the user's, copied whole) shows the old message's route,
  // not this one's: it vouches for nothing (context.ts `originalHeadersVouch`).
  if (!ctx.originalHeadersVouch && LEGITIMATE_CLASSES.has(trace.entryClass)) {
    return undefined;
  }
  if (trace.entryClass === 'own-side' || trace.entry === undefined) {
    return trace.entryClass === 'own-side'
      ? evidence(id, 'legitimate', WEIGHTS.entryOwnSide, {
          variant: 'own-side',
          host: ctx.analysis.reportingMta ?? '',
        })
      : undefined;
  }
  const hop = trace.entry;
  const host = hop.fromHost ?? hop.helo ?? hop.ip ?? 'unknown';
  const ip = hop.ip ?? 'unknown';
  switch (trace.entryClass) {
    case 'provider':
      return evidence(
        id,
        'legitimate',
        trace.entryIpChecked ? WEIGHTS.entryProviderIpChecked : WEIGHTS.entryProvider,
        {
          variant: 'provider',
          host,
          ip,
          provider: trace.provider?.name ?? '',
        },
      );
    case 'relay':
      return evidence(id, 'legitimate', WEIGHTS.entryRelay, { variant: 'relay', host, ip });
    case 'submission':
      // The user's own provider or server wrote the report, and its trusted top lines show it took the
      // message from the user's logged-in account: the user sent it, or the account is compromised.
      // Both must be seen, so it decides legitimate (verdict issue, item 6).
      return evidence(
        id,
        'legitimate',
        trace.ownSide ? WEIGHTS.entryOwnSubmission : WEIGHTS.entrySubmission,
        {
          variant: 'submission',
          host: hop.byHost ?? host,
          protocol: hop.protocol ?? '',
        },
      );
    case 'unverifiable':
      // Only claims the user's provider or relay, with no reverse name recorded: says nothing either way.
      return evidence(id, 'neutral', 0, { variant: 'unverifiable', host, ip });
    case 'ip-mismatch':
      return evidence(id, 'backscatter', WEIGHTS.entryIpMismatch, {
        variant: 'ip-mismatch',
        host,
        ip,
        provider: trace.provider?.name ?? '',
      });
    case 'foreign': {
      // A bot-like sender (no reverse name, dial-up pool) is no mail server at all. A properly named
      // server may be a smarthost or gateway the profile has not learned, so it counts less, and least
      // when the profile knows nothing of how the user's mail leaves.
      // Two exceptions, because a user's own server without a reverse name looks nameless too: when it
      // names itself as one of the user's hosts, and when the bounce itself complains about the missing
      // name (5.7.25, "PTR", "reverse DNS": then the namelessness is the genuine problem explained).
      const claimsOwn = ownHostClaim(ctx, hop.helo) || ownHostClaim(ctx, hop.fromHost);
      if (trace.entryBotLike && !claimsOwn && !complainsAboutName(ctx)) {
        return evidence(id, 'backscatter', WEIGHTS.entryForeignBot, { variant: 'bot', host, ip });
      }
      const knowsRoute = ctx.providers.length > 0 || ctx.profile.relays.length > 0;
      return evidence(
        id,
        'backscatter',
        knowsRoute ? WEIGHTS.entryForeign : WEIGHTS.entryForeignUnknownRoute,
        { variant: 'foreign', host, ip },
      );
    }
  }
}

function ownHostClaim(ctx: SignalContext, host: string | undefined): boolean {
  const org = orgOf(host);
  return org !== undefined && ctx.userOrgs.has(org);
}

function complainsAboutName(ctx: SignalContext): boolean {
  return ctx.analysis.recipients.some(
    r =>
      r.status === '5.7.25' ||
      (r.diagnostic !== undefined &&
        /\bPTR\b|reverse (?:DNS|lookup|name)|\brDNS\b|no (?:host ?name|name) for/i.test(r.diagnostic)),
  );
}
