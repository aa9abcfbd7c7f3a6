// The user's Sent folder as the verdict asks about it, one rule for every shell. Two questions: is this
// Message-ID there (the id lookups), and did the user write to this address, about this subject, around
// this time (the by-recipient lookups, for notices that carry no usable id). Shells that hold the Sent
// messages themselves (the CLI's --sent, the standalone analyzer's Sent file, the tests) build a
// SentIndex; shells that search a store (Thunderbird's messages.query, Graph) fetch the messages of the
// window and apply judgeByRecipient, so the answer is the same everywhere. Pure.
import { decodeHeaderWords } from './mime/decode';
import type {
  FoundInSent,
  LookupAnswer,
  LookupRequest,
  LookupResult,
  Lookups,
  OriginalMessage,
  RecipientLookup,
} from './types';

const MAX_SUBJECT = 200;

// Reply and forward prefixes in the languages mail programs write them (RFC 5322 §3.6.5 names only
// "Re:"; Outlook localises: AW/WG German, SV Nordic, TR/RV French/Spanish, ENC Portuguese, ODP Polish,
// VS Finnish, YNT Turkish) with an optional counter ("Re[2]:", "AW(3):"). One prefix per pass; the
// blanks before the colon and those after the counter are separate runs (no overlapping quantifiers).
const PREFIX =
  /^(?:re|fwd?|fw|aw|sv|vs|wg|tr|rv|enc|antw|odp|ynt|res|r)[ \t]*(?:(?:\[\d{1,4}\]|\(\d{1,4}\))[ \t]*)?[:：]/i;

// What Exchange and others put before the subject of the message that bounced ("Undeliverable: Lunch").
const NOTICE_PREFIX =
  /^[ \t]*(?:undeliverable|unzustellbar|non remis|onbestelbaar|no se puede entregar|non recapitabile|olevererbart|kan ikke leveres)[ \t]*:/i;

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * A subject as the user wrote it, for comparison: encoded words decoded (RFC 2047), reply and forward
 * prefixes removed, whitespace folded, lower-cased. Undefined for an empty subject.
 */
export function normalizeSubject(value: string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  let s = value.slice(0, MAX_SUBJECT * 4);
  if (s.includes('=?')) {
    s = decodeHeaderWords(s) ?? s;
  }
  s = s.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 8; i++) {
    const m = PREFIX.exec(s);
    if (m === null) {
      break;
    }
    s = s.slice(m[0].length).trimStart();
  }
  // NFC leaves ASCII as it is: only other text goes to the (ICU) normaliser.
  s = (NON_ASCII.test(s) ? s.normalize('NFC') : s).toLowerCase().slice(0, MAX_SUBJECT).trimEnd();
  return s === '' ? undefined : s;
}

/** The subject of the bounced message as a notice's own subject names it ("Undeliverable: …"), if it does. */
export function subjectOfNotice(value: string | undefined): string | undefined {
  const m = value === undefined ? null : NOTICE_PREFIX.exec(value.slice(0, MAX_SUBJECT * 4));
  return m === null ? undefined : normalizeSubject(value!.slice(m[0].length));
}

/** Equal, or one cut short (bouncing servers and quoted summary lines truncate long subjects). */
export function sameSubject(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 16 && long.startsWith(short);
}

/** An RFC 5322 date (comments dropped) or an ISO 8601 one, in ms since the epoch. */
export function parseMailDate(value: string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const v = value.slice(0, 200);
  const t = Date.parse(v.includes('(') ? v.replace(/\([^()]*\)/g, ' ') : v);
  return Number.isNaN(t) ? undefined : t;
}

/** The result of an answer: a FoundInSent is `found`; anything unknown (a missing key) is `unavailable`. */
export function lookupResult(answer: LookupAnswer | undefined): LookupResult {
  const result = typeof answer === 'object' && answer !== null ? answer.result : answer;
  return result === 'found' || result === 'not-found' ? result : 'unavailable';
}

/**
 * A shell's answer for an id it found in Sent: the copy's date and subject for the id an auto-reply
 * answers (the reply veto checks them) and for a bounced original (its date bounds when a real bounce
 * arrives), plain `found` for every other role.
 */
export function foundAnswer(
  request: LookupRequest,
  copy: { date: string | undefined; subject: string | undefined },
): LookupAnswer {
  return request.kind !== 'by-recipient' && (request.role === 'in-reply-to' || request.role === 'original')
    ? ({ result: 'found', date: copy.date, subject: copy.subject } satisfies FoundInSent)
    : 'found';
}

/** Where the answer to a request goes in Lookups. */
export function lookupKey(request: LookupRequest): string {
  return request.kind === 'by-recipient' ? request.key : request.messageId;
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);

/** One Sent message as the by-recipient rule sees it. */
export interface SentCandidate {
  /** To, Cc and Bcc addresses (any case). */
  recipients: readonly string[];
  /** As stored: raw or decoded, with or without prefixes. */
  subject: string | undefined;
  /** ms since the epoch; undefined when the copy has no readable date. */
  time: number | undefined;
}

export interface JudgeOptions {
  /** The oldest dated message the searched store holds: a window starting before it is not covered. */
  oldest?: number | undefined;
}

/** The window a request asks about, in ms since the epoch. */
export function lookupWindow(request: RecipientLookup): { from: number; to: number } | undefined {
  const t = Date.parse(request.date);
  const w = request.windowHours * 3_600_000;
  return Number.isNaN(t) || !(w > 0) ? undefined : { from: t - w, to: t + w };
}

/**
 * The by-recipient rule. `found`: a message to exactly that address in the window, about the same
 * subject when the notice quotes one. `not-found`: no message to that address in the window (for an
 * auto-reply, to no one at its domain either: replies often come from another address of the same
 * organisation than the one written to). Anything in between — a message to them about something else,
 * an undated copy, a window the store does not reach back to — is `unavailable`: it proves neither.
 * `candidates` may hold more than the window; the shell must pass every message it found in it.
 */
export function judgeByRecipient(
  request: RecipientLookup,
  candidates: Iterable<SentCandidate>,
  options: JudgeOptions = {},
): LookupResult {
  const window = lookupWindow(request);
  if (window === undefined) {
    return 'unavailable';
  }
  const address = request.address.toLowerCase();
  const domain = domainOf(address);
  let ambiguous = options.oldest === undefined ? false : options.oldest > window.from;
  for (const c of candidates) {
    if (c.time !== undefined && (c.time < window.from || c.time > window.to)) {
      continue;
    }
    let toAddress = false;
    let toDomain = false;
    for (const r of c.recipients) {
      const lower = r.toLowerCase();
      toAddress ||= lower === address;
      toDomain ||= request.role === 'answered' && domainOf(lower) === domain;
    }
    if (!toAddress && !toDomain) {
      continue;
    }
    if (c.time !== undefined && toAddress) {
      const subject = normalizeSubject(c.subject);
      if (request.subject === undefined || (subject !== undefined && sameSubject(subject, request.subject))) {
        return 'found';
      }
    }
    ambiguous = true;
  }
  return ambiguous ? 'unavailable' : 'not-found';
}

interface Entry extends SentCandidate {
  time: number | undefined;
}

/** Entries sorted by time (dated), plus the undated ones, per address or domain. */
interface Bucket {
  dated: Entry[];
  undated: Entry[];
}

/** The first index whose time is ≥ t (dated is sorted by time). */
function lowerBound(dated: readonly Entry[], t: number): number {
  let lo = 0;
  let hi = dated.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((dated[mid]!.time ?? 0) < t) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/**
 * The user's sent mail, indexed: ids in a set (O(1)), messages per recipient address and per domain
 * sorted by date (a window is a binary search, O(log n) plus what it holds).
 */
export class SentIndex {
  readonly size: number;
  readonly summaries: readonly OriginalMessage[];
  /** The oldest dated message: windows that start before it are not covered. */
  readonly oldest: number | undefined;
  /** Lower-cased id → its first copy (dates and subjects answer `in-reply-to` requests). */
  private readonly ids = new Map<string, OriginalMessage>();
  private readonly byAddress = new Map<string, Bucket>();
  private readonly byDomain = new Map<string, Bucket>();

  constructor(summaries: readonly OriginalMessage[]) {
    this.summaries = summaries;
    this.size = summaries.length;
    let oldest: number | undefined;
    for (const s of summaries) {
      if (s.messageId !== undefined) {
        // Some gateways change the case of the right-hand side: compare ids case-insensitively.
        const key = s.messageId.toLowerCase();
        if (!this.ids.has(key)) {
          this.ids.set(key, s);
        }
      }
      const time = parseMailDate(s.date);
      if (time !== undefined && (oldest === undefined || time < oldest)) {
        oldest = time;
      }
      const recipients = [...s.to, ...s.cc].map(m => m.address.toLowerCase());
      const entry: Entry = { recipients, subject: s.subject, time };
      const seen = new Set<string>();
      for (const r of recipients) {
        for (const [map, key] of [
          [this.byAddress, r],
          [this.byDomain, `@${domainOf(r)}`],
        ] as const) {
          if (seen.has(key)) {
            continue;
          }
          seen.add(key);
          let bucket = map.get(key);
          if (bucket === undefined) {
            bucket = { dated: [], undated: [] };
            map.set(key, bucket);
          }
          (time === undefined ? bucket.undated : bucket.dated).push(entry);
        }
      }
    }
    this.oldest = oldest;
    for (const map of [this.byAddress, this.byDomain]) {
      for (const bucket of map.values()) {
        bucket.dated.sort((a, b) => (a.time ?? 0) - (b.time ?? 0));
      }
    }
  }

  hasId(messageId: string): boolean {
    return this.copy(messageId) !== undefined;
  }

  /** The Sent copy holding this id, if any. */
  copy(messageId: string): OriginalMessage | undefined {
    return this.ids.get(messageId.replace(/^<|>$/g, '').toLowerCase());
  }

  /** The Sent messages a by-recipient request must be judged on: those to the address (or domain) in its window. */
  *candidates(request: RecipientLookup): Iterable<SentCandidate> {
    const window = lookupWindow(request);
    const address = request.address.toLowerCase();
    const bucket =
      request.role === 'answered' ? this.byDomain.get(`@${domainOf(address)}`) : this.byAddress.get(address);
    if (window === undefined || bucket === undefined) {
      return;
    }
    yield* bucket.undated;
    for (let i = lowerBound(bucket.dated, window.from); i < bucket.dated.length; i++) {
      const entry = bucket.dated[i]!;
      if ((entry.time ?? 0) > window.to) {
        break;
      }
      yield entry;
    }
  }

  /** found / not-found for each request; an empty index proves nothing, so then every answer is `unavailable`. */
  answer(requests: readonly LookupRequest[]): Lookups {
    const out: Record<string, LookupAnswer> = {};
    for (const request of requests) {
      if (this.size === 0) {
        out[lookupKey(request)] = 'unavailable';
      } else if (request.kind === 'by-recipient') {
        out[request.key] = judgeByRecipient(request, this.candidates(request), { oldest: this.oldest });
      } else {
        const copy = this.copy(request.messageId);
        out[request.messageId] = copy === undefined ? 'not-found' : foundAnswer(request, copy);
      }
    }
    return out;
  }
}

/** What a shell without a Sent folder answers: every request `unavailable`. */
export function unavailableLookups(requests: readonly LookupRequest[]): Lookups {
  return Object.fromEntries(requests.map(r => [lookupKey(r), 'unavailable' as const]));
}
