// Does the original's Message-ID look like the ones the user's mail gets? Every mail program has one
// habit (../message-id-shape.ts), and ids at a provider's own hosts (…@mail.gmail.com,
// …prod.outlook.com) are written only by that provider, in one pattern. Spam tools forge ids with
// random shapes, with the user's own domain, or with "@gmail.com"-looking hosts that Gmail would
// never write. For auto-replies the answered id (In-Reply-To) is checked the same way.
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { messageIdDomain, messageIdShape } from '../message-id-shape';
import { orgOf } from '../hosts';
import { PROVIDERS, matchesProviderMessageId, providerOfMessageIdDomain } from '../providers';
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
  const learned = ctx.profile.messageIdShapes.includes(shape);
  if (learned) {
    return evidence(id, 'legitimate', WEIGHTS.messageIdMatch, { variant: 'match', domain, messageId });
  }
  const claimed = providerOfMessageIdDomain(domain);
  if (claimed !== undefined && !matchesProviderMessageId(claimed, messageId)) {
    return evidence(id, 'backscatter', WEIGHTS.messageIdForgedProvider, {
      variant: 'forged-provider',
      messageId,
      provider: claimed.name,
    });
  }
  const byUsersProvider = ctx.providers.find(p => matchesProviderMessageId(p, messageId));
  if (byUsersProvider !== undefined) {
    return evidence(id, 'legitimate', WEIGHTS.messageIdMatch, { variant: 'match', domain, messageId });
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
