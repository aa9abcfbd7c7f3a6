// Has the user ever written to the other side? A real bounce is about a message to someone the user
// wrote to (the failed recipient); a real auto-reply or challenge comes from someone the user wrote to
// (its sender). Backscatter comes from strangers: the forger picked the recipients. Learned from the
// To/Cc of the Sent sample, so it is weak both ways (new contacts exist; samples are bounded), and
// "never anyone at that domain" counts only once the profile knows enough correspondents.
import type { Evidence } from '../../types';
import type { SignalContext } from '../context';
import { evidence } from '../signal';
import { THRESHOLDS, WEIGHTS } from '../thresholds';
import { providerForAddressDomain } from '../providers';

export const id = 'correspondent';

function others(ctx: SignalContext): string[] {
  const a = ctx.analysis;
  if (a.kind === 'auto-reply' || a.kind === 'challenge' || a.kind === 'read-receipt') {
    return a.from !== undefined ? [a.from.address.toLowerCase()] : [];
  }
  if (a.kind === 'ndr' || a.kind === 'delay' || a.kind === 'delivery-receipt') {
    return a.recipients.map(r => r.address.toLowerCase());
  }
  return [];
}

/** The other side's address when the profile knows enough correspondents and none at its domain. */
export function stranger(ctx: SignalContext): string | undefined {
  const addresses = others(ctx).filter(x => x.includes('@'));
  if (addresses.length === 0 || ctx.correspondents.size < THRESHOLDS.minCorrespondents) {
    return undefined;
  }
  const known = addresses.some(
    x => ctx.correspondents.has(x) || ctx.correspondentDomains.has(domainOf(x)) || own(ctx, x),
  );
  return known ? undefined : addresses[0];
}

/**
 * The counterpart, when the user has never written to it (nor to anyone at its domain), as far as the
 * learned Sent sample can tell; undefined when they have, or when there is no counterpart address.
 * Unlike `stranger`, it does not need 50 known correspondents: co-arrival (campaign) adds its own
 * condition, and it only ever withholds evidence from real correspondents.
 */
export function neverWrittenTo(ctx: SignalContext): string | undefined {
  const addresses = others(ctx).filter(x => x.includes('@'));
  if (addresses.length === 0) {
    return undefined;
  }
  const known = addresses.some(
    x => ctx.correspondents.has(x) || ctx.correspondentDomains.has(domainOf(x)) || own(ctx, x),
  );
  return known ? undefined : addresses[0];
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);

/**
 * The user's own address, or a colleague at the user's own (non-provider) domain: mail to oneself and
 * to one's own organisation bounces too, and such a recipient is no stranger a forger picked.
 */
function own(ctx: SignalContext, address: string): boolean {
  const domain = domainOf(address);
  return (
    ctx.book.has(address) || (ctx.book.domains.has(domain) && providerForAddressDomain(domain) === undefined)
  );
}

export function evaluate(ctx: SignalContext): Evidence | undefined {
  const addresses = others(ctx).filter(x => x.includes('@'));
  if (addresses.length === 0 || ctx.correspondents.size === 0) {
    return undefined;
  }
  const known = addresses.find(x => ctx.correspondents.has(x));
  // In a replay (context.ts `originalHeadersVouch`) the failed recipient is the old message's, known
  // because that very message is in Sent: the find out of its window again, nothing more.
  if (known !== undefined && ctx.originalHeadersVouch) {
    return evidence(id, 'legitimate', WEIGHTS.correspondentKnown, { variant: 'known', address: known });
  }
  const domainKnown = addresses.some(x => ctx.correspondentDomains.has(domainOf(x)) || own(ctx, x));
  if (!domainKnown && ctx.correspondents.size >= THRESHOLDS.minCorrespondents) {
    return evidence(id, 'backscatter', WEIGHTS.correspondentStranger, {
      variant: 'stranger',
      address: addresses[0]!,
    });
  }
  return undefined;
}
