// What the user's own mail looks like, learned from a sample of their Sent messages. Only facts a
// sent copy carries reliably are learned: Message-ID shapes, DKIM domains, mail programs, charsets, and
// the hosts in Received lines where a copy has them (server-side Sent copies, e.g. Exchange, do; copies a
// client saved itself do not). Providers come from the address domains and from those facts.
import { lookupResult } from '../sent-index';
import { summarizeHeaders } from '../summarize';
import type { Analysis, ConfirmedRoutes, Lookups, OriginalMessage, Profile, ReceivedHop } from '../types';
import { arrivalMismatch } from './arrival';
import { buildContext } from './context';
import { BOUNCED_WINDOW_HOURS } from './signals/sent-original';
import { isPrivateIp, orgOf } from './hosts';
import { fromVerified } from './trace';
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

// Confirmed facts are few and come one bounce at a time: keep the newest of each.
const MAX_CONFIRMED = 32;

function emptyConfirmed(): ConfirmedRoutes {
  return {
    count: 0,
    entryHosts: [],
    entryIps: [],
    relays: [],
    dkim: [],
    messageIdDomains: [],
    messageIdShapes: [],
  };
}

/** `list` with `values` appended (lower-cased, moved to the end when present), the newest MAX_CONFIRMED kept. */
function remember(list: readonly string[], values: readonly (string | undefined)[]): string[] {
  let out = [...list];
  for (const v of values) {
    const value = v?.trim().toLowerCase();
    if (value) {
      out = [...out.filter(x => x !== value), value];
    }
  }
  return out.slice(-MAX_CONFIRMED);
}

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];
const dkimDomainsOf = (c: ConfirmedRoutes) =>
  c.dkim.map(x => /^d=([^;]+)/.exec(x)?.[1] ?? '').filter(d => d !== '');

/** Confirmed facts as stored by a shell (JSON, perhaps from an older version), checked field by field. */
function readConfirmed(value: unknown): ConfirmedRoutes | undefined {
  if (value === null || typeof value !== 'object') {
    return undefined;
  }
  const raw = value as Record<string, unknown>;
  const list = (key: string) =>
    Array.isArray(raw[key])
      ? (raw[key] as unknown[]).filter((x): x is string => typeof x === 'string').slice(-MAX_CONFIRMED)
      : [];
  return {
    count: typeof raw['count'] === 'number' && Number.isFinite(raw['count']) ? raw['count'] : 0,
    entryHosts: list('entryHosts'),
    entryIps: list('entryIps'),
    relays: list('relays'),
    dkim: list('dkim'),
    messageIdDomains: list('messageIdDomains'),
    messageIdShapes: list('messageIdShapes'),
  };
}

/**
 * The profile with the confirmed facts folded into the lists decide() reads (relays, DKIM domains,
 * Message-ID habits, providers). Idempotent: shells call it again on every freshly learned profile so
 * what bounces taught survives relearning from Sent.
 */
export function withConfirmed(profile: Profile, confirmed: ConfirmedRoutes | undefined): Profile {
  confirmed = readConfirmed(confirmed);
  if (confirmed === undefined) {
    return profile;
  }
  const providers = new Set(profile.providers);
  for (const host of [...confirmed.entryHosts, ...confirmed.relays]) {
    const provider = providerOfHost(host);
    if (provider) {
      providers.add(provider.id);
    }
  }
  // What an earlier confirmation folded in comes out first, so a fact that aged out of the bounded
  // confirmed lists leaves the profile too (a fact also learned from Sent returns at the next relearn).
  const old = readConfirmed(profile.confirmed);
  const base = (list: readonly string[], previous: readonly string[]) =>
    old === undefined ? list : list.filter(x => !previous.includes(x));
  return {
    ...profile,
    confirmed,
    relays: union(base(profile.relays, old ? [...old.entryHosts, ...old.relays] : []), [
      ...confirmed.entryHosts,
      ...confirmed.relays,
    ]),
    dkimDomains: union(base(profile.dkimDomains, old ? dkimDomainsOf(old) : []), dkimDomainsOf(confirmed)),
    messageIdDomains: union(
      base(profile.messageIdDomains, old?.messageIdDomains ?? []),
      confirmed.messageIdDomains,
    ),
    messageIdShapes: union(
      base(profile.messageIdShapes, old?.messageIdShapes ?? []),
      confirmed.messageIdShapes,
    ),
    providers: [...providers],
  };
}

/**
 * Where the confirmed original entered the receiving side. The trace's entry when it found one; with a
 * profile that does not know the user's route yet (the case this learning is for) it may find none, and
 * then — the user having really sent it, so nothing below is forged — the topmost hop handed over
 * between two organisations is the entry.
 */
function confirmedEntry(
  analysis: Analysis,
  original: OriginalMessage,
  profile: Profile,
  lookups: Lookups,
): { entry: ReceivedHop | undefined; index: number; verified: boolean } {
  const trace = buildContext(analysis, profile, lookups, undefined).trace;
  if (trace?.entry !== undefined && trace.entryClass !== 'own-side' && trace.entryClass !== 'none') {
    return { entry: trace.entry, index: trace.entryIndex, verified: trace.entryVerified };
  }
  if (trace?.ownSide) {
    return { entry: undefined, index: -1, verified: false };
  }
  const raw = original.headers.filter(h => h.name === 'received').map(h => h.value);
  const index = original.received.findIndex(
    hop =>
      hop.fromHost !== undefined &&
      hop.byHost !== undefined &&
      !isPrivateIp(hop.ip) &&
      orgOf(hop.fromHost) !== undefined &&
      orgOf(hop.fromHost) !== orgOf(hop.byHost),
  );
  const entry = original.received[index];
  return entry === undefined
    ? { entry: undefined, index: -1, verified: false }
    : {
        entry,
        index,
        verified: fromVerified(entry, raw.length === original.received.length ? raw[index] : undefined),
      };
}

/** The Sent copy's date in a shell's answer, when it gave one. */
const sentDate = (answer: Lookups[string] | undefined) =>
  typeof answer === 'object' && answer !== null ? answer.date : undefined;

/**
 * Learn from a bounce of the user's own mail: when the original's Message-ID was found in Sent, the
 * user sent it, and the hop where it entered the receiving side (only the lines above it are the
 * receiver's word, RFC 5321 §4.4), the hops below it, its DKIM signatures and its Message-ID are how
 * their mail leaves — for Microsoft 365, self-hosted and send-as users the only place that route is
 * visible (Sent copies are stored before signing and relaying). Returns the same profile object when
 * there is nothing to learn; otherwise a new one (bounded: MAX_CONFIRMED per list). Only an id found in
 * Sent, in a bounce that arrived within BOUNCED_WINDOW_HOURS of the copy's date, counts: a by-recipient
 * match, an unavailable lookup or an archived message quoted in a forged bounce is not ground truth. Pure.
 */
export function learnFromConfirmed(profile: Profile, analysis: Analysis, lookups: Lookups): Profile {
  const original = analysis.original;
  const request = analysis.lookups.find(l => l.kind !== 'by-recipient' && l.role === 'original');
  if (
    original === undefined ||
    request === undefined ||
    request.kind === 'by-recipient' ||
    !Object.hasOwn(lookups, request.messageId) ||
    lookupResult(lookups[request.messageId]) !== 'found' ||
    // A real message of the user quoted in a bounce that did not arrive within a queue lifetime of it
    // (or whose dates cannot be compared) may be copied from a list archive: its route is the forger's.
    arrivalMismatch(analysis, sentDate(lookups[request.messageId]), BOUNCED_WINDOW_HOURS) !== undefined
  ) {
    return profile;
  }
  const { entry, index: entryIndex, verified } = confirmedEntry(analysis, original, profile, lookups);
  const below = entry !== undefined ? original.received.slice(entryIndex + 1) : [];
  const previous = readConfirmed(profile.confirmed) ?? emptyConfirmed();
  const chain: string[] = [];
  below.forEach((hop, index) => {
    if (hop.byHost?.includes('.')) {
      chain.push(hop.byHost);
    }
    // The lowest hop's "from" is the user's own computer, not a relay.
    if (index < below.length - 1 && hop.fromHost?.includes('.') && !isPrivateIp(hop.ip)) {
      chain.push(hop.fromHost);
    }
  });
  const id = original.messageId;
  const confirmed: ConfirmedRoutes = {
    count: previous.count + 1,
    entryHosts: remember(previous.entryHosts, [
      entry !== undefined && verified && entry.fromHost?.includes('.') ? entry.fromHost : undefined,
    ]),
    entryIps: remember(previous.entryIps, [
      entry !== undefined && !isPrivateIp(entry.ip) ? entry.ip : undefined,
    ]),
    relays: remember(previous.relays, chain),
    dkim: remember(
      previous.dkim,
      original.dkim.map(sig => `d=${sig.domain}${sig.selector !== undefined ? `; s=${sig.selector}` : ''}`),
    ),
    messageIdDomains: remember(previous.messageIdDomains, [
      id === undefined ? undefined : messageIdDomain(id),
    ]),
    messageIdShapes: remember(previous.messageIdShapes, [id === undefined ? undefined : messageIdShape(id)]),
  };
  return withConfirmed(profile, confirmed);
}
