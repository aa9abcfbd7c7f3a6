// What the pane learns about the user's own mail without Microsoft Graph: from Sent Items messages the
// user opens while the pane is pinned, and from bounces whose original the user confirmed ("I sent
// this"). Kept in the add-in's roaming settings, so it follows the mailbox to every Outlook, and used
// on every later check: the profile (Message-ID shapes, programs, relays, correspondents) and the
// Message-IDs seen, which answer a lookup with `found`. Never `not-found`: the pane saw only some of
// the user's mail, so an id it has not seen proves nothing.
//
// Roaming settings are limited to 32 KB per add-in (outlook/metadata-for-an-outlook-add-in, "Roaming
// settings": "The settings are limited to 32 KB"). The state is cut to a budget below that before each
// save, the least useful facts first.
import {
  emptyProfile,
  foundAnswer,
  learnProfileFromSummaries,
  lookupKey,
  parseMailDate,
  type LookupRequest,
  type Lookups,
  type OriginalMessage,
  type Profile,
} from '../../../shared/src/index';

export const ROAMING_LIMIT_CHARS = 32 * 1024;
/** The learned state's share of the 32 KB (the rest stays free for other settings). */
export const LEARNED_BUDGET_CHARS = 24 * 1024;
export const SETTING_NAME = 'learnedProfile';

export interface LearnedState {
  v: 1;
  /** Lists learned (addresses excluded: they come from Office at every start). */
  profile: Omit<Profile, 'addresses' | 'providers' | 'sampleSize'> & { providers: string[] };
  /** Message-IDs of the user's messages seen (newest last), lower-cased. */
  ids: string[];
  /**
   * When each of those was sent, in minutes since the epoch (its Date header), where readable: a found
   * In-Reply-To id carries the reply veto only with its date (issue 8 §6). Absent in older states.
   */
  dates?: Record<string, number> | undefined;
  /** How many messages it was learned from. */
  samples: number;
}

export function emptyLearned(): LearnedState {
  return {
    v: 1,
    profile: {
      messageIdDomains: [],
      messageIdShapes: [],
      dkimDomains: [],
      userAgents: [],
      relays: [],
      providers: [],
      returnPathTags: [],
      charsets: [],
      correspondents: [],
    },
    ids: [],
    samples: 0,
  };
}

const union = (a: readonly string[] = [], b: readonly string[] = []): string[] => [...new Set([...a, ...b])];

/**
 * Adds one of the user's own messages (as summarizeHeaders gives it) to the state. The engine learns
 * (learnProfileFromSummaries); this only merges lists. The newest facts go last, so a cut to the budget
 * drops the oldest first.
 */
export function learnFrom(
  state: LearnedState,
  message: OriginalMessage,
  addresses: readonly string[],
): LearnedState {
  const learned = learnProfileFromSummaries([message], addresses);
  const p = state.profile;
  const id = message.messageId?.toLowerCase();
  const sent = parseMailDate(message.date);
  return {
    v: 1,
    profile: {
      messageIdDomains: union(p.messageIdDomains, learned.messageIdDomains),
      messageIdShapes: union(p.messageIdShapes, learned.messageIdShapes),
      dkimDomains: union(p.dkimDomains, learned.dkimDomains),
      userAgents: union(p.userAgents, learned.userAgents),
      relays: union(p.relays, learned.relays),
      providers: union(p.providers, learned.providers),
      returnPathTags: union(p.returnPathTags, learned.returnPathTags),
      charsets: union(p.charsets, learned.charsets),
      correspondents: union(p.correspondents, learned.correspondents),
    },
    ids:
      id === undefined
        ? state.ids
        : union(
            state.ids.filter(x => x !== id),
            [id],
          ),
    dates:
      id === undefined || sent === undefined
        ? state.dates
        : { ...state.dates, [id]: Math.round(sent / MINUTE) },
    samples: state.samples + 1,
  };
}

const MINUTE = 60_000;

/** The dates of the ids still kept (a cut of `ids` drops theirs too). */
function datesOf(ids: readonly string[], dates: unknown): Record<string, number> | undefined {
  if (typeof dates !== 'object' || dates === null) {
    return undefined;
  }
  const out: Record<string, number> = {};
  for (const id of ids) {
    const minutes = Object.hasOwn(dates, id) ? (dates as Record<string, unknown>)[id] : undefined;
    if (typeof minutes === 'number' && Number.isFinite(minutes)) {
      out[id] = minutes;
    }
  }
  return out;
}

/** Cuts the state until its JSON fits `budget` characters: correspondents, then old ids, then relays. */
export function fitToBudget(state: LearnedState, budget = LEARNED_BUDGET_CHARS): LearnedState {
  let out = state;
  const size = () => JSON.stringify(out).length;
  const cutters: Array<(s: LearnedState) => LearnedState | undefined> = [
    s =>
      (s.profile.correspondents?.length ?? 0) > 0
        ? {
            ...s,
            profile: {
              ...s.profile,
              correspondents: s.profile.correspondents!.slice(
                Math.ceil(s.profile.correspondents!.length / 4),
              ),
            },
          }
        : undefined,
    s => {
      const ids = s.ids.slice(Math.ceil(s.ids.length / 4));
      return s.ids.length > 0 ? { ...s, ids, dates: datesOf(ids, s.dates) } : undefined;
    },
    s =>
      s.profile.relays.length > 0
        ? {
            ...s,
            profile: { ...s.profile, relays: s.profile.relays.slice(Math.ceil(s.profile.relays.length / 4)) },
          }
        : undefined,
    s => {
      const lists = ['messageIdDomains', 'messageIdShapes', 'dkimDomains', 'userAgents', 'charsets'] as const;
      const longest = lists.reduce((a, b) =>
        (s.profile[a]?.length ?? 0) >= (s.profile[b]?.length ?? 0) ? a : b,
      );
      const list = s.profile[longest] ?? [];
      return list.length > 0
        ? { ...s, profile: { ...s.profile, [longest]: list.slice(Math.ceil(list.length / 4)) } }
        : undefined;
    },
  ];
  for (const cut of cutters) {
    while (size() > budget) {
      const next = cut(out);
      if (next === undefined) {
        break;
      }
      out = next;
    }
  }
  return size() > budget ? emptyLearned() : out;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];

/** Reads a stored state; anything malformed (another version, a hand edit) counts as nothing learned. */
export function parseLearned(value: unknown): LearnedState {
  if (typeof value !== 'object' || value === null || (value as { v?: unknown }).v !== 1) {
    return emptyLearned();
  }
  const record = value as Record<string, unknown>;
  const p = (
    typeof record['profile'] === 'object' && record['profile'] !== null ? record['profile'] : {}
  ) as Record<string, unknown>;
  const state: LearnedState = {
    v: 1,
    profile: {
      messageIdDomains: strings(p['messageIdDomains']),
      messageIdShapes: strings(p['messageIdShapes']),
      dkimDomains: strings(p['dkimDomains']),
      userAgents: strings(p['userAgents']),
      relays: strings(p['relays']),
      providers: strings(p['providers']),
      returnPathTags: strings(p['returnPathTags']),
      charsets: strings(p['charsets']),
      correspondents: strings(p['correspondents']),
    },
    ids: strings(record['ids']),
    dates: datesOf(strings(record['ids']), record['dates']),
    samples:
      typeof record['samples'] === 'number' && record['samples'] >= 0 ? Math.floor(record['samples']) : 0,
  };
  return fitToBudget(state);
}

/** The profile a check uses: the user's addresses (from Office) with everything learned so far. */
export function profileWith(addresses: readonly string[], state: LearnedState): Profile {
  const base = emptyProfile(addresses);
  if (state.samples === 0) {
    return base;
  }
  const p = state.profile;
  return {
    ...base,
    messageIdDomains: [...p.messageIdDomains],
    messageIdShapes: [...p.messageIdShapes],
    dkimDomains: [...p.dkimDomains],
    userAgents: [...p.userAgents],
    relays: [...p.relays],
    providers: union(base.providers, p.providers),
    returnPathTags: [...p.returnPathTags],
    sampleSize: state.samples,
    charsets: [...(p.charsets ?? [])],
    correspondents: (p.correspondents ?? []).filter(a => !base.addresses.includes(a)),
  };
}

/**
 * `found` for an id the pane has seen among the user's messages; `unavailable` for every other request
 * (other ids, and by-recipient questions: the pane saw too little of Sent Items to answer them).
 */
export function learnedLookup(state: LearnedState): (requests: readonly LookupRequest[]) => Promise<Lookups> {
  const ids = new Set(state.ids);
  return async requests =>
    Object.fromEntries(
      // A by-recipient lookup needs the whole Sent folder's recipients and dates, which the pane has not
      // seen: `unavailable`, never a guess.
      requests.map(request => {
        const id = request.kind === 'by-recipient' ? undefined : request.messageId.toLowerCase();
        if (id === undefined || !ids.has(id)) {
          return [lookupKey(request), 'unavailable'];
        }
        // The copy's date for the reply veto; its subject is not kept (the roaming budget is small).
        const minutes = state.dates?.[id];
        const date = minutes === undefined ? undefined : new Date(minutes * MINUTE).toISOString();
        return [lookupKey(request), foundAnswer(request, { date, subject: undefined })];
      }),
    );
}
