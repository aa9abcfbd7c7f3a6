// The provider knowledge base (providers.json), compiled once at load: regular expressions built,
// ranges parsed. Data lives in the JSON file so it can be reviewed and extended without code; where
// each fact comes from is in providers-sources.json, which the engine does not load.
import data from './providers.json';
import { type Cidr, inCidr, isUnder, orgOf, parseCidr } from './hosts';

export interface Provider {
  id: string;
  name: string;
  addressDomains: readonly string[];
  /** Right-hand sides only the provider writes (a client uses the address domain instead). */
  messageIdDomains: readonly string[];
  messageIdPatterns: readonly RegExp[];
  dkimDomains: readonly string[];
  alwaysSigns: boolean;
  outboundHostPatterns: readonly RegExp[];
  outboundIps: readonly Cidr[];
  /**
   * The ranges are the provider's whole outbound (published as such): an address outside them is an
   * impostor. False where only part is known (taken from SPF snapshots): outside them says nothing.
   */
  outboundIpsComplete: boolean;
  /** Organisations (registrable domains) of the provider's servers and domains. */
  orgs: ReadonlySet<string>;
}

interface ProviderEntry {
  id: string;
  name: string;
  addressDomains: string[];
  messageIdDomains: string[];
  messageIdPatterns: string[];
  dkimDomains: string[];
  alwaysSigns: boolean;
  outboundHostPatterns: string[];
  outboundIps: string[];
  outboundIpsComplete?: boolean;
  infraDomains: string[];
}

function compile(entry: ProviderEntry): Provider {
  return {
    id: entry.id,
    name: entry.name,
    addressDomains: entry.addressDomains,
    messageIdDomains: entry.messageIdDomains,
    messageIdPatterns: entry.messageIdPatterns.map(p => new RegExp(p, 'i')),
    dkimDomains: entry.dkimDomains,
    alwaysSigns: entry.alwaysSigns,
    outboundHostPatterns: entry.outboundHostPatterns.map(p => new RegExp(p, 'i')),
    outboundIps: entry.outboundIps.map(parseCidr).filter((c): c is Cidr => c !== undefined),
    outboundIpsComplete: entry.outboundIpsComplete ?? true,
    orgs: new Set(
      [...entry.infraDomains, ...entry.addressDomains, ...entry.dkimDomains]
        .map(orgOf)
        .filter((o): o is string => o !== undefined),
    ),
  };
}

export const PROVIDERS: readonly Provider[] = (data.providers as ProviderEntry[]).map(compile);

const BY_ID = new Map(PROVIDERS.map(p => [p.id, p]));

export function providerById(id: string): Provider | undefined {
  return BY_ID.get(id);
}

/** The provider that hosts addresses at this domain (gmail.com → gmail), if any. */
export function providerForAddressDomain(domain: string): Provider | undefined {
  return PROVIDERS.find(p => p.addressDomains.includes(domain));
}

/** A host name that one of the provider's outbound patterns matches. */
export function isProviderHost(provider: Provider, host: string): boolean {
  return provider.outboundHostPatterns.some(re => re.test(host));
}

export function providerOfHost(host: string): Provider | undefined {
  return PROVIDERS.find(p => isProviderHost(p, host));
}

/**
 * true inside the provider's ranges; false outside ranges that are complete; undefined when the provider
 * publishes none, or only part of them (then an address outside cannot be judged).
 */
export function ipInProvider(provider: Provider, ip: string): boolean | undefined {
  if (provider.outboundIps.length === 0) {
    return undefined;
  }
  return provider.outboundIps.some(c => inCidr(ip, c)) || (provider.outboundIpsComplete ? false : undefined);
}

/** The provider whose exclusive Message-ID domain this right-hand side is under. */
export function providerOfMessageIdDomain(rhs: string): Provider | undefined {
  return PROVIDERS.find(p => p.messageIdDomains.some(d => isUnder(rhs, d)));
}

export function matchesProviderMessageId(provider: Provider, messageId: string): boolean {
  return provider.messageIdPatterns.some(re => re.test(messageId));
}

export function signsWith(provider: Provider, dkimDomain: string): boolean {
  return provider.dkimDomains.some(d => isUnder(dkimDomain, d));
}
