// The flood report's data shapes: plain, JSON-serialisable data like the rest of the engine's output.
// Words live in shared/i18n (keys `flood.*`); everything here is ids, counts and message-derived text.
// Field names are a contract (the CLI's `report --json`): add, never rename.
import type { Analysis, Decision, MessageKind, Verdict } from '../types';

/** One message of the set the report is about, as a shell has it after analyze() and decide(). */
export interface FloodItem {
  analysis: Analysis;
  decision: Decision;
  /** When it arrived (IMAP internal date, Graph receivedDateTime), ms since the epoch; else its Date header is used. */
  arrived?: number | undefined;
  /** The user marked the bounced original, found in their Sent folder, as not theirs. */
  disowned?: boolean | undefined;
}

export interface FloodOptions {
  /** Offset of the user's time zone from UTC in minutes (east positive), for bucket boundaries and labels. */
  utcOffsetMinutes?: number;
  /** The folder the Sieve export files backscatter into (default "Junk"). */
  junkFolder?: string;
  /** How many subjects and entry hosts to list (default 5). */
  top?: number;
}

export type VerdictCounts = Record<Verdict, number>;

export interface TimelineBucket {
  /** Start of the bucket, ms since the epoch (UTC instant). */
  start: number;
  backscatter: number;
  legitimate: number;
  unsure: number;
}

export interface Timeline {
  unit: 'hour' | 'day' | 'week';
  /** Offset used for bucket boundaries, minutes east of UTC. */
  utcOffsetMinutes: number;
  buckets: TimelineBucket[];
  /** The bucket with the most messages (first of equals), or undefined when there are none. */
  peak: { start: number; count: number; backscatter: number } | undefined;
  /** Automated messages without a usable arrival time (not drawn). */
  undated: number;
}

export interface Counted {
  text: string;
  count: number;
}

export interface EntryHostCount {
  /** The name the receiver verified (reverse DNS), else the address. */
  host: string;
  ip: string | undefined;
  /** The name the sender gave (HELO) when the receiver could not verify it: often the user's own domain. */
  claimed: string | undefined;
  count: number;
  /** No reverse name or a dial-up one: a spam bot rather than a mail server. */
  botLike: boolean;
}

export interface Campaign {
  /** Backscatter messages the campaign is made of. */
  messages: number;
  /** The forged originals' subjects, most frequent first (message-derived text: show as text only). */
  subjects: Counted[];
  distinctSubjects: number;
  /** Distinct domains of the recipients the forgeries were sent to (whose servers bounced them). */
  bouncingDomains: number;
  /** Where the forged originals entered the internet (the trace's entry hop), most frequent first. */
  entryHosts: EntryHostCount[];
  distinctEntryHosts: number;
  /** How many of those entries look like spam bots. */
  botEntries: number;
  /** Forged originals whose entry hop could be read. */
  traced: number;
}

/** A fact behind the answer: `flood.evidence.<id>` in the strings table. */
export interface FloodFact {
  id: string;
  params: Readonly<Record<string, string | number>>;
}

export type AnswerId =
  | 'forged' // none of the backscatter was sent from the user's account
  | 'account-used' // originals left through the user's account with authentication, and the user does not know them
  | 'real-only' // only real notices about mail the user sent
  | 'unclear' // only notices the verdict could not tell
  | 'quiet'; // no automated mail at all

export interface Answer {
  id: AnswerId;
  /** backscatter (forged), account (account-used), total automated, … */
  params: Readonly<Record<string, string | number>>;
  /** Why: `flood.evidence.<id>`, strongest first. */
  evidence: FloodFact[];
  /** Secondary remarks: `flood.note.<id>`. */
  notes: FloodFact[];
  /** The Message-IDs of the originals sent through the account (account-used and the unsaved note), bounded. */
  accountMessageIds: string[];
}

export type DmarcPolicy = 'reject' | 'quarantine' | 'none';

export interface DomainAdvice {
  /** The user's domain the forgeries carry (the From / envelope domain of the forged originals, else the profile's). */
  domain: string | undefined;
  /** `own`: a domain the user (or their admin) controls; `provider`: a mailbox provider's shared domain. */
  kind: 'own' | 'provider' | 'unknown';
  /** The provider's display name for a provider domain. */
  provider: string | undefined;
  /** What receivers recorded about the domain's DMARC policy for the forged originals. */
  dmarc: {
    /** The strictest policy most receivers recorded; `missing`: they recorded no DMARC record at all; `unknown`: no results. */
    policy: DmarcPolicy | 'missing' | 'unknown';
    /** Forged originals with a DMARC result for the domain. */
    seen: number;
    counts: Readonly<Partial<Record<DmarcPolicy | 'missing', number>>>;
    /** Results that said `fail` (the receiver found the forgery). */
    failed: number;
  };
  spf: {
    /** What the SPF results say the domain publishes. */
    result: 'fail' | 'softfail' | 'neutral' | 'none' | 'pass' | 'error' | 'unknown';
    seen: number;
  };
  dkim: {
    /** DKIM domains on the user's real mail (learned from Sent). */
    realMailSignedBy: string[];
    /** Forged originals that carried a valid signature of the domain (none expected). */
    forgedPassed: number;
  };
  /** What to do, in order: `flood.step.<id>`. */
  steps: FloodFact[];
}

export type AdminExportId = 'spamassassin' | 'sieve' | 'postfix' | 'exim';

export interface AdminExport {
  id: AdminExportId;
  /** `flood.admin.<id>.title` / `.note`. */
  params: Readonly<Record<string, string | number>>;
  /** The configuration text, ready to paste. */
  text: string;
}

export interface FloodReport {
  /** Messages given. */
  total: number;
  /** Messages with a verdict (bounces, auto-replies, challenges, …). */
  automated: number;
  verdicts: VerdictCounts;
  /** Counts per kind and verdict, kinds with a verdict only. */
  kinds: Partial<Record<MessageKind, VerdictCounts>>;
  /** First and last arrival of automated messages, ms since the epoch. */
  first: number | undefined;
  last: number | undefined;
  timeline: Timeline;
  campaign: Campaign;
  answer: Answer;
  domain: DomainAdvice;
  /** The relays learned from the user's real mail that the admin exports name. */
  relays: string[];
  admin: AdminExport[];
}
