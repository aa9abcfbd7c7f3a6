// Everything a signal may read, built once per decide() call. Derived facts that several signals
// share (the user's address book, their providers, the trusted part of the original's trace) are
// computed lazily here so decide() stays cheap when a signal does not need them.
import { lookupResult } from '../sent-index';
import type {
  Analysis,
  FoundInSent,
  History,
  LookupResult,
  Lookups,
  OriginalMessage,
  Profile,
} from '../types';
import { AddressBook } from './addresses';
import { orgOf } from './hosts';
import { type Provider, providerById } from './providers';
import { replayedOriginal } from './signals/sent-original';
import { type Trace, readTrace } from './trace';

export interface SignalContext {
  readonly analysis: Analysis;
  readonly original: OriginalMessage | undefined;
  readonly profile: Profile;
  readonly history: History | undefined;
  /** found / not-found / unavailable; a missing id is `unavailable`, never `not-found`. */
  lookup(messageId: string): LookupResult;
  /** The Sent copy's date and subject, when the shell found the id and read them (an `in-reply-to` id or a bounced original). */
  sentCopy(messageId: string): FoundInSent | undefined;
  readonly book: AddressBook;
  readonly providers: readonly Provider[];
  /** Organisations of the user's own addresses and learned relays (example.org for alice@example.org). */
  readonly userOrgs: ReadonlySet<string>;
  /** Domains the user's mail is signed or sent with: address domains + learned DKIM domains. */
  readonly userDomains: ReadonlySet<string>;
  /**
   * IPs that handed the user's own mail to a receiving side, from bounces whose original was found in
   * Sent (profile.confirmed.entryIps): ground truth about where the user's mail leaves from.
   */
  readonly confirmedEntryIps: ReadonlySet<string>;
  /** Addresses (and their domains) the user has written to, from the Sent sample. */
  readonly correspondents: ReadonlySet<string>;
  readonly correspondentDomains: ReadonlySet<string>;
  /** The original's Received chain read from the top: where it entered the receiving side. */
  readonly trace: Trace | undefined;
  /**
   * Whether fields the sender wrote (Message-ID, From, User-Agent, a DKIM-Signature header) may count
   * toward legitimate: not behind a foreign, bot-like or impostor entry hop, where whoever handed the
   * message over also wrote them (verdict issue, item 7).
   */
  readonly senderFieldsVouch: boolean;
  /**
   * The quoted original was found in Sent but the bounce arrived outside any genuine bounce's window
   * of it: its header block is a replay of an old message (signals/sent-original.ts). Nothing read from
   * that block (sender-written fields as above, and the route, DKIM, Authentication-Results and ARC the
   * old message's receivers wrote) may count toward legitimate.
   */
  readonly replayed: { messageId: string; sentDate: string; arrived: string } | undefined;
  /** The original's header block may count toward legitimate at all: not a replay. */
  readonly originalHeadersVouch: boolean;
}

interface ProfileFacts {
  profile: Profile;
  confirmedEntryIps: ReadonlySet<string>;
  book: AddressBook;
  providers: readonly Provider[];
  userOrgs: ReadonlySet<string>;
  userDomains: ReadonlySet<string>;
  correspondents: ReadonlySet<string>;
  correspondentDomains: ReadonlySet<string>;
}

// A shell decides many messages against one profile: what depends on the profile alone is worked out
// once per profile object. Profiles are plain data and treated as immutable once passed in.
const factsCache = new WeakMap<Profile, ProfileFacts>();

const list = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string').map(v => v.toLowerCase())
    : [];

/**
 * A profile as decide() reads it: every list present and lower-cased. Shells store profiles (JSON in
 * extension storage, roaming settings); one saved by an older version may lack a field added since.
 */
function normalize(p: Profile): Profile {
  const raw = p as Partial<Profile>;
  return {
    addresses: list(raw.addresses),
    messageIdDomains: list(raw.messageIdDomains),
    messageIdShapes: Array.isArray(raw.messageIdShapes)
      ? raw.messageIdShapes.filter(v => typeof v === 'string')
      : [],
    dkimDomains: list(raw.dkimDomains),
    userAgents: list(raw.userAgents),
    relays: list(raw.relays),
    providers: list(raw.providers),
    returnPathTags: list(raw.returnPathTags),
    sampleSize: typeof raw.sampleSize === 'number' && Number.isFinite(raw.sampleSize) ? raw.sampleSize : 0,
    charsets: list(raw.charsets),
    correspondents: list(raw.correspondents),
  };
}

function profileFacts(input: Profile): ProfileFacts {
  const cached = factsCache.get(input);
  if (cached !== undefined) {
    return cached;
  }
  const profile = normalize(input);
  const book = new AddressBook(profile.addresses);
  const providers = profile.providers.map(providerById).filter((p): p is Provider => p !== undefined);
  const userOrgs = new Set<string>();
  for (const domain of book.domains) {
    const org = orgOf(domain);
    // A shared provider domain (gmail.com) is the provider's, not the user's own organisation.
    if (org !== undefined && !providers.some(p => p.addressDomains.includes(domain))) {
      userOrgs.add(org);
    }
  }
  for (const relay of profile.relays) {
    const org = orgOf(relay);
    if (org !== undefined && !providers.some(p => p.outboundHostPatterns.some(re => re.test(relay)))) {
      userOrgs.add(org);
    }
  }
  const facts = {
    profile,
    // normalize() keeps only the lists decide() reads; the confirmed entry IPs are read here.
    confirmedEntryIps: new Set(
      list((input.confirmed as Partial<Profile['confirmed']> | undefined)?.entryIps),
    ),
    book,
    providers,
    userOrgs,
    userDomains: new Set<string>([...book.domains, ...profile.dkimDomains]),
    correspondents: new Set(profile.correspondents ?? []),
    correspondentDomains: new Set((profile.correspondents ?? []).map(a => a.slice(a.lastIndexOf('@') + 1))),
  };
  factsCache.set(input, facts);
  return facts;
}

export function buildContext(
  analysis: Analysis,
  input: Profile,
  lookups: Lookups,
  history: History | undefined,
): SignalContext {
  const {
    profile,
    confirmedEntryIps,
    book,
    providers,
    userOrgs,
    userDomains,
    correspondents,
    correspondentDomains,
  } = profileFacts(input);
  let trace: Trace | undefined | null = null;
  let replayed: SignalContext['replayed'] | null = null;
  const ctx: SignalContext = {
    analysis,
    original: analysis.original,
    profile,
    history,
    lookup: id => lookupResult(Object.hasOwn(lookups, id) ? lookups[id] : undefined),
    sentCopy: id => {
      const answer = Object.hasOwn(lookups, id) ? lookups[id] : undefined;
      return typeof answer === 'object' && answer !== null && answer.result === 'found' ? answer : undefined;
    },
    book,
    providers,
    userOrgs,
    userDomains,
    confirmedEntryIps,
    correspondents,
    correspondentDomains,
    get trace() {
      if (trace === null) {
        // With no original, the report's own record of who handed the message over may still tell.
        trace =
          analysis.original || analysis.handedOverBy
            ? readTrace(analysis, analysis.original, ctx)
            : undefined;
      }
      return trace;
    },
    get senderFieldsVouch() {
      const entry = ctx.trace?.entryClass;
      return ctx.originalHeadersVouch && entry !== 'foreign' && entry !== 'ip-mismatch';
    },
    get replayed() {
      if (replayed === null) {
        replayed = replayedOriginal(ctx);
      }
      return replayed;
    },
    get originalHeadersVouch() {
      return ctx.replayed === undefined;
    },
  };
  return ctx;
}
