// Does the original's Message-ID look like the ones the user's mail gets? Every mail program has one
// habit (../message-id-shape.ts), and ids at a provider's own hosts (…@mail.gmail.com,
// …prod.outlook.com) are written only by that provider, in one pattern. Spam tools forge ids with
// random shapes, with the user's own domain, or with "@gmail.com"-looking hosts that Gmail would
// never write. For auto-replies the answered id (In-Reply-To) is checked the same way.
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { messageIdDomain, messageIdShape } from '../message-id-shape';
import { isUnder, orgOf } from '../hosts';
import {
  PROVIDERS,
  type Provider,
  isProviderHost,
  matchesProviderMessageId,
  providerOfMessageIdDomain,
} from '../providers';
import { evidence } from '../signal';
import { THRESHOLDS, WEIGHTS } from '../thresholds';

export const id = 'message-id-shape';

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const messageId = ctx.original?.messageId ?? ctx.analysis.answering?.inReplyTo;
  if (messageId === undefined) {
    // Every mail program adds a Message-ID (RFC 5322 §3.6.4 SHOULD); an original without one, with its
    // header block complete, was made by a spam tool.
    const o = ctx.original;
    if (
      o !== undefined &&
      !o.headersTruncated &&
      o.via !== 'inline' &&
      o.headers.length >= 6 &&
      o.from.length > 0
    ) {
      return evidence(id, 'backscatter', WEIGHTS.messageIdMissing, { variant: 'missing' });
    }
    return undefined;
  }
  const shape = messageIdShape(messageId);
  const domain = messageIdDomain(messageId);
  if (shape === undefined || domain === undefined) {
    return evidence(id, 'backscatter', WEIGHTS.messageIdMismatch, { variant: 'mismatch', messageId });
  }
  const claimed = providerOfMessageIdDomain(domain);
  // An id at a provider's own host, in a complete header block that carries none of that provider's
  // own stamps (its Received hops, its DKIM or ARC signature): the provider never handled the message,
  // so the id was made to look like the provider's (verdict issue, item 7).
  if (claimed !== undefined && ctx.original?.messageId === messageId && unstamped(ctx, claimed)) {
    return evidence(id, 'backscatter', WEIGHTS.messageIdForgedProvider, {
      variant: 'forged-provider',
      messageId,
      provider: claimed.name,
    });
  }
  const learned = ctx.profile.messageIdShapes.includes(shape);
  if (learned) {
    // Copying the user's id habit costs a forger nothing: behind a foreign entry it vouches for nothing.
    return ctx.senderFieldsVouch
      ? evidence(id, 'legitimate', WEIGHTS.messageIdMatch, { variant: 'match', domain, messageId })
      : undefined;
  }
  if (claimed !== undefined && !matchesProviderMessageId(claimed, messageId)) {
    return evidence(id, 'backscatter', WEIGHTS.messageIdForgedProvider, {
      variant: 'forged-provider',
      messageId,
      provider: claimed.name,
    });
  }
  const byUsersProvider = ctx.providers.find(p => matchesProviderMessageId(p, messageId));
  if (byUsersProvider !== undefined) {
    return ctx.senderFieldsVouch
      ? evidence(id, 'legitimate', WEIGHTS.messageIdMatch, { variant: 'match', domain, messageId })
      : undefined;
  }
  // A shape the user's mail never has counts only once the profile has seen enough of their mail.
  if (ctx.profile.sampleSize >= THRESHOLDS.minSampleForHabits && ctx.profile.messageIdShapes.length > 0) {
    // The right-hand side says who wrote the id: the user's programs write their own domain or their
    // provider's hosts. An id at a domain that is neither was written by someone else's software.
    const org = orgOf(domain);
    const known =
      ctx.profile.messageIdDomains.some(d => orgOf(d) === org) ||
      [...ctx.userDomains].some(d => orgOf(d) === org) ||
      PROVIDERS.some(p => org !== undefined && p.orgs.has(org));
    return known
      ? evidence(id, 'backscatter', WEIGHTS.messageIdMismatch, { variant: 'mismatch', messageId })
      : evidence(id, 'backscatter', WEIGHTS.messageIdForeignDomain, {
          variant: 'foreign-domain',
          messageId,
          domain,
        });
  }
  return undefined;
}

/**
 * A whole quoted header block with Received lines (so the route is there to see) in which no hop is the
 * provider's, no DKIM signature is the provider's, and no ARC set names it.
 */
function unstamped(ctx: SignalContext, provider: Provider): boolean {
  const o = ctx.original;
  if (o === undefined || o.headersTruncated || o.via === 'inline' || o.received.length === 0) {
    return false;
  }
  const ours = (host: string | undefined) =>
    host !== undefined && (isProviderHost(provider, host) || provider.orgs.has(orgOf(host) ?? ''));
  if (o.received.some(h => ours(h.fromHost) || ours(h.byHost) || ours(h.helo))) {
    return false;
  }
  // Microsoft's own servers stamp their hops "with Microsoft SMTPSVC / SMTP Server" whatever their
  // (often anonymised or internal) names are (lhost-outlook-01).
  if (
    provider.id === 'microsoft' &&
    o.headers.some(h => h.name === 'received' && /\bwith\s+Microsoft\s+SMTP/i.test(h.value))
  ) {
    return false;
  }
  if (o.dkim.some(s => provider.dkimDomains.some(d => isUnder(s.domain, d)))) {
    return false;
  }
  return !o.headers.some(
    h =>
      h.name.startsWith('arc-') && provider.dkimDomains.some(d => h.value.toLowerCase().includes(`d=${d}`)),
  );
}
