// What the user's own mail looks like, learned from a sample of their Sent messages. Only facts a
// sent copy carries reliably are learned: Message-ID shapes, DKIM domains, mail programs, charsets, and
// the hosts in Received lines where a copy has them (server-side Sent copies, e.g. Exchange, do; copies a
// client saved itself do not). Providers come from the address domains and from those facts.
import { summarizeHeaders } from '../summarize';
import type { OriginalMessage, Profile } from '../types';
import { isPrivateIp } from './hosts';
import { messageIdDomain, messageIdShape } from './message-id-shape';
import {
  PROVIDERS,
  matchesProviderMessageId,
  providerForAddressDomain,
  providerOfHost,
  signsWith,
} from './providers';
import { agentFamily } from './user-agent';

export interface LearnOptions {
  /** Outgoing servers the shell knows (Thunderbird's SMTP server of the identity, a trusted relay). */
  relays?: readonly string[];
  /** BATV-style tags the user's outgoing server puts on the envelope sender ('prvs'). */
  returnPathTags?: readonly string[];
  /** Learn from at most this many messages (default 1000, the newest first as given). */
  maxSamples?: number;
}

// A profile is stored by the shells: bound what it can grow to.
const MAX_CORRESPONDENTS = 5000;

function lower(list: readonly string[]): string[] {
  return [...new Set(list.map(s => s.trim().toLowerCase()).filter(s => s !== ''))];
}

/** A profile that knows only the user's addresses (and the providers those imply). */
export function emptyProfile(addresses: readonly string[]): Profile {
  const addr = lower(addresses);
  const providers = new Set<string>();
  for (const a of addr) {
    const provider = providerForAddressDomain(a.slice(a.lastIndexOf('@') + 1));
    if (provider) {
      providers.add(provider.id);
    }
  }
  return {
    addresses: addr,
    messageIdDomains: [],
    messageIdShapes: [],
    dkimDomains: [],
    userAgents: [],
    relays: [],
    providers: [...providers],
    returnPathTags: [],
    sampleSize: 0,
    charsets: [],
    correspondents: [],
  };
}

/** Learn from already summarised sent messages (summarizeHeaders output). */
export function learnProfileFromSummaries(
  sent: readonly OriginalMessage[],
  addresses: readonly string[],
  options: LearnOptions = {},
): Profile {
  const base = emptyProfile(addresses);
  const addressSet = new Set(base.addresses);
  const idDomains = new Set<string>();
  const shapes = new Set<string>();
  const dkim = new Set<string>();
  const agents = new Set<string>();
  const relays = new Set(lower(options.relays ?? []));
  const providers = new Set(base.providers);
  const charsets = new Set<string>();
  const sample = sent.slice(0, options.maxSamples ?? 1000);
  const fromCounts = new Map<string, number>();
  const correspondents = new Set<string>();
  for (const message of sample) {
    for (const from of message.from) {
      const a = from.address.toLowerCase();
      fromCounts.set(a, (fromCounts.get(a) ?? 0) + 1);
    }
    if (message.messageId !== undefined) {
      const domain = messageIdDomain(message.messageId);
      const shape = messageIdShape(message.messageId);
      if (domain !== undefined && shape !== undefined) {
        idDomains.add(domain);
        shapes.add(shape);
      }
      for (const provider of PROVIDERS) {
        if (matchesProviderMessageId(provider, message.messageId)) {
          providers.add(provider.id);
        }
      }
    }
    for (const sig of message.dkim) {
      dkim.add(sig.domain.toLowerCase());
      for (const provider of PROVIDERS) {
        if (signsWith(provider, sig.domain)) {
          providers.add(provider.id);
        }
      }
    }
    const agent = agentFamily(message.userAgent);
    if (agent !== undefined) {
      agents.add(agent);
    }
    for (const to of [...message.to, ...message.cc]) {
      if (correspondents.size < MAX_CORRESPONDENTS) {
        correspondents.add(to.address.toLowerCase());
      }
    }
    for (const charset of message.charsets) {
      charsets.add(charset.toLowerCase());
    }
    // Every host in a sent copy's trace carried the user's mail out; the lowest "from" is the client.
    message.received.forEach((hop, index) => {
      if (hop.byHost !== undefined && hop.byHost.includes('.')) {
        relays.add(hop.byHost);
        const provider = providerOfHost(hop.byHost);
        if (provider) {
          providers.add(provider.id);
        }
      }
      const isClient = index === message.received.length - 1;
      if (!isClient && hop.fromHost !== undefined && hop.fromHost.includes('.') && !isPrivateIp(hop.ip)) {
        relays.add(hop.fromHost);
      }
    });
  }
  // Sent copies are the user's: a From address they use often, or one at a domain of a configured
  // identity, is an alias the shell missed. A stray message from someone else (a draft, a resent
  // newsletter) must not make a stranger's domain the user's.
  const configuredDomains = new Set(base.addresses.map(a => a.slice(a.lastIndexOf('@') + 1)));
  for (const [address, count] of fromCounts) {
    const domain = address.slice(address.lastIndexOf('@') + 1);
    if (configuredDomains.has(domain) || count >= Math.max(3, sample.length * 0.2)) {
      addressSet.add(address);
    }
  }
  return {
    addresses: [...addressSet],
    messageIdDomains: [...idDomains],
    messageIdShapes: [...shapes],
    dkimDomains: [...dkim],
    userAgents: [...agents],
    relays: [...relays],
    providers: [...providers],
    returnPathTags: lower(options.returnPathTags ?? []),
    sampleSize: sample.length,
    charsets: [...charsets],
    correspondents: [...correspondents].filter(a => !addressSet.has(a)),
  };
}

/** Learn the user's profile from raw Sent messages (RFC 5322 bytes) and their addresses. */
export function learnProfile(
  sent: readonly Uint8Array[],
  addresses: readonly string[],
  options: LearnOptions = {},
): Profile {
  const limit = options.maxSamples ?? 1000;
  return learnProfileFromSummaries(
    sent.slice(0, limit).map(bytes => summarizeHeaders(bytes)),
    addresses,
    options,
  );
}
