// The engine's public data shapes. Everything here is plain data: JSON-serialisable, no classes,
// no functions, so shells can pass it across message ports and the CLI can print it as is.
// Field names are a public contract (the CLI's --json output, the shells' protocols): add, never rename.

/** What kind of automated message this is; `other` is ordinary mail, spam that imitates a bounce included. */
export type MessageKind =
  | 'ndr' // delivery failed (RFC 3464 Action: failed, or an MTA's plain-text equivalent)
  | 'delay' // still trying (Action: delayed)
  | 'delivery-receipt' // success DSN (Action: delivered / relayed / expanded)
  | 'auto-reply' // vacation, out-of-office, auto-responder (RFC 3834 and common non-standard forms)
  | 'challenge' // challenge-response: "confirm you are a real sender"
  | 'virus-notice' // antivirus / content filter telling the sender their message was stopped
  | 'read-receipt' // MDN, RFC 8098
  | 'feedback-report' // ARF, RFC 5965 (and DMARC failure reports in ARF form)
  | 'other';

export const AUTOMATED_KINDS: readonly MessageKind[] = [
  'ndr',
  'delay',
  'delivery-receipt',
  'auto-reply',
  'challenge',
  'virus-notice',
  'read-receipt',
  'feedback-report',
];

/** RFC 3464 §2.3.3 Action field. */
export type DsnAction = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';

/** Why a recipient failed, in categories a person can act on. */
export type ReasonCategory =
  | 'user-unknown' // 5.1.1, "no such user"
  | 'mailbox-full' // 5.2.2 / 4.2.2, over quota
  | 'domain-unknown' // 5.1.2, 5.4.4: no such domain / host not found
  | 'spam-blocked' // rejected as spam, blocklisted, bad reputation
  | 'auth-policy' // SPF, DKIM, DMARC, PTR, sender authentication policy (5.7.1 with SPF text, 5.7.26, …)
  | 'too-large' // 5.3.4, 5.2.3
  | 'expired' // 4.4.7 / 5.4.7: gave up after retrying
  | 'relay-denied' // 5.7.1 relaying denied, 5.4.6 routing loop counts as network
  | 'mailbox-disabled' // 5.2.1: disabled, suspended, moved
  | 'virus-content' // 5.7.0/5.7.1 virus, content filter, attachment type
  | 'network-error' // 4.4.x, connection refused, TLS failure, routing loop, system error
  | 'other';

export interface RecipientReport {
  /** The failed (or delayed / delivered) address as the report names it, lower-cased domain. */
  address: string;
  action: DsnAction | undefined;
  /** Enhanced status code, RFC 3463: "5.1.1". */
  status: string | undefined;
  /** SMTP reply code, RFC 5321: "550". */
  replyCode: string | undefined;
  /** The remote server's words, unfolded, bounded in length. */
  diagnostic: string | undefined;
  /** The host that answered (Remote-MTA, or the host named in the text). */
  remoteMta: string | undefined;
  reason: ReasonCategory;
}

export interface Mailbox {
  name: string | undefined;
  address: string;
}

/** One Received: header of the original, as parsed. Index 0 is the topmost (newest) hop. */
export interface ReceivedHop {
  /** The host name the receiving side recorded ("from HOST (…)"): HELO or reverse DNS. */
  fromHost: string | undefined;
  /** The HELO/EHLO name when the line records it separately ("(helo=…)", "(HELO …)"). */
  helo: string | undefined;
  ip: string | undefined;
  byHost: string | undefined;
  /** The "with" clause: SMTP, ESMTPS, ESMTPSA (authenticated submission), LMTP, HTTP, … */
  protocol: string | undefined;
  date: string | undefined;
}

export interface AuthResult {
  source: 'authentication-results' | 'arc-authentication-results' | 'received-spf';
  /** The authserv-id (RFC 8601 §2.2): who wrote this result. */
  authserv: string | undefined;
  method: string; // spf, dkim, dmarc, arc, auth, …
  result: string; // pass, fail, softfail, neutral, none, temperror, permerror, policy, …
  /** The domain the result is about: smtp.mailfrom / header.from / header.d / header.i domain. */
  domain: string | undefined;
}

export interface DkimSignature {
  domain: string;
  selector: string | undefined;
}

/** Where the bounced original was found. */
export type OriginalVia =
  | 'message/rfc822'
  | 'text/rfc822-headers'
  | 'message/global'
  | 'message/global-headers'
  | 'inline' // quoted in the text after a marker line ("----- Original message -----")
  | 'forwarded'; // inside a forwarded bounce ("Fwd: Undelivered Mail …")

export interface OriginalMessage {
  via: OriginalVia;
  /** True when the original's header block was cut (no blank line after it, or a size limit hit). */
  headersTruncated: boolean;
  /** True when the report carried headers only, or the body was cut by the bouncing side or by a limit. */
  bodyTruncated: boolean;
  messageId: string | undefined;
  from: Mailbox[];
  sender: Mailbox | undefined;
  replyTo: Mailbox[];
  returnPath: string | undefined;
  to: Mailbox[];
  cc: Mailbox[];
  subject: string | undefined;
  date: string | undefined;
  inReplyTo: string | undefined;
  references: string[];
  received: ReceivedHop[];
  auth: AuthResult[];
  dkim: DkimSignature[];
  userAgent: string | undefined;
  listId: string | undefined;
  /** Charsets the original declares (Content-Type of the message and of its first text part). */
  charsets: string[];
  /** The first text of the original's body, whitespace folded, at most a few hundred characters. */
  bodyExcerpt: string | undefined;
  /** Every header field of the original, unfolded, in order (bounded), for signals that need more. */
  headers: HeaderField[];
}

export interface HeaderField {
  name: string; // lower-case
  value: string; // unfolded, raw (encoded words not decoded)
}

/** What an auto-reply or challenge answers. */
export interface Answering {
  inReplyTo: string | undefined;
  references: string[];
  /** The subject the reply quotes ("Re: …", "Automatic reply: …" with the prefix removed). */
  quotedSubject: string | undefined;
}

/** An id the shell should look up in the user's sent mail before calling decide(). */
export interface MessageIdLookup {
  /** Absent in requests made before by-recipient lookups existed: absent means 'message-id'. */
  kind?: 'message-id';
  /** Message-ID without angle brackets, as it appears in the Sent folder's Message-ID header. */
  messageId: string;
  role: 'original' | 'in-reply-to' | 'references';
}

/**
 * With no usable id (no original, an original without Message-ID, an auto-reply naming nothing): did the
 * user write to the other side, about this subject, around this time? `sent-index.ts` holds the rule
 * (`judgeByRecipient`) every shell applies to the Sent messages it finds in the window.
 */
export interface RecipientLookup {
  kind: 'by-recipient';
  /** Where the answer goes in Lookups. */
  key: string;
  /** 'original': the failed recipient of a bounce; 'answered': whoever sent an auto-reply. */
  role: 'original' | 'answered';
  /** The counterpart's address, lower-cased. */
  address: string;
  /** The subject the user wrote, normalised (`normalizeSubject`); undefined when the notice quotes none. */
  subject: string | undefined;
  /** ISO 8601: the original's Date when quoted, else the notice's own. */
  date: string;
  /** Sent messages dated within ± this many hours of `date` count. */
  windowHours: number;
}

export type LookupRequest = MessageIdLookup | RecipientLookup;

export interface Analysis {
  kind: MessageKind;
  /** Stable id of the format module that decoded it ('rfc3464', 'postfix', 'exim', 'qmail', 'rfc3834', …). */
  format: string | undefined;
  /** Stable id of the software or provider that wrote a report ('postfix', 'exchange', 'gmail', …), when recognised. */
  mta?: string | undefined;
  /** The bounce's own top-level header facts. */
  subject: string | undefined;
  from: Mailbox | undefined;
  to: Mailbox[];
  date: string | undefined;
  /**
   * ISO 8601: the date of the message's topmost Received field, the one the user's own server adds on
   * delivery, when readable (automated messages only). Unlike Date, the sender does not write it: the
   * reply veto dates an auto-reply by it (security issue 8 §6).
   */
  receivedAt?: string | undefined;
  messageId: string | undefined;
  /** The MTA that wrote the report (Reporting-MTA, or the bounce's sending host). */
  reportingMta: string | undefined;
  recipients: RecipientReport[];
  original: OriginalMessage | undefined;
  /** For auto-replies and challenges. */
  answering: Answering | undefined;
  /** For challenges: the vendor when known ('boxbe', 'spamarrest', 'mailsbestfriend', …). */
  challengeVendor: string | undefined;
  /** Ids to look up in Sent, strongest first. Empty when there is nothing to look up. */
  lookups: LookupRequest[];
  /** Non-fatal problems met while reading ('mime-error', 'size-limit', 'header-limit', …). */
  warnings: string[];
  /**
   * The reporting server's own record of who handed it the message (Received-From-MTA, Sendmail's
   * "The original message was received at … from HOST [IP]"); absent when the report names nobody.
   */
  handedOverBy?: HandOver | undefined;
  /**
   * What an ordinary message (kind `other`) carries that a shell may mention. `forwarded-report`: a
   * person forwards or quotes a delivery report ("I got this back …"); the message itself gets no
   * verdict and no automatic action. Absent when there is nothing to say.
   */
  contains?: AnalysisContent[] | undefined;
}

/** See Analysis.handedOverBy: written by the bouncing side, so it is a trusted entry hop. */
export interface HandOver {
  /** The name the reporter recorded (its reverse lookup, or what the client said), lower-cased. */
  host: string | undefined;
  /** The greeting, when recorded apart from the name ("helo (rdns [ip])"). */
  helo: string | undefined;
  ip: string | undefined;
  source: 'received-from-mta' | 'sendmail-text';
  /** The recorded value, bounded. */
  raw: string;
}

/** See Analysis.contains. */
export type AnalysisContent = 'forwarded-report';

// ---------------------------------------------------------------------------------------------
// The verdict (phase two): decide(analysis, profile, lookups, history?) → Decision

export type Verdict = 'backscatter' | 'legitimate' | 'unsure';

/** Result of looking an id up in the user's sent mail. `unavailable`: could not search / not synced. */
export type LookupResult = 'found' | 'not-found' | 'unavailable';

/**
 * An id found in Sent, with what the Sent copy says (security issue 8 §6). Anyone who has seen one of the
 * user's Message-IDs (list archives show them, with their subject and date) can name it in a forged
 * auto-reply, so the reply veto holds only when the reply's date and subject agree with the copy's. Shells
 * answer `in-reply-to` requests with this when they find the id; a plain `found` still counts as found,
 * but cannot carry the veto. The same holds for a bounce's `original` (a forged bounce can quote a real
 * message whole): its found id decides only when the bounce arrived within a queue lifetime of the copy.
 */
export interface FoundInSent {
  result: 'found';
  /** The Sent copy's date: ISO 8601 or RFC 5322; undefined when the copy has none. */
  date: string | undefined;
  /** The Sent copy's subject as stored (raw or decoded, with or without prefixes). */
  subject: string | undefined;
}

/** What a shell answers for one request: the result, or for a found `in-reply-to`/`original` id the copy's facts. */
export type LookupAnswer = LookupResult | FoundInSent;

/**
 * Keyed by MessageIdLookup.messageId or RecipientLookup.key (`lookupKey`). A missing key counts as
 * `unavailable`. Read a value with `lookupResult()` (it may be a FoundInSent).
 */
export type Lookups = Readonly<Record<string, LookupAnswer>>;

export type EvidenceParams = Readonly<Record<string, string | number | boolean | readonly string[]>>;

export interface Evidence {
  /** Stable id of the signal that produced it (its file name under verdict/signals/). */
  signal: string;
  direction: 'backscatter' | 'legitimate' | 'neutral';
  /** Contribution to the decision, ≥ 0, in the direction given. */
  weight: number;
  params: EvidenceParams;
}

/** What the user's own mail looks like. Built by learnProfile() from identities and Sent samples. */
export interface Profile {
  /** The user's addresses: identities and aliases, lower-cased. Plus/sub-addressing is matched by the engine. */
  addresses: string[];
  /** Right-hand sides of Message-IDs the user's mail carries (learned), lower-cased. */
  messageIdDomains: string[];
  /** Shape classes of the user's Message-ID left-hand sides (learned), see verdict/message-id-shape. */
  messageIdShapes: string[];
  /** DKIM d= domains on the user's sent mail. */
  dkimDomains: string[];
  /** User-Agent / X-Mailer families seen in Sent. */
  userAgents: string[];
  /** Hosts that carry the user's outgoing mail (learned from Received lines of sent copies, plus trusted relays). */
  relays: string[];
  /** Provider knowledge-base ids that match the user's addresses or hops ('gmail', 'microsoft365', …). */
  providers: string[];
  /** BATV/SRS-style return-path tags seen on the user's mail ('prvs', 'srs', …). */
  returnPathTags: string[];
  /** How many sent messages the profile was learned from. */
  sampleSize: number;
  /** Charsets the user's sent mail declares (learned), lower-cased; absent in profiles built before it existed. */
  charsets?: string[];
  /** Addresses the user has written to (To/Cc of the Sent sample), lower-cased; absent in older profiles. */
  correspondents?: string[];
  /** What bounces of the user's own mail showed about how it leaves (learnFromConfirmed); kept across relearning. */
  confirmed?: ConfirmedRoutes;
}

/**
 * Ground truth from bounces whose original was found in Sent: the user sent it, so the hop where it
 * entered the receiving side and everything below are the user's route. Bounded lists, newest last.
 */
export interface ConfirmedRoutes {
  /** How many confirmed bounces this was learned from. */
  count: number;
  /** Verified names of the hosts that handed the user's mail to the receiving side. */
  entryHosts: string[];
  /** Their IP addresses. */
  entryIps: string[];
  /** Hosts of the user's side below the entry (their server, their provider's relays). */
  relays: string[];
  /** DKIM signatures on the user's mail, "d=domain; s=selector". */
  dkim: string[];
  /** Right-hand sides and shape classes of the user's Message-IDs. */
  messageIdDomains: string[];
  messageIdShapes: string[];
}

/** Recent automated mail, counted by the shell, so a campaign can tip `unsure` toward backscatter. */
export interface History {
  /** Automated messages (ndr/delay/auto-reply/challenge/virus-notice) received in the window. */
  automatedInWindow: number;
  /** Distinct failed-recipient domains among them. */
  distinctRecipientDomains: number;
  /** The window, in hours. */
  windowHours: number;
  /**
   * Co-arrival (verdict issue, item 9): other automated messages within ±THRESHOLDS.coArrivalHours of this
   * one, about other domains, that decide() called backscatter on their own evidence. Optional.
   */
  backscatterNearby?: number;
  /** The user's usual rate of automated mail per day (over the shell's longer history). Optional. */
  automatedPerDay?: number;
}

export type ExplanationKey = string;

/** Plain-language help for a legitimate bounce: data only; shells turn keys into text. */
export interface ExplanationItem {
  recipient: string | undefined;
  reason: ReasonCategory;
  status: string | undefined;
  /** Key into the strings table: what failed and what to do. */
  key: ExplanationKey;
  params: EvidenceParams;
}

export interface Decision {
  /** undefined for kinds that get no verdict (`other`, `feedback-report`). */
  verdict: Verdict | undefined;
  /** 0–1. */
  confidence: number;
  /** Ordered by contribution, strongest first. */
  evidence: Evidence[];
  /** For bounces (most useful for legitimate ones): what failed and what to do, one item per recipient. */
  explanation: ExplanationItem[];
}
